import { describe, expect, it } from 'vitest';
import { DEFAULT_RELATIONSHIP_SCHEMA } from '../../../../core/domain/relationship-schema';
import {
  axisStep,
  firstBlockingError,
  initialValues,
  liveCacheKey,
  liveSocial,
  needsMatureConfirmation,
  npcIdsOf,
} from '../../../../renderer/features/preview/preview-logic';
import { sampleDocument } from './fixtures';

const user = { maxContentRating: 'romantic' as const, reduceRomanticIntensity: false, requireMatureContentConfirmation: true };
const config = { generationType: 'transition', purpose: 'gap_fill', strategy: 'per_playthrough', version: 3, socialContext: { npcIds: [7] } };

describe('preview context (studio-ui.md §5)', () => {
  it('steps by 1, or by a hundredth of a range narrower than 100', () => {
    expect(axisStep({ min: 0, max: 100 })).toBe(1);
    expect(axisStep({ min: -500, max: 500 })).toBe(1);
    expect(axisStep({ min: 0, max: 1 })).toBe(0.01);
  });

  it('initialises sliders from the preset, clamped, and the rest at the axis minimum', () => {
    const preset = sampleDocument().playthroughPresets[0];
    const values = initialValues([7, 9], DEFAULT_RELATIONSHIP_SCHEMA, { ...preset!, npcValues: { '7': { affinity: 150, trust: 25 } } });
    expect(values).toEqual({ '7': { affinity: 100, trust: 25, chemistry: 0, tension: 0 }, '9': { affinity: 0, trust: 0, chemistry: 0, tension: 0 } });
  });

  it('reads only integer NPC ids from the draft', () => {
    expect(npcIdsOf({ socialContext: { npcIds: [7, 'x', 2.5, 9] } })).toEqual([7, 9]);
    expect(npcIdsOf(null)).toEqual([]);
  });
});

describe('live social context', () => {
  it('social.md §7 example 1: deep_flirt asks mature_implied and the world cap clamps it to romantic', () => {
    const live = liveSocial({ config, npcIds: [7], values: { '7': { affinity: 45, chemistry: 52, trust: 25, tension: 30 } }, world: {}, user });
    expect(live.ok).toBe(true);
    if (!live.ok) return;
    expect(live.enforcement.context).toMatchObject({ relationshipTierId: 'friend', intimacyLevelId: 'deep_flirt', intimacyBand: 'deep', contentRating: 'romantic' });
    expect(live.clampNote).toBe('mature_implied → romantic by world cap and user cap');
  });

  it('a slider move below the flirt thresholds flips the rating to sfw and removes the clamp note', () => {
    const live = liveSocial({ config, npcIds: [7], values: { '7': { affinity: 45, chemistry: 10, trust: 25 } }, world: {}, user });
    expect(live.ok && live.enforcement.context?.contentRating).toBe('sfw');
    expect(live.ok && live.clampNote).toBeNull();
  });

  it('names only the world cap when the user allows more', () => {
    const live = liveSocial({
      config,
      npcIds: [7],
      values: { '7': { affinity: 70, chemistry: 65, trust: 45 } },
      world: { maxContentRating: 'romantic' },
      user: { ...user, maxContentRating: 'restricted' },
    });
    expect(live.ok && live.clampNote).toBe('mature_implied → romantic by world cap');
  });

  it('has no context without NPCs and without an authored rating', () => {
    const live = liveSocial({ config: { ...config, socialContext: undefined }, npcIds: [], values: {}, world: {}, user });
    expect(live.ok && live.enforcement.context).toBeNull();
  });

  it('reports an unknown authored rating instead of throwing', () => {
    const live = liveSocial({ config: { ...config, socialContext: { contentRating: 'PG-13' } }, npcIds: [], values: {}, world: {}, user });
    expect(live.ok).toBe(false);
  });
});

describe('live cache key', () => {
  it('carries the playthrough, the enforced rating and the version', () => {
    const key = liveCacheKey({ config, fromSceneId: 'scene-a', toSceneId: 'scene-b', playthroughId: 'pt-1', playerId: 'p', contentRating: 'romantic' });
    expect(key).toEqual({ ok: true, key: 'generation:video_transition|gap_fill|scene-a|scene-b|per_playthrough|pt:pt-1|r:romantic|v3' });
  });

  it('explains a scoped strategy without its id instead of inventing a shared bucket', () => {
    const key = liveCacheKey({ config, fromSceneId: null, toSceneId: null, playthroughId: '', playerId: 'p', contentRating: null });
    expect(key.ok).toBe(false);
    expect(!key.ok && key.message).toContain('playthroughId');
  });

  it('is null for always', () => {
    expect(liveCacheKey({ config: { ...config, strategy: 'always' }, fromSceneId: null, toSceneId: null, playthroughId: '', playerId: '', contentRating: null })).toEqual({ ok: true, key: null });
  });
});

describe('generate gates', () => {
  it('blocks on validator errors but not on the cap rules creation clamps (V12/V13)', () => {
    expect(firstBlockingError({ errors: [{ rule: 'V12', message: 'cap' }], warnings: [], suggestions: [] })).toBeNull();
    expect(firstBlockingError({ errors: [{ rule: 'V12', message: 'cap' }, { rule: 'V31', message: 'Duration min' }], warnings: [], suggestions: [] })).toBe('Duration min');
  });

  it('asks before mature_implied or restricted unless the user turned it off', () => {
    expect(needsMatureConfirmation('mature_implied', true)).toBe(true);
    expect(needsMatureConfirmation('restricted', undefined)).toBe(true);
    expect(needsMatureConfirmation('romantic', true)).toBe(false);
    expect(needsMatureConfirmation('mature_implied', false)).toBe(false);
  });
});
