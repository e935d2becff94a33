import { GenError } from '../domain';
import type { EngineContext } from './engine-context';

/** generation.md §9 step 3: another process holds the flight lease; look again in 50 ms. */
export function flightWait(ctx: EngineContext): Promise<void> {
  if (ctx.isClosed()) return Promise.reject(new GenError('GEN_ENGINE_CLOSED', 'The engine is closed.', {}));
  return new Promise((resolve) => {
    setTimeout(resolve, 50).unref();
  });
}
