import { describe, expect, it, vi } from 'vitest';
import { fakeHttpJobConfig } from '../../fake-provider';
import { openEngine } from '../../../core/engine';
import { WAIT, createRequest, makeTempDir, manualClock, openTestEngine, startTestFakeProvider } from './engine-fixtures';

describe('the queue and scheduler', () => {
  it('CONC-7 keeps at most the provider limit in flight and ends all 100 distinct creates', async () => {
    const fake = await startTestFakeProvider();
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url, { concurrency: 4 })] });
    let processing = 0;
    let peak = 0;
    engine.events.subscribe((event) => {
      if (event.type !== 'generation.statusChanged') return;
      if (event.data.to === 'processing') peak = Math.max(peak, (processing += 1));
      if (event.data.from === 'processing') processing -= 1;
    });
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, i) => engine.generations.create(createRequest({ nodeId: `n-${i}` }, { provider: 'fake-job' }))),
    );
    const ended = await Promise.all(created.map((c) => engine.generations.wait(c.generation.id, { timeoutMs: 60_000 })));
    expect(ended.every((g) => g.status === 'completed')).toBe(true);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(4);
  });

  it('runs lower priority numbers first', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'pending', times: 3 }]);
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url, { concurrency: 1 })] });
    const order: string[] = [];
    engine.events.subscribe((e) => {
      if (e.type === 'generation.statusChanged' && e.data.to === 'processing' && e.generationId !== null) order.push(e.generationId);
    });
    const first = await engine.generations.create(createRequest({ nodeId: 'first' }, { provider: 'fake-job' }));
    const low = await engine.generations.create(createRequest({ nodeId: 'low', priority: 9 }, { provider: 'fake-job' }));
    const high = await engine.generations.create(createRequest({ nodeId: 'high', priority: 0 }, { provider: 'fake-job' }));
    await Promise.all([first, low, high].map((c) => engine.generations.wait(c.generation.id)));
    expect(order).toEqual([first.generation.id, high.generation.id, low.generation.id]);
  });

  it('fails a queued job at dispatch when its provider was removed', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'pending', times: 100_000 }]);
    const dataDir = makeTempDir();
    const engine = await openTestEngine({ dataDir, providers: [fakeHttpJobConfig(fake.url, { concurrency: 1 })] });
    const busy = await engine.generations.create(createRequest({ nodeId: 'busy' }, { provider: 'fake-job' }));
    await vi.waitFor(() => expect(fake.calls().length).toBeGreaterThan(0), WAIT);
    const queued = await engine.generations.create(createRequest({ nodeId: 'queued' }, { provider: 'fake-job' }));
    await engine.providers.configure({ remove: 'fake-job' });
    await engine.generations.cancel(busy.generation.id);
    const ended = await engine.generations.wait(queued.generation.id);
    expect(ended).toMatchObject({ status: 'failed', errorCode: 'GEN_PROVIDER_UNAVAILABLE', startedAt: null });
    expect(ended.result).toMatchObject({ origin: 'fallback', kind: 'placeholder' });
  });

  it('never writes the cache for a preview', async () => {
    const engine = await openTestEngine();
    const { generation } = await engine.generations.create(createRequest({ preview: true, priority: 2 }));
    expect((await engine.generations.wait(generation.id)).status).toBe('completed');
    expect((await engine.cache.stats({ window: 'all' })).entries).toBe(0);
  });

  it('prunes telemetry older than 90 days at open and keeps the generations', async () => {
    const clock = manualClock();
    const dataDir = makeTempDir();
    const first = await openEngine({ dataDir, now: clock.now });
    const { generation } = await first.generations.create(createRequest());
    await first.generations.wait(generation.id);
    expect((await first.telemetry.providers({ window: 'all' }))[0]?.total).toBe(1);
    await first.close();
    clock.advance(91 * 86_400_000);
    const second = await openTestEngine({ dataDir, now: clock.now });
    expect((await second.telemetry.providers({ window: 'all' }))[0]?.total).toBe(0);
    expect((await second.generations.get(generation.id)).status).toBe('completed');
  });
});
