import { describe, expect, it } from 'vitest';
import { fakeHttpJobConfig } from '../../fake-provider';
import { createRequest, openTestEngine, startTestFakeProvider } from '../../integration/engine/engine-fixtures';

const submits = (calls: Array<{ method: string; path: string }>) => calls.filter((c) => c.method === 'POST' && c.path === '/jobs');

describe('single flight', () => {
  it('CONC-1 makes one provider call for 50 identical concurrent creates', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'ok', delayMs: 100, match: 'submit' }]);
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url)] });
    const request = createRequest({}, { provider: 'fake-job' });
    const results = await Promise.all(Array.from({ length: 50 }, () => engine.generations.create(request)));
    expect(new Set(results.map((r) => r.generation.id)).size).toBe(1);
    expect(results.filter((r) => r.why.source === 'created')).toHaveLength(1);
    expect(results.filter((r) => r.why.source === 'dedup' && r.why.reason === 'in_flight')).toHaveLength(49);
    const done = await engine.generations.wait(results[0]!.generation.id);
    expect(done.status).toBe('completed');
    expect(submits(fake.calls())).toHaveLength(1);
    const stats = await engine.cache.stats({ window: 'all' });
    expect(stats.inFlightJoins).toBe(49);
  });

  it('CONC-3 shares a failure with every waiter and never reuses it', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'error400', match: 'submit' }]);
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url)] });
    const request = createRequest({}, { provider: 'fake-job' });
    const results = await Promise.all(Array.from({ length: 50 }, () => engine.generations.create(request)));
    const ids = new Set(results.map((r) => r.generation.id));
    expect(ids.size).toBe(1);
    const ended = await Promise.all(results.map((r) => engine.generations.wait(r.generation.id)));
    expect(new Set(ended.map((g) => g.errorCode))).toEqual(new Set(['GEN_PROVIDER_REJECTED']));
    const again = await engine.generations.create(request);
    expect(again.why.source).toBe('created');
    expect(ids.has(again.generation.id)).toBe(false);
    await engine.generations.wait(again.generation.id);
    expect(submits(fake.calls())).toHaveLength(2);
  });

  it('RATE-4 never joins or reuses a generation made under looser caps', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'ok', delayMs: 100, match: 'submit' }]);
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url)] });
    const social = { provider: 'fake-job', socialContext: { intimacyBand: 'deep', contentRating: 'mature_implied' } };
    const loose = createRequest({ world: { maxContentRating: 'mature_implied' }, user: { maxContentRating: 'mature_implied' } }, social);
    const strict = createRequest({ world: { maxContentRating: 'romantic' }, user: { maxContentRating: 'mature_implied' } }, social);
    const [a, b] = await Promise.all([engine.generations.create(loose), engine.generations.create(strict)]);
    expect(a.generation.id).not.toBe(b.generation.id);
    expect(b.why.source).toBe('created');
    expect(b.generation.socialContext).toMatchObject({ contentRating: 'romantic', ratingClamped: true, originalRating: 'mature_implied' });
    await engine.generations.wait(a.generation.id);
    const later = await engine.generations.create(strict);
    expect(later.why.matchedGenerationId).not.toBe(a.generation.id);
  });
});
