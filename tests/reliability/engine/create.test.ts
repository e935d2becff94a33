import { describe, expect, it } from 'vitest';
import { fakeHttpJobConfig, fakeOpenAiConfig } from '../../fake-provider';
import { createRequest, nextEvent, openTestEngine, startTestFakeProvider } from '../../integration/engine/engine-fixtures';

describe('create() refusals, in step order', () => {
  it('RATE-2 rejects an unknown rating before any provider call', async () => {
    const fake = await startTestFakeProvider();
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url)] });
    const cases = [
      [createRequest({ world: { maxContentRating: 'PG-13' } }, { provider: 'fake-job' }), 'world.maxContentRating'],
      [createRequest({ user: { maxContentRating: '' } }, { provider: 'fake-job' }), 'user.maxContentRating'],
      [createRequest({}, { provider: 'fake-job', socialContext: { contentRating: 'spicy' } }), 'socialContext.contentRating'],
    ] as const;
    for (const [request, field] of cases) {
      await expect(engine.generations.create(request)).rejects.toMatchObject({ code: 'GEN_INVALID_RATING', details: { field } });
    }
    expect(fake.calls()).toHaveLength(0);
    expect((await engine.generations.list()).total).toBe(0);
  });

  it('answers each refusal with its documented code', async () => {
    const fake = await startTestFakeProvider();
    const engine = await openTestEngine({
      providers: [fakeOpenAiConfig(fake.url), fakeHttpJobConfig(fake.url, { id: 'off', enabled: false })],
    });
    await expect(engine.generations.create({ nodeId: 'x' })).rejects.toMatchObject({ code: 'GEN_BAD_REQUEST' });
    await expect(engine.generations.create(createRequest({}, { generationType: 'nonsense' }))).rejects.toMatchObject({
      code: 'GEN_VALIDATION_FAILED',
      details: { nodeId: 'gen-intro' },
    });
    await expect(engine.generations.create(createRequest({}, { enabled: false }))).rejects.toMatchObject({
      code: 'GEN_NODE_DISABLED',
      message: "Node 'gen-intro' is disabled. Enable it to generate.",
    });
    await expect(engine.generations.create(createRequest({}, { provider: 'off' }))).rejects.toMatchObject({
      code: 'GEN_PROVIDER_UNAVAILABLE',
      message: "Provider 'off' is disabled. Enable it under Providers to generate.",
    });
    await expect(engine.generations.create(createRequest({}, { provider: 'fake-openai', generationType: 'transition' }))).rejects.toMatchObject({
      code: 'GEN_PROVIDER_UNSUPPORTED_OPERATION',
      details: { providerId: 'fake-openai', operation: 'video_transition', supported: ['text_generation'] },
    });
    await expect(engine.generations.create(createRequest({}, { prompt: { inline: 'Hello {{nobody}}' } }))).rejects.toMatchObject({
      code: 'GEN_VALIDATION_FAILED',
    });
    await expect(engine.generations.create(createRequest({}, { strategy: 'per_player' }))).rejects.toMatchObject({
      code: 'GEN_MISSING_SEED_CONTEXT',
      details: { missing: 'playerId', strategy: 'per_player' },
    });
    await expect(engine.generations.create(createRequest({}, { seedSource: 'playthrough' }))).rejects.toMatchObject({
      code: 'GEN_MISSING_SEED_CONTEXT',
      details: { missing: 'playthroughId', seedSource: 'playthrough' },
    });
    expect((await engine.generations.list()).total).toBe(0);
    expect(fake.calls()).toHaveLength(0);
  });

  it('emits ratingClamped after the commit and says so in the why', async () => {
    const engine = await openTestEngine();
    const clamped = nextEvent(engine, (e) => e.type === 'generation.ratingClamped');
    const { generation, why } = await engine.generations.create(
      createRequest({ world: { maxContentRating: 'romantic' }, user: { maxContentRating: 'sfw' } }, { socialContext: { intimacyBand: 'deep' } }),
    );
    expect(why.ratingClamped).toBe(true);
    const event = await clamped;
    expect(event.data).toMatchObject({ generationId: generation.id, originalRating: 'mature_implied', contentRating: 'sfw', worldMaxRating: 'romantic', userMaxRating: 'sfw' });
    expect(generation.canonicalParams).toMatchObject({ socialContext: { intimacyBand: 'deep', contentRating: 'sfw', npcIds: [] } });
    expect(generation.cacheKey).toBe('generation:text_generation|adaptive|s-dock|s-lighthouse|once|r:sfw|v1');
  });

  it('refuses every call after close()', async () => {
    const engine = await openTestEngine();
    await engine.close();
    await expect(engine.generations.list()).rejects.toMatchObject({ code: 'GEN_ENGINE_CLOSED', message: 'The engine is closed.' });
    await expect(engine.generations.create(createRequest())).rejects.toMatchObject({ code: 'GEN_ENGINE_CLOSED' });
  });
});

describe('validate() and prompts.resolve()', () => {
  it('predicts without side effects', async () => {
    const engine = await openTestEngine();
    const dry = await engine.generations.validate(createRequest());
    expect(dry).toMatchObject({ ok: true, error: null, finalPrompt: 'The keeper greets Mara at the lighthouse.', promptSource: 'inline' });
    expect(dry.prediction).toEqual({ source: 'created', reason: 'new', matchedGenerationId: null });
    expect(dry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await engine.generations.list()).total).toBe(0);
    expect((await engine.cache.stats({ window: 'all' })).misses).toBe(0);

    const { generation } = await engine.generations.create(createRequest());
    expect(generation.hash).toBe(dry.hash);
    expect((await engine.generations.validate(createRequest())).prediction).toEqual({ source: 'dedup', reason: 'in_flight', matchedGenerationId: generation.id });

    const bad = await engine.generations.validate(createRequest({}, { enabled: false }));
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('GEN_NODE_DISABLED');
    expect(bad.validation.warnings.map((w) => w.rule)).toContain('V01');
    const garbage = await engine.generations.validate(42);
    expect(garbage.error?.code).toBe('GEN_BAD_REQUEST');
  });

  it('resolves the prompt exactly as create() step 3 does', async () => {
    const engine = await openTestEngine();
    const resolved = await engine.prompts.resolve(createRequest({ variables: { npcName: 'Ines' } }));
    expect(resolved).toEqual({
      text: 'The keeper greets Ines at the lighthouse.',
      versionId: null,
      source: 'inline',
      boundVariables: { npcName: 'Ines' },
    });
    await expect(engine.prompts.resolve(createRequest({}, { prompt: { inline: '{{fromScene.mood}}' } }))).rejects.toMatchObject({
      code: 'GEN_PROMPT_UNBOUND',
      details: { missing: ['fromScene.mood'] },
    });
  });
});
