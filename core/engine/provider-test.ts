import { genErrorForProviderFailure, isProviderError, type ProviderTestResult } from '../providers';
import { boundedSignal } from './bounded-signal';
import type { EngineContext } from './engine-context';

// engine.md §2.5 and providers.md §7: one exchange, timed with the engine clock, recorded as lastTest.

export async function testProvider(ctx: EngineContext, id: string): Promise<ProviderTestResult & { latencyMs: number }> {
  const provider = ctx.providers.require(id);
  const secret = ctx.providers.secret(id);
  const started = ctx.now();
  let result: ProviderTestResult;
  const bounded = boundedSignal(provider.settings.requestTimeoutMs ?? 10_000);
  try {
    result = await provider.adapter.test({ config: provider.config, secret, signal: bounded.signal, now: ctx.now, progress: () => undefined, connections: ctx.connections });
  } catch (error) {
    if (!isProviderError(error)) throw error;
    const genError = genErrorForProviderFailure(id, error, { timeoutMs: provider.settings.requestTimeoutMs ?? 0, attempt: 1 });
    result = { ok: false, message: genError.message, warnings: [] };
  } finally {
    bounded.dispose();
  }
  const at = ctx.now();
  const latencyMs = Math.max(0, at - started);
  ctx.log.providerTest(id, at, result.ok, latencyMs, result.message);
  return { ...result, latencyMs };
}
