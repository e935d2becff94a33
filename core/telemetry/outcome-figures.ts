import type { ErrorClassSummary, LatencyStats, TelemetryWindow } from '../domain';
import type { GroupTotals } from './sample-aggregates';

// telemetry.md §4: the figures shared by provider and operation rows, from a group's SQL totals.

export type OutcomeFigures = {
  window: TelemetryWindow;
  total: number;
  completed: number;
  failed: number;
  cancelled: number;
  successRate: number | null;
  latencyMs: LatencyStats;
  queueMs: LatencyStats;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  avgCostUsd: number | null;
  fallbacks: number;
  errors: ErrorClassSummary[];
};

export const NO_SAMPLES: Omit<GroupTotals, 'key'> = {
  completed: 0,
  failed: 0,
  cancelled: 0,
  tokensIn: 0,
  tokensOut: 0,
  costUsd: 0,
  fallbacks: 0,
};

export function successRate(completed: number, failed: number): number | null {
  return completed + failed === 0 ? null : completed / (completed + failed);
}

export function outcomeFigures(
  window: TelemetryWindow,
  totals: Omit<GroupTotals, 'key'>,
  spread: { latencyMs: LatencyStats; queueMs: LatencyStats },
  errors: ErrorClassSummary[],
): OutcomeFigures {
  const { completed, failed, cancelled, costUsd } = totals;
  return {
    window,
    total: completed + failed + cancelled,
    completed,
    failed,
    cancelled,
    successRate: successRate(completed, failed),
    latencyMs: spread.latencyMs,
    queueMs: spread.queueMs,
    tokensIn: totals.tokensIn,
    tokensOut: totals.tokensOut,
    costUsd,
    avgCostUsd: completed === 0 ? null : costUsd / completed,
    fallbacks: totals.fallbacks,
    errors,
  };
}

export function healthStatus(completed: number, failed: number): 'idle' | 'healthy' | 'degraded' | 'failing' {
  const rate = successRate(completed, failed);
  if (rate === null) return 'idle';
  if (rate >= 0.95) return 'healthy';
  return rate >= 0.5 ? 'degraded' : 'failing';
}

export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [row]);
    else list.push(row);
  }
  return groups;
}
