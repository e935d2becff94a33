import type { GenerationNodeConfig } from '../domain';

// generation.md §13.1: attempts, deadlines and the wait between attempts.

export const RETRY_AFTER_CAP_MS = 60_000;

export function maxAttempts(config: GenerationNodeConfig | undefined): number {
  const fallback = config?.fallback;
  return fallback?.mode === 'retry' ? Math.max(1, Math.min(10, fallback.maxRetries ?? 3)) : 1;
}

/** The node's fallback.timeoutMs (storedTimeoutMs), else the provider's, never under 1 s. */
export function attemptTimeoutMs(nodeTimeoutMs: number | undefined, providerTimeoutMs: number): number {
  return Math.max(1000, nodeTimeoutMs ?? providerTimeoutMs);
}

/** n = failed attempts so far: min(8000, 500 × 2^(n−1)) × (1 − 0.25 × random). */
export function backoffDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = Math.min(8000, 500 * 2 ** (failedAttempts - 1));
  return Math.round(base * (1 - 0.25 * random()));
}

/** A Retry-After of at most 60 s replaces the backoff; a longer one ends the generation (null). */
export function retryDelayMs(failedAttempts: number, retryAfterMs: number | undefined, random?: () => number): number | null {
  if (retryAfterMs === undefined) return backoffDelayMs(failedAttempts, random);
  return retryAfterMs <= RETRY_AFTER_CAP_MS ? retryAfterMs : null;
}
