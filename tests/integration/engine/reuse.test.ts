import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeHttpJobConfig } from '../../fake-provider';
import { createRequest, makeTempDir, manualClock, openTestEngine, startTestFakeProvider } from './engine-fixtures';

describe('dedup, cache and the why', () => {
  it('answers an identical create with the completed generation (dedup/completed_match)', async () => {
    const engine = await openTestEngine();
    const first = await engine.generations.create(createRequest());
    await engine.generations.wait(first.generation.id);
    const second = await engine.generations.create(createRequest());
    expect(second.why).toMatchObject({ source: 'dedup', reason: 'completed_match', matchedGenerationId: first.generation.id });
    expect(second.why.hash).toBe(first.generation.hash);
    expect(second.generation.id).toBe(first.generation.id);
    const timeline = await engine.generations.events(first.generation.id);
    expect(timeline.filter((e) => e.type === 'generation.reused')).toHaveLength(1);
  });

  it('serves the cache for the same node and playthrough when only the seed changed', async () => {
    const clock = manualClock();
    const engine = await openTestEngine({ now: clock.now });
    const config = { strategy: 'per_playthrough', seedSource: 'timestamp' };
    const first = await engine.generations.create(createRequest({ playthroughId: 'pt-1' }, config));
    await engine.generations.wait(first.generation.id);
    clock.advance(1000);
    const second = await engine.generations.create(createRequest({ playthroughId: 'pt-1' }, config));
    expect(second.why.hash).not.toBe(first.generation.hash);
    expect(second.why).toMatchObject({ source: 'cache', reason: 'cache_hit', matchedGenerationId: first.generation.id });
    expect(second.why.cacheKey).toBe(first.generation.cacheKey);
    expect(second.why.cacheEntry?.writtenAt).toBeTypeOf('string');

    const other = await engine.generations.create(createRequest({ playthroughId: 'pt-2' }, config));
    expect(other.why).toMatchObject({ source: 'created', reason: 'new' });
    expect(other.why.cacheKey).toContain('|pt:pt-2|');
    const stats = await engine.cache.stats({ window: 'all' });
    expect(stats).toMatchObject({ hits: 1, misses: 2, stale: 0, entries: 1 });
  });

  it('skips a match whose media is gone, in dedup and in the cache', async () => {
    const dataDir = makeTempDir();
    const engine = await openTestEngine({ dataDir });
    const request = createRequest({}, { generationType: 'transition' });
    const first = await engine.generations.create(request);
    const done = await engine.generations.wait(first.generation.id);
    const sha = done.result && 'mediaSha256' in done.result ? (done.result.mediaSha256 as string) : '';
    rmSync(join(dataDir, 'media', sha.slice(0, 2), `${sha}.svg`));
    const second = await engine.generations.create(request);
    expect(second.why).toMatchObject({ source: 'created', reason: 'new' });
    expect(second.why.skipped).toEqual([
      { step: 'dedup', generationId: first.generation.id, reason: 'media_missing' },
      { step: 'cache', generationId: first.generation.id, reason: 'media_missing' },
    ]);
  });

  it('never reuses across projects or providers', async () => {
    const fake = await startTestFakeProvider();
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url)] });
    const first = await engine.generations.create(createRequest());
    await engine.generations.wait(first.generation.id);
    const otherProject = await engine.generations.create(createRequest({ projectId: 'proj-2' }));
    expect(otherProject.why).toMatchObject({ source: 'created', reason: 'new' });
    // Same node and key: the node's cache may answer, but dedup never crosses providers.
    const sameKey = await engine.generations.create(createRequest({}, { provider: 'fake-job' }));
    expect(sameKey.why.source).not.toBe('dedup');
    // The studio raises the version when the provider changes, which changes the key as well.
    const otherProvider = await engine.generations.create(createRequest({}, { provider: 'fake-job', version: 2 }));
    expect(otherProvider.why).toMatchObject({ source: 'created', reason: 'new' });
    expect(otherProvider.why.dedupScope).toEqual({ projectId: 'proj-1', providerId: 'fake-job', operation: 'text_generation' });
  });

  it('never reuses a failed generation', async () => {
    const fake = await startTestFakeProvider();
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url)] });
    fake.setScript([{ mode: 'error400', match: 'submit' }]);
    const request = createRequest({}, { provider: 'fake-job' });
    const first = await engine.generations.create(request);
    expect((await engine.generations.wait(first.generation.id)).status).toBe('failed');
    const second = await engine.generations.create(request);
    expect(second.why).toMatchObject({ source: 'created', reason: 'new', matchedGenerationId: null });
    expect(second.generation.id).not.toBe(first.generation.id);
    expect((await engine.generations.wait(second.generation.id)).status).toBe('completed');
  });

  it('skips the cache lookup and completed dedup for strategy always', async () => {
    const engine = await openTestEngine();
    const first = await engine.generations.create(createRequest({}, { strategy: 'always' }));
    expect(first.why).toMatchObject({ source: 'created', reason: 'cache_disabled', cacheKey: null });
    await engine.generations.wait(first.generation.id);
    const second = await engine.generations.create(createRequest({}, { strategy: 'always' }));
    expect(second.why.reason).toBe('cache_disabled');
    expect(second.generation.id).not.toBe(first.generation.id);
  });

  it('invalidates a node so the next create misses, and never re-poisons from an older generation', async () => {
    const clock = manualClock();
    const engine = await openTestEngine({ now: clock.now });
    const config = { seedSource: 'timestamp' };
    const first = await engine.generations.create(createRequest({}, config));
    await engine.generations.wait(first.generation.id);
    clock.advance(10);
    expect(await engine.cache.invalidate({ projectId: 'proj-1', nodeId: 'gen-intro' })).toEqual({ removed: 1 });
    clock.advance(10);
    const second = await engine.generations.create(createRequest({}, config));
    expect(second.why.source).toBe('created');
    expect(second.why.skipped).toEqual([]);
    const explained = await engine.cache.explain({ key: first.generation.cacheKey as string });
    expect(explained.parsed).toMatchObject({ operation: 'text_generation', strategy: 'once', version: 1 });
    expect(explained.ttlSeconds).toBe(31536000);
  });
});
