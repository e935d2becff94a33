// A second engine process for CONC-2: opens the engine on argv[2] with the providers in GW_PROVIDERS,
// fires GW_COUNT concurrent creates of the request in GW_REQUEST, prints `ACK <id> <source>` for each
// and then READY, and stays alive until it is killed. With GW_BARRIER=1 it first prints LOADED and
// waits for GO on stdin, so that the parent can release several children into openEngine together.
import { openEngine } from '../../../../core/engine';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: lease-child <dataDir>');
if (process.env.GW_BARRIER === '1') {
  process.stdout.write('LOADED\n');
  await new Promise<void>((resolve) => {
    let input = '';
    process.stdin.setEncoding('utf8').on('data', (chunk: string) => {
      input += chunk;
      if (input.includes('GO\n')) resolve();
    });
  });
  // Spread the openings over GW_JITTER_MS so that some land inside another's migration.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * Number(process.env.GW_JITTER_MS ?? '0')));
}
const engine = await openEngine({ dataDir, providers: JSON.parse(process.env.GW_PROVIDERS ?? '[]') });
const request = JSON.parse(process.env.GW_REQUEST ?? '{}') as unknown;
const count = Number(process.env.GW_COUNT ?? '1');
await Promise.all(
  Array.from({ length: count }, async () => {
    const { generation, why } = await engine.generations.create(request);
    process.stdout.write(`ACK ${generation.id} ${why.source}\n`);
  }),
);
process.stdout.write('READY\n');
setInterval(() => undefined, 60_000);
