import { describe, expect, it } from 'vitest';
import { healthStatus, successRate, windowStart, WINDOW_MS } from '../../../core/telemetry';

describe('telemetry definitions (telemetry.md §1, §4)', () => {
  it('puts a row in a window when at ≥ now − length', () => {
    expect(WINDOW_MS).toEqual({ '1h': 3_600_000, '24h': 86_400_000, '7d': 604_800_000, all: null });
    expect(windowStart('1h', 10_000_000)).toBe(6_400_000);
    expect(windowStart('all', 10_000_000)).toBeLessThan(0);
  });

  it('leaves cancelled generations out of the success rate and grades health by it', () => {
    expect(successRate(0, 0)).toBeNull();
    expect(successRate(19, 1)).toBe(0.95);
    expect(healthStatus(0, 0)).toBe('idle');
    expect(healthStatus(19, 1)).toBe('healthy');
    expect(healthStatus(18, 2)).toBe('degraded');
    expect(healthStatus(1, 1)).toBe('degraded');
    expect(healthStatus(1, 2)).toBe('failing');
  });
});
