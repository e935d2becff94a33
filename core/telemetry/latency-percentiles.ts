// telemetry.md §4 / core-api.md: median, and nearest-rank p95/p99. Pure, so the renderer may use it too.

export type LatencyPercentiles = { count: number; p50: number | null; p95: number | null; p99: number | null };

/** Minimum sample count for p95/p99: below it a tail percentile would just be the maximum. */
const TAIL_MIN_SAMPLES = 20;

function nearestRank(sorted: readonly number[], p: number): number {
  // 1-based rank ceil(p × n); p × n is computed on integers (p as hundredths) to avoid 0.95 × 20 = 19.000000000000004.
  const rank = Math.ceil((Math.round(p * 100) * sorted.length) / 100);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function latencyPercentiles(samplesMs: readonly number[]): LatencyPercentiles {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0, p50: null, p95: null, p99: null };
  const mid = n >> 1;
  const p50 = n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  if (n < TAIL_MIN_SAMPLES) return { count: n, p50, p95: null, p99: null };
  return { count: n, p50, p95: nearestRank(sorted, 0.95), p99: nearestRank(sorted, 0.99) };
}
