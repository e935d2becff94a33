import os from 'node:os';
import path from 'node:path';

// engine.md §5: the CLI shares the app's default data dir, so both see one history.
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Genweave Studio', 'data');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Genweave Studio', 'data');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Genweave Studio', 'data');
}

/** `--data-dir`, else GENWEAVE_DATA_DIR, else the default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? env.GENWEAVE_DATA_DIR ?? defaultDataDir(env));
}
