import { describe, expect, it } from 'vitest';
import type { Generation } from '../../../core/domain/generation';
import { fakeHttpJobConfig } from '../../fake-provider';
import { createRequest, manualClock, openTestEngine, startTestFakeProvider } from './engine-fixtures';

// Expected figures are computed here from the generation records, independently of the engine's reader.
function median(values: number[]): number | null {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
function nearestRank(values: number[], p: number): number | null {
  if (values.length < 20) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil(p * s.length) - 1]!;
}

describe('telemetry reads', () => {
  it('report exactly what the recorded generations imply', async () => {
    const clock = manualClock();
    const fake = await startTestFakeProvider();
    fake.setScript([
      { mode: 'error400', match: 'submit' },
      { mode: 'error401', match: 'submit' },
    ]);
    const preview = { id: 'local-preview', kind: 'local-preview' as const, defaults: { delayMs: 4 } };
    const engine = await openTestEngine({ now: clock.now, providers: [preview, fakeHttpJobConfig(fake.url), { id: 'idle-one', kind: 'local-preview' }] });
    const made: Generation[] = [];
    for (let i = 0; i < 22; i += 1) {
      const { generation } = await engine.generations.create(createRequest({ nodeId: `n-${String(i).padStart(2, '0')}` }));
      clock.advance(7 * (i + 1)); // distinct durations, so percentiles are meaningful
      made.push(await engine.generations.wait(generation.id));
    }
    for (const nodeId of ['f-1', 'f-2']) {
      const { generation } = await engine.generations.create(createRequest({ nodeId }, { provider: 'fake-job' }));
      made.push(await engine.generations.wait(generation.id));
    }
    const reused = await engine.generations.create(createRequest({ nodeId: 'n-00' }));
    expect(reused.why.source).toBe('dedup');

    const health = await engine.telemetry.providers({ window: '24h' });
    expect(health.map((h) => h.providerId)).toEqual(['local-preview', 'fake-job', 'idle-one']);
    const local = made.filter((g) => g.providerId === 'local-preview');
    const completedLatencies = local.filter((g) => g.status === 'completed').map((g) => g.durationMs as number);
    expect(health[0]).toMatchObject({
      total: local.length,
      completed: completedLatencies.length,
      failed: 0,
      successRate: 1,
      status: 'healthy',
      latencyMs: {
        count: completedLatencies.length,
        p50: median(completedLatencies),
        p95: nearestRank(completedLatencies, 0.95),
        p99: nearestRank(completedLatencies, 0.99),
      },
      inFlight: { pending: 0, processing: 0 },
    });
    const failed = made.filter((g) => g.providerId === 'fake-job');
    expect(health[1]).toMatchObject({ total: 2, completed: 0, failed: 2, successRate: 0, status: 'failing', fallbacks: 2, avgCostUsd: null });
    expect(health[1]?.errors.map((e) => [e.errorClass, e.count]).sort()).toEqual([['auth', 1], ['bad_request', 1]]);
    expect(failed.map((g) => g.errorCode).sort()).toEqual(['GEN_PROVIDER_AUTH', 'GEN_PROVIDER_REJECTED']);
    expect(health[2]).toMatchObject({ total: 0, successRate: null, status: 'idle', latencyMs: { count: 0, p50: null, p95: null, p99: null } });

    const operations = await engine.telemetry.operations({ window: 'all' });
    expect(operations).toEqual([expect.objectContaining({ operation: 'text_generation', total: made.length, completed: 22, failed: 2 })]);

    const nodes = await engine.telemetry.nodes({ projectId: 'proj-1', window: '24h' });
    expect(nodes.map((n) => n.nodeId)).toEqual([...new Set(made.map((g) => g.nodeId))].sort());
    const first = nodes.find((n) => n.nodeId === 'n-00');
    expect(first).toMatchObject({ total: 1, completed: 1, dedupHits: 1, cache: { hits: 0, misses: 1, stale: 0, hitRate: 0 } });
    expect(first?.last).toMatchObject({ generationId: made[0]?.id, source: 'dedup', status: 'completed' });

    const cache = await engine.cache.stats({});
    expect(cache).toMatchObject({ window: '24h', hits: 0, misses: 24, stale: 0, hitRate: 0, dedupHits: 1, entries: 22 });
    expect(cache.entriesByStrategy).toEqual({ once: 22, per_playthrough: 0, per_player: 0 });

    clock.advance(2 * 3_600_000);
    const lastHour = await engine.telemetry.providers({ window: '1h' });
    expect(lastHour.every((h) => h.total === 0 && h.status === 'idle')).toBe(true);
  });
});
