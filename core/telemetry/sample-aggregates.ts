import type Database from 'better-sqlite3';
import type { LatencyStats } from '../domain';
import { latencyPercentiles } from './latency-percentiles';

// telemetry.md §4 read in SQL: counts and sums per group come from one GROUP BY, and each group's
// latency/queue values arrive already ordered from the covering indexes of migration 2, as bare
// numbers. No sample row is ever materialized, so a read costs the same heap at any history size.

/** The groupings whose rows are not scoped to one project (nodes are read per project). */
export type Grouping = 'provider' | 'operation';

export type GroupTotals = {
  key: string;
  completed: number;
  failed: number;
  cancelled: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  fallbacks: number;
};

const KEY_COLUMN: Readonly<Record<Grouping, string>> = { provider: 'providerId', operation: 'operation' };

// `total()` is 0.0 over no values or only NULLs, matching "sums over all samples" with unknowns as 0.
const FIGURES = `count(*) FILTER (WHERE status = 'completed') AS completed,
  count(*) FILTER (WHERE status = 'failed') AS failed,
  count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
  total(tokensIn) AS tokensIn, total(tokensOut) AS tokensOut, total(costUsd) AS costUsd,
  count(*) FILTER (WHERE status = 'failed' AND fallbackApplied = 1) AS fallbacks`;

// Latency counts completed samples only; queue time counts every sample that started.
const LATENCY = { column: 'latencyMs', where: "status = 'completed' AND latencyMs IS NOT NULL" };
const QUEUE = { column: 'queueMs', where: 'queueMs IS NOT NULL' };

type ValueStatement = Database.Statement<unknown[], number>;

function valuesStatement(db: Database.Database, keys: string, value: typeof LATENCY, scoped: boolean): ValueStatement {
  const project = scoped ? ' AND projectId = ?' : '';
  return db.prepare<unknown[], number>(`SELECT ${value.column} FROM telemetry_samples WHERE ${keys} AND ${value.where} AND at >= ?${project} ORDER BY ${value.column}`).pluck();
}

export type SampleAggregates = ReturnType<typeof createSampleAggregates>;

export function createSampleAggregates(db: Database.Database) {
  const totalsBy = (grouping: Grouping) =>
    db.prepare<[number, string | null, string | null], GroupTotals>(
      `SELECT ${KEY_COLUMN[grouping]} AS key, ${FIGURES} FROM telemetry_samples WHERE at >= ? AND (? IS NULL OR projectId = ?) GROUP BY ${KEY_COLUMN[grouping]}`,
    );
  const totals = {
    provider: totalsBy('provider'),
    operation: totalsBy('operation'),
    node: db.prepare<[string, number], GroupTotals>(`SELECT nodeId AS key, ${FIGURES} FROM telemetry_samples WHERE projectId = ? AND at >= ? GROUP BY nodeId`),
  };
  // [unscoped, scoped by project] per figure; the node grouping is always scoped by its project.
  const values = {
    provider: {
      latency: [valuesStatement(db, 'providerId = ?', LATENCY, false), valuesStatement(db, 'providerId = ?', LATENCY, true)],
      queue: [valuesStatement(db, 'providerId = ?', QUEUE, false), valuesStatement(db, 'providerId = ?', QUEUE, true)],
    },
    operation: {
      latency: [valuesStatement(db, 'operation = ?', LATENCY, false), valuesStatement(db, 'operation = ?', LATENCY, true)],
      queue: [valuesStatement(db, 'operation = ?', QUEUE, false), valuesStatement(db, 'operation = ?', QUEUE, true)],
    },
  } as const;
  const nodeLatency = valuesStatement(db, 'projectId = ? AND nodeId = ?', LATENCY, false);

  function stats(statement: ValueStatement, params: unknown[]): LatencyStats {
    return latencyPercentiles(statement.all(...params));
  }

  return {
    /** Counts and sums per provider or operation, keyed by it. */
    totals(grouping: Grouping, since: number, projectId: string | null): Map<string, GroupTotals> {
      return new Map(totals[grouping].all(since, projectId, projectId).map((row) => [row.key, row]));
    },
    nodeTotals(projectId: string, since: number): Map<string, GroupTotals> {
      return new Map(totals.node.all(projectId, since).map((row) => [row.key, row]));
    },
    /** Latency of completed samples and queue time of started ones, for one provider or operation. */
    percentiles(grouping: Grouping, key: string, since: number, projectId: string | null): { latencyMs: LatencyStats; queueMs: LatencyStats } {
      const pick = projectId === null ? 0 : 1;
      const params = projectId === null ? [key, since] : [key, since, projectId];
      return { latencyMs: stats(values[grouping].latency[pick], params), queueMs: stats(values[grouping].queue[pick], params) };
    },
    nodeLatency(projectId: string, nodeId: string, since: number): LatencyStats {
      return stats(nodeLatency, [projectId, nodeId, since]);
    },
  };
}
