import type { ErrorClassSummary, LatencyStats, TelemetryWindow } from '../domain';
import { latencyPercentiles } from './latency-percentiles';

// telemetry.md §4: the figures shared by provider and operation rows, computed from sample rows.

export type SampleRow = {
  providerId: string;
  operation: string;
  projectId: string;
  nodeId: string;
  status: string;
  at: number;
  latencyMs: number | null;
  queueMs: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
  costUsd: number | null;
  fallbackApplied: number;
};

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

export function successRate(completed: number, failed: number): number | null {
  return completed + failed === 0 ? null : completed / (completed + failed);
}

export function outcomeFigures(window: TelemetryWindow, samples: readonly SampleRow[], errors: ErrorClassSummary[]): OutcomeFigures {
  let completed = 0;
  let failed = 0;
  let cancelled = 0;
  let tokensIn = 0;
  let tokensOut = 0;
  let costUsd = 0;
  let fallbacks = 0;
  const latencies: number[] = [];
  const queues: number[] = [];
  for (const s of samples) {
    if (s.status === 'completed') {
      completed += 1;
      if (s.latencyMs !== null) latencies.push(s.latencyMs);
    } else if (s.status === 'failed') {
      failed += 1;
      if (s.fallbackApplied === 1) fallbacks += 1;
    } else if (s.status === 'cancelled') {
      cancelled += 1;
    }
    if (s.queueMs !== null) queues.push(s.queueMs);
    tokensIn += s.tokensIn ?? 0;
    tokensOut += s.tokensOut ?? 0;
    costUsd += s.costUsd ?? 0;
  }
  return {
    window,
    total: completed + failed + cancelled,
    completed,
    failed,
    cancelled,
    successRate: successRate(completed, failed),
    latencyMs: latencyPercentiles(latencies),
    queueMs: latencyPercentiles(queues),
    tokensIn,
    tokensOut,
    costUsd,
    avgCostUsd: completed === 0 ? null : costUsd / completed,
    fallbacks,
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
