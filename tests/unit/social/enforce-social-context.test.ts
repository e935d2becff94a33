import { describe, expect, it } from 'vitest';
import { CONTENT_RATINGS, isGenError, type GenerationSocialContext } from '../../../core/domain';
import { checkSocialRatings, enforceSocialContext } from '../../../core/social';

const CAPS = { world: { maxContentRating: 'mature_implied' }, user: { maxContentRating: 'romantic' } };
const NPC3 = { npcId: 3, values: { affinity: 70, chemistry: 65, trust: 45 } };
const NPC7 = { npcId: 7, values: { affinity: 45, chemistry: 52, trust: 25, tension: 30 } };

function invalidRating(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    if (isGenError(error) && error.code === 'GEN_INVALID_RATING') return error.details;
    throw error;
  }
  throw new Error('expected GEN_INVALID_RATING');
}

describe('enforceSocialContext: social.md §7 example 8', () => {
  it('(a) clamps an authored restricted rating by the user cap and records the original', () => {
    const result = enforceSocialContext({
      socialContext: { contentRating: 'restricted', intimacyBand: 'intense', npcIds: [3] },
      ...CAPS,
    });
    expect(result.context).toStrictEqual({
      intimacyBand: 'intense',
      contentRating: 'romantic',
      npcIds: [3],
      worldMaxRating: 'mature_implied',
      userMaxRating: 'romantic',
      ratingClamped: true,
      originalRating: 'restricted',
    });
    expect(result).toMatchObject({ requestedRating: 'restricted', contentRating: 'romantic', ratingClamped: true });
    expect(result.bindingCaps).toEqual(['user']);
  });

  it('(b) derives band and requested rating from an authored level', () => {
    const result = enforceSocialContext({ socialContext: { intimacyLevelId: 'deep_flirt' }, ...CAPS });
    expect(result.context).toStrictEqual({
      intimacyLevelId: 'deep_flirt',
      intimacyBand: 'deep',
      contentRating: 'romantic',
      worldMaxRating: 'mature_implied',
      userMaxRating: 'romantic',
      ratingClamped: true,
      originalRating: 'mature_implied',
    });
  });

  it('(c) rejects an unknown authored rating before anything else', () => {
    expect(
      invalidRating(() => enforceSocialContext({ socialContext: { contentRating: 'PG-13' } as unknown as GenerationSocialContext, ...CAPS })),
    ).toEqual({ field: 'socialContext.contentRating', value: 'PG-13', allowed: [...CONTENT_RATINGS] });
  });

  it('(d) drops an incoming ratingClamped flag when nothing is clamped', () => {
    const result = enforceSocialContext({ socialContext: { contentRating: 'sfw', ratingClamped: true, originalRating: 'restricted' }, ...CAPS });
    expect(result.context).toStrictEqual({
      intimacyBand: 'none',
      contentRating: 'sfw',
      worldMaxRating: 'mature_implied',
      userMaxRating: 'romantic',
    });
    expect(result.ratingClamped).toBe(false);
    expect(result.bindingCaps).toEqual([]);
  });

  it('(e) clamps a derived rating from NPCs under the default caps', () => {
    const result = enforceSocialContext({ npcs: [NPC3] });
    expect(result.context).toStrictEqual({
      relationshipTierId: 'close_friend',
      intimacyLevelId: 'intimate',
      intimacyBand: 'deep',
      contentRating: 'romantic',
      worldMaxRating: 'romantic',
      userMaxRating: 'romantic',
      npcIds: [3],
      relationshipValues: { affinity: 70, trust: 45, chemistry: 65, tension: 0 },
      ratingClamped: true,
      originalRating: 'mature_implied',
    });
    expect(result.bindingCaps).toEqual(['world', 'user']);
  });

  it('(f) an authored rating overrides the derived one, field by field', () => {
    const result = enforceSocialContext({ npcs: [NPC7], socialContext: { contentRating: 'sfw' } });
    expect(result.context).toMatchObject({
      relationshipTierId: 'friend',
      intimacyLevelId: 'deep_flirt',
      intimacyBand: 'deep',
      contentRating: 'sfw',
    });
    expect(result.context).not.toHaveProperty('ratingClamped');
    expect(result.context).not.toHaveProperty('originalRating');
    expect(result.requestedRating).toBe('sfw');
  });
});

