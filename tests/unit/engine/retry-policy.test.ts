import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptTimeoutMs, backoffDelayMs, maxAttempts, retryDelayMs } from '../../../core/engine';
import type { GenerationRow } from '../../../core/engine/generation-row';
import { storedTimeoutMs } from '../../../core/engine/terminal-writes';

const config = (fallback: Record<string, unknown>) => ({ generationType: 'dialogue', purpose: 'adaptive', strategy: 'once', fallback }) as never;

describe('the attempt policy of generation.md §13.1', () => {
  it('waits min(8000, 500 × 2^(n−1)) less up to 25 % jitter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const cap = Math.min(8000, 500 * 2 ** (n - 1));
        const delay = backoffDelayMs(n, () => r);
        expect(delay).toBeLessThanOrEqual(cap);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(cap * 0.75));
      }),
    );
    expect(backoffDelayMs(1, () => 0)).toBe(500);
    expect(backoffDelayMs(5, () => 0)).toBe(8000);
    expect(backoffDelayMs(9, () => 0)).toBe(8000);
  });

  it('lets a Retry-After of at most 60 s replace the wait and ends past it', () => {
    expect(retryDelayMs(1, 2000)).toBe(2000);
    expect(retryDelayMs(1, 60_000)).toBe(60_000);
    expect(retryDelayMs(1, 60_001)).toBeNull();
    expect(retryDelayMs(2, undefined, () => 0)).toBe(1000);
  });

  it('allows max(1, min(10, maxRetries ?? 3)) attempts in retry mode and 1 otherwise', () => {
    expect(maxAttempts(config({ mode: 'retry' }))).toBe(3);
    expect(maxAttempts(config({ mode: 'retry', maxRetries: 0 }))).toBe(1);
    expect(maxAttempts(config({ mode: 'retry', maxRetries: 10 }))).toBe(10);
    expect(maxAttempts(config({ mode: 'placeholder', maxRetries: 5 }))).toBe(1);
  });

  it('uses the node timeout, else the provider one, never below 1000 ms', () => {
    expect(attemptTimeoutMs(100, 30_000)).toBe(1000);
    expect(attemptTimeoutMs(4500, 30_000)).toBe(4500);
    expect(attemptTimeoutMs(undefined, 30_000)).toBe(30_000);
  });

  it('reads the timeout of a stored config as the full config parse would', () => {
    const stored = (fallback: unknown) => ({ request: JSON.stringify({ config: { fallback } }) }) as GenerationRow;
    expect(storedTimeoutMs(stored({ mode: 'skip', timeoutMs: 4500 }))).toBe(4500);
    expect(storedTimeoutMs(stored({ mode: 'skip' }))).toBeUndefined();
    expect(storedTimeoutMs(stored({ mode: 'skip', timeoutMs: 'soon' }))).toBeUndefined();
    expect(storedTimeoutMs(stored(undefined))).toBeUndefined();
    expect(storedTimeoutMs({ request: '{}' } as GenerationRow)).toBeUndefined();
  });
});
