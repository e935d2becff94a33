/**
 * An AbortSignal that aborts after `ms`, with a dispose() that clears its timer. Unlike
 * AbortSignal.timeout, nothing stays scheduled once the exchange is over.
 */
export function boundedSignal(ms: number): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
  timer.unref();
  return { signal: controller.signal, dispose: () => clearTimeout(timer) };
}
