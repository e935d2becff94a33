// The Electron main process entry (out/main/index.js).
import { stderrLogger } from '../../core/rpc/logger';
import { registerAppScheme, startApp } from './start-app';

registerAppScheme();
startApp().catch((thrown: unknown) => {
  stderrLogger.error('app.start_failed', { error: thrown });
  process.exit(1);
});
