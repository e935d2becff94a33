import { startFakeProvider } from './fake-provider';

// `tsx tests/fake-provider/main.ts [--port N]`: the first stdout line is FAKE_PROVIDER_URL=<url>.

async function main(): Promise<void> {
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 0;
  const provider = await startFakeProvider({ port });
  process.stdout.write(`FAKE_PROVIDER_URL=${provider.url}\n`);
  const stop = () => {
    provider.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`fake provider: close failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake provider: ${String(error)}\n`);
  process.exit(1);
});
