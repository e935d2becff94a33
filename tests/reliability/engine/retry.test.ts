import { describe, expect, it } from 'vitest';
import { fakeHttpJobConfig } from '../../fake-provider';
import { createRequest, openTestEngine, startTestFakeProvider } from '../../integration/engine/engine-fixtures';

describe('user retry', () => {
  it('CONC-7 creates a child with parentGenerationId and retryCount + 1, never deduped onto the parent', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'error400', match: 'submit' }]);
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url)] });
    const { generation: parent } = await engine.generations.create(createRequest({}, { provider: 'fake-job' }));
    expect((await engine.generations.wait(parent.id)).status).toBe('failed');
    const { generation: child, why } = await engine.generations.retry(parent.id);
    expect(why).toMatchObject({ source: 'created', reason: 'retry' });
    expect(child).toMatchObject({ parentGenerationId: parent.id, retryCount: 1, finalPrompt: parent.finalPrompt, seed: parent.seed });
    expect(child.id).not.toBe(parent.id);
    expect((await engine.generations.wait(child.id)).status).toBe('completed');
    expect((await engine.generations.get(parent.id)).status).toBe('failed');
  });

  it('CONC-7 gives one generation for two concurrent retries of one parent', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'error400', match: 'submit' }, { mode: 'ok', delayMs: 100, match: 'submit' }]);
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url)] });
    const { generation: parent } = await engine.generations.create(createRequest({}, { provider: 'fake-job' }));
    await engine.generations.wait(parent.id);
    const [a, b] = await Promise.all([engine.generations.retry(parent.id), engine.generations.retry(parent.id)]);
    expect(a.generation.id).toBe(b.generation.id);
    expect([a.why.reason, b.why.reason].sort()).toEqual(['in_flight', 'retry']);
    const listed = await engine.generations.list({ projectId: 'proj-1' });
    expect(listed.total).toBe(2);
  });

  it('refuses to retry a generation that is not failed or cancelled', async () => {
    const engine = await openTestEngine();
    const { generation } = await engine.generations.create(createRequest());
    await engine.generations.wait(generation.id);
    await expect(engine.generations.retry(generation.id)).rejects.toMatchObject({ code: 'GEN_NOT_RETRYABLE', details: { status: 'completed' } });
    await expect(engine.generations.retry('gen_missing')).rejects.toMatchObject({ code: 'GEN_NOT_FOUND' });
  });

  it('RATE-5 clamps every attempt under the caps current at its creation', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'error400', match: 'submit' }]);
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url)] });
    const config = { provider: 'fake-job', socialContext: { intimacyBand: 'deep', contentRating: 'mature_implied' } };
    const loose = { maxContentRating: 'mature_implied' };
    const { generation: parent } = await engine.generations.create(createRequest({ world: loose, user: loose }, config));
    expect(parent.socialContext?.contentRating).toBe('mature_implied');
    await engine.generations.wait(parent.id);
    const { generation: child } = await engine.generations.retry(parent.id, { user: { maxContentRating: 'sfw' } });
    expect(child.socialContext).toMatchObject({ contentRating: 'sfw', ratingClamped: true, originalRating: 'mature_implied' });
    expect(child.canonicalParams.socialContext).toMatchObject({ contentRating: 'sfw' });
    expect(child.hash).not.toBe(parent.hash);
    expect(child.cacheKey).toContain('|r:sfw|');
    const events = await engine.generations.events(child.id);
    expect(events.map((e) => e.type)).toContain('generation.ratingClamped');
  });
});
