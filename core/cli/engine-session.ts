import { isGenError } from '../domain';
import { type Engine, openEngine, type OpenEngineOptions } from '../engine';
import { EnvironmentError } from './exit-codes';

// The CLI calls the engine in-process (project-format.md §7); every command that needs it opens it once and
// closes it cleanly, also when the command fails.

export async function withEngine<T>(
  dataDir: string,
  run: (engine: Engine) => Promise<T>,
  options: Omit<OpenEngineOptions, 'dataDir'> = {},
): Promise<T> {
  let engine: Engine;
  try {
    engine = await openEngine({ ...options, dataDir });
  } catch (cause) {
    // A data dir that cannot be created or opened is the environment's problem (exit 4), whatever the errno.
    if (isGenError(cause)) throw cause;
    throw new EnvironmentError(`Could not open the data folder '${dataDir}': ${cause instanceof Error ? cause.message : String(cause)}.`, { cause });
  }
  // The engine's timers are unref'd so that a library user can exit freely; a CLI command that awaits the
  // engine must keep the process alive itself until it is done.
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    return await run(engine);
  } finally {
    clearInterval(keepAlive);
    await engine.close();
  }
}
