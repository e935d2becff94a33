import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latencyPercentiles } from '../../../core/telemetry/latency-percentiles';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('latencyPercentiles', () => {
  it('gives nulls and count 0 for no samples', () => {
    expect(latencyPercentiles([])).toEqual({ count: 0, p50: null, p95: null, p99: null });
  });

  it('takes the middle value for an odd count and the mean of the two middle values for an even count', () => {
    expect(latencyPercentiles([30, 10, 20]).p50).toBe(20);
    expect(latencyPercentiles([40, 10, 30, 20]).p50).toBe(25);
    expect(latencyPercentiles([7]).p50).toBe(7);
    expect(latencyPercentiles([1, 2]).p50).toBe(1.5);
  });

  it('leaves p95 and p99 null below 20 samples', () => {
    expect(latencyPercentiles(range(19))).toEqual({ count: 19, p50: 10, p95: null, p99: null });
  });

  it('uses nearest rank ceil(p × n) from 20 samples on', () => {
    // n = 20: ranks ceil(19) = 19 and ceil(19.8) = 20.
    expect(latencyPercentiles(range(20).reverse())).toEqual({ count: 20, p50: 10.5, p95: 19, p99: 20 });
    // n = 100: ranks 95 and 99 exactly.
    expect(latencyPercentiles(range(100))).toMatchObject({ p95: 95, p99: 99 });
    // n = 21: ranks ceil(19.95) = 20 and ceil(20.79) = 21.
    expect(latencyPercentiles(range(21))).toMatchObject({ p50: 11, p95: 20, p99: 21 });
    // n = 60: 0.95 × 60 = 57 exactly, with no floating-point drift to rank 58.
    expect(latencyPercentiles(range(60))).toMatchObject({ p95: 57, p99: 60 });
  });

  it('counts every sample, duplicates included, and keeps a true 0', () => {
    expect(latencyPercentiles(Array(25).fill(0))).toEqual({ count: 25, p50: 0, p95: 0, p99: 0 });
    const samples = [...Array(19).fill(5), 100];
    expect(latencyPercentiles(samples)).toEqual({ count: 20, p50: 5, p95: 5, p99: 100 });
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    latencyPercentiles(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('keeps p50 ≤ p95 ≤ p99 within the sample range', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 20, maxLength: 300 }), (samples) => {
        const r = latencyPercentiles(samples);
        expect(r.count).toBe(samples.length);
        expect(r.p50 as number).toBeLessThanOrEqual(r.p95 as number);
        expect(r.p95 as number).toBeLessThanOrEqual(r.p99 as number);
        expect(r.p99 as number).toBeLessThanOrEqual(Math.max(...samples));
        expect(samples).toContain(r.p95);
      }),
      { numRuns: 200 },
    );
  });
});
