import type { TelemetryWindow } from '../domain';

// telemetry.md §1 and §5: window lengths, and the 90-day retention that `all` means.

export const WINDOW_MS: Readonly<Record<TelemetryWindow, number | null>> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 604_800_000,
  all: null,
};

export const RETENTION_MS = 90 * 86_400_000;

/** A row belongs to the window when at ≥ now − length. */
export function windowStart(window: TelemetryWindow, now: number): number {
  const length = WINDOW_MS[window];
  return length === null ? Number.MIN_SAFE_INTEGER : now - length;
}
