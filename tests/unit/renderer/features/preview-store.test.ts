import { describe, expect, it, vi } from 'vitest';
import type { GenerationDryRun } from '../../../../core/domain/generation';
import type { CreateGenerationRequest } from '../../../../core/domain/request';
import { DEFAULT_STUDIO_SETTINGS } from '../../../../core/rpc/settings';
import { createPreviewStore } from '../../../../renderer/features/preview/preview-store';
import { makeGeneration } from './fixtures';
import { createStudio } from './studio';

const why = {
  source: 'created' as const,
  reason: 'new' as const,
  hash: 'a'.repeat(64),
  cacheKey: null,
  dedupScope: { projectId: 'p', providerId: 'local-preview', operation: 'video_transition' },
  matchedGenerationId: null,
  cacheEntry: null,
  skipped: [],
  ratingClamped: false,
  message: 'Created a new generation.',
};

function dryRun(rating: GenerationDryRun['socialContext']): GenerationDryRun {
  return {
    ok: true,
    error: null,
    validation: { errors: [], warnings: [], suggestions: [] },
    socialContext: rating,
    finalPrompt: 'x',
    promptSource: 'default',
    promptVersionId: null,
    canonicalParams: {},
    inputs: [],
    hash: 'a'.repeat(64),
    cacheKey: null,
    prediction: null,
    estimatedCostUsd: 0,
    budget: {},
  };
}

function setup() {
  const { fake, studio } = createStudio();
  const toasts: Array<[string, string]> = [];
  const store = createPreviewStore({ rpc: fake.rpc, graph: studio.graph, session: studio.session, toast: (kind, message) => toasts.push([kind, message]) });
  const config = studio.graph.getState().document!.generationNodes[0]!.config;
  return { fake, studio, store, toasts, config };
}

