import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeHttpJobConfig, fakeOpenAiConfig } from '../../fake-provider';
import { WAIT, createRequest, makeTempDir, nextEvent, openTestEngine, startTestFakeProvider } from '../../integration/engine/engine-fixtures';

function mediaFiles(dataDir: string): string[] {
  const root = join(dataDir, 'media');
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((d) => d !== '.tmp').flatMap((d) => readdirSync(join(root, d)));
}

describe('cancel', () => {
  it('CONC-4 aborts the provider request and ignores a late answer', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'ok', delayMs: 400, match: 'submit' }]);
    const dataDir = makeTempDir();
    const engine = await openTestEngine({ dataDir, providers: [fakeOpenAiConfig(fake.url)] });
    const started = nextEvent(engine, (e) => e.type === 'generation.statusChanged' && e.data.to === 'processing');
    const { generation } = await engine.generations.create(createRequest({}, { provider: 'fake-openai' }));
    await started;
    await vi.waitFor(() => expect(fake.calls().some((c) => c.path === '/v1/chat/completions')).toBe(true), WAIT);
    const cancelled = await engine.generations.cancel(generation.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.errorCode).toBeNull();
    await vi.waitFor(() => expect(fake.openSockets()).toBe(0), WAIT);
    const settled = await engine.generations.wait(generation.id);
    expect(settled.status).toBe('cancelled');
    expect(settled.result).toBeNull();
    expect((await engine.cache.stats({ window: 'all' })).entries).toBe(0);
    expect(mediaFiles(dataDir)).toEqual([]);
    await expect(engine.generations.cancel(generation.id)).rejects.toMatchObject({ code: 'GEN_INVALID_TRANSITION' });
  });

  it('calls the provider cancel endpoint for a job it already submitted', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'pending', times: 10_000 }]);
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url)] });
    const { generation } = await engine.generations.create(createRequest({}, { provider: 'fake-job' }));
    await vi.waitFor(() => expect(fake.calls().some((c) => c.method === 'GET' && c.path.startsWith('/jobs/'))).toBe(true), WAIT);
    const cancelled = await engine.generations.cancel(generation.id);
    expect(cancelled.status).toBe('cancelled');
    expect(fake.calls().filter((c) => c.method === 'POST' && /^\/jobs\/[^/]+\/cancel$/.test(c.path))).toHaveLength(1);
  });

  it('cancels a pending generation without any provider call', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'pending', times: 10_000 }]);
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url, { concurrency: 1 })] });
    const busy = await engine.generations.create(createRequest({}, { provider: 'fake-job' }));
    await vi.waitFor(() => expect(fake.calls().length).toBeGreaterThan(0), WAIT);
    const queued = await engine.generations.create(createRequest({ nodeId: 'gen-other' }, { provider: 'fake-job' }));
    expect(queued.generation.status).toBe('pending');
    const before = fake.calls().filter((c) => c.method === 'POST' && c.path === '/jobs').length;
    const cancelled = await engine.generations.cancel(queued.generation.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', startedAt: null });
    expect(fake.calls().filter((c) => c.method === 'POST' && c.path === '/jobs')).toHaveLength(before);
    await engine.generations.cancel(busy.generation.id);
    const samples = await engine.telemetry.providers({ window: 'all' });
    expect(samples.find((p) => p.providerId === 'fake-job')?.cancelled).toBe(2);
  });
});
