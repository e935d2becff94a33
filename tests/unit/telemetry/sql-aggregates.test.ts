import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/storage';
import { createTelemetryReader } from '../../../core/telemetry';

// The reader aggregates in SQL; the expected figures here are computed in JavaScript from the very rows
// inserted, by the definitions of telemetry.md §4, so both paths must agree exactly.

const NOW = Date.UTC(2026, 10, 25, 12);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Sample = {
  providerId: string;
  operation: string;
  projectId: string;
  nodeId: string;
  status: 'completed' | 'failed' | 'cancelled';
  ageMs: number;
  latencyMs: number | null;
  queueMs: number | null;
  costUsd: number | null;
  fallbackApplied: boolean;
};

const sampleArb: fc.Arbitrary<Sample> = fc.record({
  providerId: fc.constantFrom('p-a', 'p-b'),
  operation: fc.constantFrom('text_generation', 'image_generation'),
  projectId: fc.constantFrom('proj-1', 'proj-2'),
  nodeId: fc.constantFrom('n-1', 'n-2', 'n-3'),
  status: fc.constantFrom('completed', 'completed', 'failed', 'cancelled'),
  ageMs: fc.integer({ min: 0, max: 2 * 86_400_000 }),
  latencyMs: fc.option(fc.integer({ min: 0, max: 50 }), { freq: 6 }),
  queueMs: fc.option(fc.integer({ min: 0, max: 9 }), { freq: 6 }),
  costUsd: fc.option(fc.constantFrom(0.25, 0.5, 1), { freq: 3 }),
  fallbackApplied: fc.boolean(),
});

function insert(db: Database.Database, samples: readonly Sample[]): void {
  const row = db.prepare(
    `INSERT INTO telemetry_samples (generationId, projectId, nodeId, worldId, providerId, operation, status, at, latencyMs, queueMs, attempts,
       tokensIn, tokensOut, costUsd, costSource, errorClass, fallbackApplied, preview) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 1, 3, 5, ?, 'reported', NULL, ?, 0)`,
  );
  db.transaction(() =>
    samples.forEach((s, i) =>
      row.run(`gen-${i}`, s.projectId, s.nodeId, s.providerId, s.operation, s.status, NOW - s.ageMs, s.latencyMs, s.queueMs, s.costUsd, s.fallbackApplied ? 1 : 0),
    ),
  )();
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const rank = (p: number) => (n < 20 ? null : sorted[Math.ceil((p * 100 * n) / 100) - 1]!);
  const p50 = n === 0 ? null : n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { count: n, p50, p95: rank(0.95), p99: rank(0.99) };
}

function expected(samples: readonly Sample[]) {
  const completed = samples.filter((s) => s.status === 'completed');
  return {
    total: samples.length,
    completed: completed.length,
    failed: samples.filter((s) => s.status === 'failed').length,
    cancelled: samples.filter((s) => s.status === 'cancelled').length,
    latencyMs: stats(completed.flatMap((s) => (s.latencyMs === null ? [] : [s.latencyMs]))),
    queueMs: stats(samples.flatMap((s) => (s.queueMs === null ? [] : [s.queueMs]))),
    tokensIn: samples.length * 3,
    fallbacks: samples.filter((s) => s.status === 'failed' && s.fallbackApplied).length,
  };
}

describe('telemetry reads aggregated in SQL', () => {
  it('match the §4 definitions per provider, operation and node, in and out of a project scope', () => {
    fc.assert(
      fc.property(fc.array(sampleArb, { minLength: 0, maxLength: 120 }), (samples) => {
        const dir = mkdtempSync(join(tmpdir(), 'genweave-telemetry-'));
        dirs.push(dir);
        const { db } = openDatabase(dir, () => NOW);
        try {
          insert(db, samples);
          const reader = createTelemetryReader(db, () => NOW, () => ['p-a', 'p-b'], () => []);
          const inDay = samples.filter((s) => s.ageMs <= 86_400_000);
          for (const projectId of [undefined, 'proj-1'] as const) {
            const scoped = inDay.filter((s) => projectId === undefined || s.projectId === projectId);
            for (const row of reader.providers({ window: '24h', projectId })) {
              expect(row).toMatchObject(expected(scoped.filter((s) => s.providerId === row.providerId)));
              expect(row.costUsd).toBeCloseTo(scoped.filter((s) => s.providerId === row.providerId).reduce((sum, s) => sum + (s.costUsd ?? 0), 0), 9);
            }
            const operations = reader.operations({ window: '24h', projectId });
            expect(operations.map((o) => o.operation).sort()).toEqual([...new Set(scoped.map((s) => s.operation))].sort());
            for (const row of operations) expect(row).toMatchObject(expected(scoped.filter((s) => s.operation === row.operation)));
          }
          for (const row of reader.nodes({ window: '24h', projectId: 'proj-2' })) {
            const { total, completed, failed, cancelled, latencyMs } = expected(inDay.filter((s) => s.projectId === 'proj-2' && s.nodeId === row.nodeId));
            expect(row).toMatchObject({ total, completed, failed, cancelled, latencyMs });
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
