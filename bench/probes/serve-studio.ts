import { startBrowserHost } from '../../core/host';

// Row 10's host process: what `genweave serve --project <path>` runs (core/cli/commands/serve.ts), with the
// renderer built by the bench instead of out/renderer. Prints the ready line; stops cleanly on SIGTERM.
// Usage: node --import tsx bench/probes/serve-studio.ts <dataDir> <rendererDir> <projectPath>

const [dataDir, rendererDir, projectPath] = process.argv.slice(2);
if (dataDir === undefined || rendererDir === undefined || projectPath === undefined) {
  throw new Error('usage: serve-studio.ts <dataDir> <rendererDir> <projectPath>');
}
const host = await startBrowserHost({ dataDir, rendererDir, projectPath, port: 0 });
process.once('SIGTERM', () => {
  host.stop().then(
    () => process.exit(0),
    (thrown: unknown) => {
      process.stderr.write(`${thrown instanceof Error ? thrown.message : String(thrown)}\n`);
      process.exit(1);
    },
  );
});