describe('preview store (studio-ui.md §5)', () => {
  it('starts from the default ids and zeroed sliders, and a preset fills them in', () => {
    const { store, config } = setup();
    expect(store.getState().contextFor('gen-t', config)).toEqual({
      presetId: '',
      playthroughId: 'preview-playthrough',
      playerId: 'preview-player',
      values: { '7': { affinity: 0, trust: 0, chemistry: 0, tension: 0 } },
    });
    store.getState().selectPreset('gen-t', config, 'preset-flirt');
    expect(store.getState().contextFor('gen-t', config)).toMatchObject({
      presetId: 'preset-flirt',
      playthroughId: 'pt-flirt',
      values: { '7': { affinity: 45, chemistry: 52, trust: 25, tension: 30 } },
    });
  });

  it('sends the sliders as the NPC values, with preview: true and priority 2', async () => {
    const { fake, store, config } = setup();
    fake.handle('generations.validate', () => dryRun({ contentRating: 'sfw' }));
    const g = makeGeneration({ status: 'pending', result: null, preview: true });
    fake.handle('generations.create', () => ({ generation: g, why }));
    fake.handle('generations.get', () => g);
    store.getState().setValue('gen-t', config, 7, 'affinity', 33);
    await store.getState().generate('gen-t', config);
    const request = fake.callsOf('generations.create')[0] as CreateGenerationRequest;
    expect(request).toMatchObject({ preview: true, priority: 2, nodeId: 'gen-t', playthroughId: 'preview-playthrough', fromScene: { id: 'scene-a' }, toScene: { id: 'scene-b' } });
    expect(request.npcs).toEqual([{ npcId: 7, values: { affinity: 33, trust: 0, chemistry: 0, tension: 0 } }]);
    expect(store.getState().runs['gen-t']).toMatchObject({ phase: 'running', generationId: g.id });
  });

  it('follows status events to the result', async () => {
    const { fake, store, config } = setup();
    const stop = store.getState().start();
    fake.handle('generations.validate', () => dryRun(null));
    const g = makeGeneration({ status: 'pending', result: null });
    fake.handle('generations.create', () => ({ generation: g, why }));
    fake.handle('generations.get', () => g);
    await store.getState().generate('gen-t', config);
    fake.emit('generations.onDidProgress', { generationId: g.id, progress: 0.5 });
    expect(store.getState().runs['gen-t']?.progress).toBe(0.5);
    const done = makeGeneration({ id: g.id, status: 'completed' });
    fake.emit('generations.onDidChangeStatus', { generation: done, from: 'processing', to: 'completed' });
    expect(store.getState().runs['gen-t']).toMatchObject({ phase: 'done', generation: done });
    stop();
  });

  it('is blocked on validator errors with "Cannot generate: <first error>", and sends nothing', async () => {
    const { fake, store, toasts, config } = setup();
    const broken = { ...config, duration: { min: 30, max: 10 } };
    await store.getState().generate('gen-t', broken);
    expect(toasts[0]?.[1]).toBe('Cannot generate: Duration min (30s) cannot be greater than max (10s)');
    expect(fake.calls).toEqual([]);
  });

  it('asks before a predicted mature rating; "Don\'t ask again" turns the setting off', async () => {
    const { fake, store, config } = setup();
    fake.handle('generations.validate', () => dryRun({ contentRating: 'mature_implied' }));
    fake.handle('settings.update', (input) => ({ ...DEFAULT_STUDIO_SETTINGS, user: { ...DEFAULT_STUDIO_SETTINGS.user, ...input.patch.user } }));
    const g = makeGeneration({ status: 'completed' });
    fake.handle('generations.create', () => ({ generation: g, why: { ...why, source: 'cache', reason: 'cache_hit' } }));
    await store.getState().generate('gen-t', config);
    expect(store.getState().confirmation).toMatchObject({ nodeId: 'gen-t', rating: 'mature_implied' });
    expect(fake.callsOf('generations.create')).toHaveLength(0);
    await store.getState().confirm(true, true);
    expect(fake.callsOf('settings.update')).toEqual([{ patch: { user: { requireMatureContentConfirmation: false } } }]);
    expect(store.getState().runs['gen-t']).toMatchObject({ phase: 'done', why: { source: 'cache' } });
  });

  it('creates nothing when the confirmation is declined', async () => {
    const { fake, store, config } = setup();
    fake.handle('generations.validate', () => dryRun({ contentRating: 'restricted' }));
    await store.getState().generate('gen-t', config);
    await store.getState().confirm(false, false);
    expect(fake.callsOf('generations.create')).toHaveLength(0);
    expect(store.getState().runs['gen-t']).toBeUndefined();
  });

  it('does not ask when the user turned confirmation off', async () => {
    const { fake, studio, store, config } = setup();
    studio.session.setState((s) => ({ settings: { ...s.settings, user: { ...s.settings.user, requireMatureContentConfirmation: false } } }));
    fake.handle('generations.validate', () => dryRun({ contentRating: 'mature_implied' }));
    fake.handle('generations.create', () => ({ generation: makeGeneration(), why }));
    await store.getState().generate('gen-t', config);
    expect(store.getState().confirmation).toBeNull();
    expect(fake.callsOf('generations.create')).toHaveLength(1);
  });

  it('cancels the running preview', async () => {
    const { fake, store, config } = setup();
    fake.handle('generations.validate', () => dryRun(null));
    const g = makeGeneration({ status: 'processing', result: null });
    fake.handle('generations.create', () => ({ generation: g, why }));
    fake.handle('generations.get', () => g);
    fake.handle('generations.cancel', () => ({ ...g, status: 'cancelled' }));
    await store.getState().generate('gen-t', config);
    await store.getState().cancel('gen-t');
    expect(fake.callsOf('generations.cancel')).toEqual([{ id: g.id }]);
    await vi.waitFor(() => expect(store.getState().runs['gen-t']?.phase).toBe('done'));
  });
});