describe('enforceSocialContext: rules', () => {
  it('gives no social context without npcs and without an authored context', () => {
    expect(enforceSocialContext({})).toEqual({
      context: null,
      worldMaxRating: 'romantic',
      userMaxRating: 'romantic',
      requestedRating: null,
      contentRating: null,
      ratingClamped: false,
      bindingCaps: [],
    });
    expect(enforceSocialContext({ npcs: [], socialContext: null }).context).toBeNull();
  });

  it('still rejects unknown caps when there is no social context', () => {
    expect(invalidRating(() => enforceSocialContext({ world: { maxContentRating: 'R' } }))).toMatchObject({
      field: 'world.maxContentRating',
    });
    expect(invalidRating(() => enforceSocialContext({ user: { maxContentRating: 'x' } }))).toMatchObject({ field: 'user.maxContentRating' });
  });

  it('applies both caps: the stricter user cap binds even under a permissive world', () => {
    const result = enforceSocialContext({
      socialContext: { contentRating: 'mature_implied' },
      world: { maxContentRating: 'restricted' },
      user: { maxContentRating: 'sfw' },
    });
    expect(result.contentRating).toBe('sfw');
    expect(result.bindingCaps).toEqual(['user']);
  });

  it('lets restricted through only when both caps allow it', () => {
    const result = enforceSocialContext({
      socialContext: { contentRating: 'restricted' },
      world: { maxContentRating: 'restricted' },
      user: { maxContentRating: 'restricted' },
    });
    expect(result.context).toMatchObject({ contentRating: 'restricted', intimacyBand: 'none' });
    expect(result.ratingClamped).toBe(false);
  });

  it('does not apply reduceRomanticIntensity to an authored rating', () => {
    const result = enforceSocialContext({
      socialContext: { contentRating: 'mature_implied' },
      world: { maxContentRating: 'restricted' },
      user: { maxContentRating: 'restricted', reduceRomanticIntensity: true },
    });
    expect(result.contentRating).toBe('mature_implied');
  });

  it('applies reduceRomanticIntensity to a derived rating before the clamp', () => {
    const result = enforceSocialContext({
      npcs: [NPC3],
      world: { maxContentRating: 'restricted' },
      user: { maxContentRating: 'restricted', reduceRomanticIntensity: true },
    });
    expect(result.context).toMatchObject({ intimacyBand: 'light', contentRating: 'romantic' });
    expect(result.ratingClamped).toBe(false);
  });

  it('overlays authored fields onto the derived context, and an authored band decides the requested rating only when no rating is present', () => {
    const result = enforceSocialContext({
      npcs: [NPC7],
      socialContext: { intimacyBand: 'light', relationshipTierId: 'rival', npcIds: [99], intimacyLevelId: null as unknown as undefined },
      world: { maxContentRating: 'restricted' },
      user: { maxContentRating: 'restricted' },
    });
    // The derived pre-clamp rating (mature_implied) is still present, so it is the requested one.
    expect(result.context).toMatchObject({
      relationshipTierId: 'rival',
      intimacyLevelId: 'deep_flirt',
      intimacyBand: 'light',
      contentRating: 'mature_implied',
      npcIds: [99],
    });
  });

  it('uses the world relationship schema to band an authored level', () => {
    const relationshipSchema = {
      axes: [{ id: 'a', min: 0, max: 1 }],
      tierAxis: 'a',
      tiers: [{ id: 't', min: 0 }],
      levels: [{ id: 'deep_flirt', priority: 0, band: 'intense' as const, conditions: [{ axis: 'a', type: 'min' as const, min: 1 }] }],
    };
    const result = enforceSocialContext({ socialContext: { intimacyLevelId: 'deep_flirt' }, world: { relationshipSchema } });
    expect(result.context).toMatchObject({ intimacyBand: 'intense', contentRating: 'romantic', originalRating: 'mature_implied' });
  });

  it('checkSocialRatings reports the authored rating first, then the world cap, then the user cap', () => {
    const bad = { socialContext: { contentRating: 5 }, world: { maxContentRating: 'x' }, user: { maxContentRating: 'y' } };
    expect(invalidRating(() => checkSocialRatings(bad))).toMatchObject({ field: 'socialContext.contentRating', value: 5 });
    expect(invalidRating(() => checkSocialRatings({ ...bad, socialContext: {} }))).toMatchObject({ field: 'world.maxContentRating' });
    expect(checkSocialRatings({ socialContext: { contentRating: null } })).toEqual({ worldCap: 'romantic', userCap: 'romantic' });
  });
});
