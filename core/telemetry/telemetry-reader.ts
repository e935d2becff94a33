import type Database from 'better-sqlite3';
import type {
  GenerationStatus,
  OperationType,
  TelemetryWindow,
  CacheStats,
  ErrorClassSummary,
  NodeMetrics,
  OperationMetrics,
  ProviderErrorRow,
  ProviderErrorsRead,
  ProviderHealth,
} from '../domain';
import { isoTime, prepareNumbered } from '../storage';
import { groupBy, healthStatus, NO_SAMPLES, outcomeFigures, successRate } from './outcome-figures';
import { createSampleAggregates } from './sample-aggregates';
import { RETENTION_MS, windowStart } from './windows';

// telemetry.md §3–§5: every figure aggregated at read time from one row per fact.

type ErrorRow = ProviderErrorRow & { atMs: number };
export type LiveCacheEntry = { strategy: string; writtenAtMs: number };

const NO_LATENCY = { count: 0, p50: null, p95: null, p99: null };
/** A group without samples in the window: nothing to read back. */
const NO_SPREAD = { latencyMs: NO_LATENCY, queueMs: NO_LATENCY };

export type TelemetryReader = ReturnType<typeof createTelemetryReader>;

export function createTelemetryReader(
  db: Database.Database,
  now: () => number,
  providerIds: () => string[],
  liveCacheEntries: (projectId: string | null, nodeId: string | null) => LiveCacheEntry[],
) {
  const aggregates = createSampleAggregates(db);
  const errors = prepareNumbered<[number, string | null, string | null], Omit<ErrorRow, 'at'> & { at: number }>(db, `SELECT e.at, e.providerId, e.operation, e.generationId, e.attempt, e.errorClass, e.httpStatus, e.message FROM provider_errors e
     WHERE e.at >= ?1 AND (?2 IS NULL OR e.providerId = ?2)
       AND (?3 IS NULL OR EXISTS (SELECT 1 FROM generations g WHERE g.id = e.generationId AND g.projectId = ?3))
     ORDER BY e.at DESC, e.rowid DESC`,
  );
  const inFlight = prepareNumbered<[string | null], { providerId: string; status: string; n: number }>(db, `SELECT providerId, status, count(*) AS n FROM generations
     WHERE status IN ('pending', 'processing') AND (?1 IS NULL OR projectId = ?1) GROUP BY providerId, status`,
  );
  const tests = db.prepare<[], { providerId: string; at: number; ok: number; latencyMs: number; message: string }>(
    'SELECT providerId, at, ok, latencyMs, message FROM provider_tests',
  );
  const lookups = prepareNumbered<[number, string | null, string | null], { nodeId: string; outcome: string; n: number }>(db, `SELECT nodeId, outcome, count(*) AS n FROM lookups WHERE at >= ?1 AND (?2 IS NULL OR projectId = ?2) AND (?3 IS NULL OR nodeId = ?3)
     GROUP BY nodeId, outcome`,
  );
  const projectNodes = db.prepare<[string], { nodeId: string }>('SELECT DISTINCT nodeId FROM generations WHERE projectId = ?');
  const newestGeneration = db.prepare<[string, string], { id: string; status: string; createdAt: number }>(
    'SELECT id, status, createdAt FROM generations WHERE projectId = ? AND nodeId = ? ORDER BY createdAt DESC, id DESC LIMIT 1',
  );
  const newestReuse = db.prepare<[string, string], { generationId: string; outcome: string; at: number; status: string | null }>(
    `SELECT l.generationId, l.outcome, l.at, g.status FROM lookups l LEFT JOIN generations g ON g.id = l.generationId
     WHERE l.projectId = ? AND l.nodeId = ? AND l.outcome IN ('dedup_hit', 'in_flight_join', 'cache_hit')
     ORDER BY l.at DESC, l.rowid DESC LIMIT 1`,
  );
  const prune = [
    db.prepare<[number]>('DELETE FROM telemetry_samples WHERE at < ?'),
    db.prepare<[number]>('DELETE FROM lookups WHERE at < ?'),
    db.prepare<[number]>('DELETE FROM provider_errors WHERE at < ?'),
  ];

  function errorRows(window: TelemetryWindow, providerId: string | null, projectId: string | null): ErrorRow[] {
    return errors.all(windowStart(window, now()), providerId, projectId).map((e) => ({
      ...e,
      atMs: e.at,
      at: isoTime(e.at),
    })) as ErrorRow[];
  }

  /** Per class: count, newest message, time and status (rows arrive newest first). */
  function summarize(rows: readonly ErrorRow[]): ErrorClassSummary[] {
    const byClass = new Map<string, ErrorClassSummary>();
    for (const row of rows) {
      const entry = byClass.get(row.errorClass);
      if (entry === undefined) {
        byClass.set(row.errorClass, {
          errorClass: row.errorClass,
          count: 1,
          lastMessage: row.message,
          lastAt: row.at,
          lastHttpStatus: row.httpStatus,
        });
      } else {
        entry.count += 1;
      }
    }
    return [...byClass.values()].sort((a, b) => b.count - a.count || a.errorClass.localeCompare(b.errorClass));
  }

  function sortByTotal<T extends { total: number }>(rows: T[], key: (row: T) => string): T[] {
    return rows.sort((a, b) => b.total - a.total || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  return {
    providers(input: { window: TelemetryWindow; projectId?: string }): ProviderHealth[] {
      const projectId = input.projectId ?? null;
      const since = windowStart(input.window, now());
      const byProvider = aggregates.totals('provider', since, projectId);
      const errorsByProvider = groupBy(errorRows(input.window, null, projectId), (e) => e.providerId);
      const flights = inFlight.all(projectId);
      const lastTests = new Map(tests.all().map((t) => [t.providerId, t]));
      const ids = [...new Set([...providerIds(), ...byProvider.keys()])];
      const rows = ids.map((providerId): ProviderHealth => {
        const totals = byProvider.get(providerId);
        const spread = totals === undefined ? NO_SPREAD : aggregates.percentiles('provider', providerId, since, projectId);
        const figures = outcomeFigures(input.window, totals ?? NO_SAMPLES, spread, summarize(errorsByProvider.get(providerId) ?? []));
        const count = (status: string) => flights.find((f) => f.providerId === providerId && f.status === status)?.n ?? 0;
        const test = lastTests.get(providerId);
        return {
          providerId,
          ...figures,
          inFlight: { pending: count('pending'), processing: count('processing') },
          status: healthStatus(figures.completed, figures.failed),
          lastTest: test === undefined ? null : { at: isoTime(test.at), ok: test.ok === 1, latencyMs: test.latencyMs, message: test.message },
        };
      });
      return sortByTotal(rows, (r) => r.providerId);
    },

    operations(input: { window: TelemetryWindow; projectId?: string }): OperationMetrics[] {
      const projectId = input.projectId ?? null;
      const since = windowStart(input.window, now());
      const byOperation = aggregates.totals('operation', since, projectId);
      const errorsByOperation = groupBy(errorRows(input.window, null, projectId), (e) => e.operation);
      const ids = [...new Set([...byOperation.keys(), ...errorsByOperation.keys()])];
      const rows = ids.map((operation) => {
        const totals = byOperation.get(operation);
        const spread = totals === undefined ? NO_SPREAD : aggregates.percentiles('operation', operation, since, projectId);
        return { operation: operation as OperationType, ...outcomeFigures(input.window, totals ?? NO_SAMPLES, spread, summarize(errorsByOperation.get(operation) ?? [])) };
      });
      return sortByTotal(rows, (r) => r.operation);
    },

    nodes(input: { window: TelemetryWindow; projectId: string }): NodeMetrics[] {
      const since = windowStart(input.window, now());
      const byNode = aggregates.nodeTotals(input.projectId, since);
      const lookupRows = lookups.all(since, input.projectId, null);
      const nodeIds = [...new Set([...byNode.keys(), ...lookupRows.map((l) => l.nodeId), ...projectNodes.all(input.projectId).map((r) => r.nodeId)])].sort(
        (a, b) => (a < b ? -1 : a > b ? 1 : 0),
      );
      return nodeIds.map((nodeId): NodeMetrics => {
        const figures = byNode.get(nodeId) ?? NO_SAMPLES;
        const count = (outcome: string) => lookupRows.find((l) => l.nodeId === nodeId && l.outcome === outcome)?.n ?? 0;
        const hits = count('cache_hit');
        const misses = count('cache_miss');
        const stale = count('cache_stale');
        return {
          projectId: input.projectId,
          nodeId,
          window: input.window,
          total: figures.completed + figures.failed + figures.cancelled,
          completed: figures.completed,
          failed: figures.failed,
          cancelled: figures.cancelled,
          successRate: successRate(figures.completed, figures.failed),
          latencyMs: byNode.has(nodeId) ? aggregates.nodeLatency(input.projectId, nodeId, since) : NO_SPREAD.latencyMs,
          costUsd: figures.costUsd,
          cache: { hits, misses, stale, hitRate: hits + misses + stale === 0 ? null : hits / (hits + misses + stale) },
          dedupHits: count('dedup_hit'),
          last: lastAnswer(input.projectId, nodeId),
        };
      });
    },

    cache(input: { window: TelemetryWindow; projectId?: string; nodeId?: string }): CacheStats {
      const rows = lookups.all(windowStart(input.window, now()), input.projectId ?? null, input.nodeId ?? null);
      const count = (outcome: string) => rows.filter((r) => r.outcome === outcome).reduce((sum, r) => sum + r.n, 0);
      const hits = count('cache_hit');
      const misses = count('cache_miss');
      const stale = count('cache_stale');
      const entries = liveCacheEntries(input.projectId ?? null, input.nodeId ?? null);
      const byStrategy = { once: 0, per_playthrough: 0, per_player: 0 };
      for (const entry of entries) if (entry.strategy in byStrategy) byStrategy[entry.strategy as keyof typeof byStrategy] += 1;
      const written = entries.map((e) => e.writtenAtMs);
      return {
        window: input.window,
        hits,
        misses,
        stale,
        hitRate: hits + misses + stale === 0 ? null : hits / (hits + misses + stale),
        dedupHits: count('dedup_hit'),
        inFlightJoins: count('in_flight_join'),
        entries: entries.length,
        entriesByStrategy: byStrategy,
        oldestWrittenAt: written.length === 0 ? null : isoTime(Math.min(...written)),
        newestWrittenAt: written.length === 0 ? null : isoTime(Math.max(...written)),
      };
    },

    errors(input: { window: TelemetryWindow; providerId?: string }): ProviderErrorsRead {
      const rows = errorRows(input.window, input.providerId ?? null, null);
      return {
        window: input.window,
        items: rows.slice(0, 100).map(({ atMs: _atMs, ...row }) => row),
        summary: summarize(rows),
      };
    },

    /** telemetry.md §5: rows older than 90 days go, at open and hourly. */
    prune(): number {
      const cutoff = now() - RETENTION_MS;
      return prune.reduce((sum, statement) => sum + statement.run(cutoff).changes, 0);
    },
  };

  function lastAnswer(projectId: string, nodeId: string): NodeMetrics['last'] {
    const created = newestGeneration.get(projectId, nodeId);
    const reused = newestReuse.get(projectId, nodeId);
    if (reused !== undefined && reused.status !== null && (created === undefined || reused.at > created.createdAt)) {
      return {
        generationId: reused.generationId,
        status: reused.status as GenerationStatus,
        at: isoTime(reused.at),
        source: reused.outcome === 'cache_hit' ? 'cache' : 'dedup',
      };
    }
    if (created === undefined) return null;
    return { generationId: created.id, status: created.status as GenerationStatus, at: isoTime(created.createdAt), source: 'created' };
  }
}
