// The browser-mode host for one e2e test, in its own process (run with tsx, as `genweave serve` is): the real
// engine, studio host and loopback WebSocket host. Prints the ready line; stops cleanly on SIGTERM.
import { startBrowserHost } from '../../../core/host/browser-host';

const [dataDir, projectPath] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: host-process.ts <dataDir> [projectPath]');
const host = await startBrowserHost({ dataDir, port: 0, ...(projectPath ? { projectPath } : {}) });
process.once('SIGTERM', () => {
  void host.stop().then(() => process.exit(0));
});
