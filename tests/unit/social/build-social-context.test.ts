import { describe, expect, it } from 'vitest';
import { CONTENT_RATINGS, isGenError, type NpcRelationshipInput, type RelationshipSchema } from '../../../core/domain';
import { buildSocialContext, computeIntimacyLevel, computeRelationshipTier } from '../../../core/social';
import { EXAMPLE_7_SCHEMA } from './example-schemas';

type Opts = Omit<Parameters<typeof buildSocialContext>[0], 'npcs'>;
const B = (npcs: NpcRelationshipInput[], opts: Opts = {}) => buildSocialContext({ npcs, ...opts });
const n = (npcId: number, values: Record<string, number>, tierId?: string, intimacyLevelId?: string): NpcRelationshipInput => ({
  npcId,
  values,
  ...(tierId === undefined ? {} : { tierId }),
  ...(intimacyLevelId === undefined ? {} : { intimacyLevelId }),
});

describe('buildSocialContext: worked examples of social.md §7', () => {
  it('1: the level, not the tier, decides the band; the rating is clamped to the default caps', () => {
    expect(B([n(7, { affinity: 45, chemistry: 52, trust: 25, tension: 30 })])).toStrictEqual({
      relationshipTierId: 'friend',
      intimacyLevelId: 'deep_flirt',
      intimacyBand: 'deep',
      contentRating: 'romantic',
      worldMaxRating: 'romantic',
      userMaxRating: 'romantic',
      npcIds: [7],
      relationshipValues: { affinity: 45, trust: 25, chemistry: 52, tension: 30 },
    });
  });

  it('2: values are clamped, 9.999 is still a stranger, and no level means no intimacyLevelId key', () => {
    const ctx = B([n(2, { affinity: 9.999, chemistry: 130, trust: -20 })]);
    expect(ctx.relationshipValues).toStrictEqual({ affinity: 9.999, trust: 0, chemistry: 100, tension: 0 });
    expect(ctx.relationshipTierId).toBe('stranger');
    expect(ctx).not.toHaveProperty('intimacyLevelId');
    expect(ctx.intimacyBand).toBe('none');
    expect(ctx.contentRating).toBe('sfw');
  });

  it('3: tension keeps soulmates out', () => {
    const opts = { world: { maxContentRating: 'restricted' }, user: { maxContentRating: 'mature_implied' } };
    expect(B([n(11, { affinity: 97, chemistry: 96, trust: 92, tension: 12 })], opts)).toMatchObject({
      relationshipTierId: 'lover',
      intimacyLevelId: 'very_intimate',
      intimacyBand: 'intense',
      contentRating: 'mature_implied',
    });
    expect(B([n(11, { affinity: 97, chemistry: 96, trust: 92, tension: 8 })], opts)).toMatchObject({
      intimacyLevelId: 'soulmates',
      intimacyBand: 'intense',
      contentRating: 'mature_implied',
    });
  });

  it('4: the first NPC with the highest band is selected; the highest tier decides nothing', () => {
    const ctx = B(
      [
        n(5, { affinity: 90, chemistry: 30, trust: 80 }),
        n(3, { affinity: 70, chemistry: 65, trust: 45 }),
        n(9, { affinity: 62, chemistry: 61, trust: 41, tension: 50 }),
      ],
      { world: { maxContentRating: 'mature_implied' }, user: { maxContentRating: 'restricted' } },
    );
    expect(ctx).toStrictEqual({
      relationshipTierId: 'close_friend',
      intimacyLevelId: 'intimate',
      intimacyBand: 'deep',
      contentRating: 'mature_implied',
      worldMaxRating: 'mature_implied',
      userMaxRating: 'restricted',
      npcIds: [5, 3, 9],
      relationshipValues: { affinity: 70, trust: 45, chemistry: 65, tension: 0 },
    });
  });

  it('5: reduce happens before the clamp', () => {
    const npc = n(4, { affinity: 82, chemistry: 85, trust: 64, tension: 20 });
    expect(
      B([npc], { world: { maxContentRating: 'mature_implied' }, user: { maxContentRating: 'romantic', reduceRomanticIntensity: true } }),
    ).toMatchObject({ intimacyLevelId: 'very_intimate', intimacyBand: 'deep', contentRating: 'romantic' });
    expect(
      B([npc], { world: { maxContentRating: 'restricted' }, user: { maxContentRating: 'restricted', reduceRomanticIntensity: true } }),
    ).toMatchObject({ intimacyBand: 'deep', contentRating: 'romantic' });
  });

  it('6: reduce at the bottom keeps the level id but lowers band and rating', () => {
    const ctx = B([n(6, { affinity: 22, chemistry: 20 })], { user: { reduceRomanticIntensity: true } });
    expect(ctx).toMatchObject({
      relationshipTierId: 'acquaintance',
      intimacyLevelId: 'light_flirt',
      intimacyBand: 'none',
      contentRating: 'sfw',
    });
  });

  it('7: a custom schema with equal priorities, and an unknown supplied level', () => {
    const opts = { world: { maxContentRating: 'mature_implied', relationshipSchema: EXAMPLE_7_SCHEMA }, user: { maxContentRating: 'mature_implied' } };
    expect(B([n(1, { affinity: 50, chemistry: 35 })], opts)).toStrictEqual({
      relationshipTierId: 'warm',
      intimacyLevelId: 'crush',
      intimacyBand: 'deep',
      contentRating: 'mature_implied',
      worldMaxRating: 'mature_implied',
      userMaxRating: 'mature_implied',
      npcIds: [1],
      relationshipValues: { affinity: 50, chemistry: 35 },
    });
    expect(B([n(1, { affinity: 71, chemistry: 35 })], opts)).toMatchObject({
      intimacyLevelId: 'spark',
      intimacyBand: 'light',
      contentRating: 'romantic',
    });
    expect(B([n(1, { affinity: 50, chemistry: 35 }, undefined, 'sweetheart')], opts)).toMatchObject({
      intimacyLevelId: 'sweetheart',
      intimacyBand: 'none',
      contentRating: 'sfw',
    });
  });
});

describe('buildSocialContext: the 17 acceptance cases of social.md §8 (builder cases)', () => {
  it('#1 no values: none / sfw, tier stranger, no level, npcIds [12]', () => {
    const ctx = B([n(12, {})]);
    expect(ctx).toMatchObject({ intimacyBand: 'none', contentRating: 'sfw', relationshipTierId: 'stranger', npcIds: [12] });
    expect(ctx).not.toHaveProperty('intimacyLevelId');
  });

  it('#2 supplied light_flirt', () => {
    expect(B([n(12, { affinity: 25, trust: 20, chemistry: 25, tension: 5 }, 'friend', 'light_flirt')])).toMatchObject({
      intimacyLevelId: 'light_flirt',
      intimacyBand: 'light',
      contentRating: 'romantic',
      relationshipTierId: 'friend',
    });
  });

  it('#3 supplied intimate is clamped to romantic by default, mature_implied with raised caps', () => {
    const npc = n(12, { affinity: 65, trust: 50, chemistry: 65, tension: 10 }, 'close_friend', 'intimate');
    expect(B([npc])).toMatchObject({
      intimacyLevelId: 'intimate',
      intimacyBand: 'deep',
      contentRating: 'romantic',
      relationshipTierId: 'close_friend',
    });
    expect(B([npc], { world: { maxContentRating: 'mature_implied' }, user: { maxContentRating: 'restricted' } }).contentRating).toBe(
      'mature_implied',
    );
  });

  it('#4 supplied very_intimate', () => {
    expect(B([n(12, { affinity: 85, trust: 70, chemistry: 85, tension: 15 }, 'lover', 'very_intimate')])).toMatchObject({
      intimacyLevelId: 'very_intimate',
      intimacyBand: 'intense',
      relationshipTierId: 'lover',
      contentRating: 'romantic',
    });
  });

  it('#5 world cap romantic', () => {
    expect(B([n(12, {}, 'lover', 'very_intimate')], { world: { maxContentRating: 'romantic' } }).contentRating).toBe('romantic');
  });

  it('#6 reduce lowers deep to light', () => {
    const ctx = B([n(12, {}, 'close_friend', 'intimate')], { user: { reduceRomanticIntensity: true } });
    expect(ctx).toMatchObject({ intimacyBand: 'light', contentRating: 'romantic' });
  });

  it('#7 two NPCs: the deeper band wins', () => {
    expect(B([n(12, {}, 'friend', 'light_flirt'), n(13, {}, 'close_friend', 'intimate')])).toMatchObject({
      intimacyLevelId: 'intimate',
      intimacyBand: 'deep',
      relationshipTierId: 'close_friend',
      contentRating: 'romantic',
      npcIds: [12, 13],
    });
  });

  it('#15 supplied ids agree with computed ones', () => {
    const values = { affinity: 75, chemistry: 70, trust: 55 };
    expect(B([n(12, values, 'close_friend', 'intimate')])).toMatchObject({
      intimacyLevelId: 'intimate',
      intimacyBand: 'deep',
      contentRating: 'romantic',
    });
    expect(computeRelationshipTier(values)).toBe('close_friend');
    expect(computeIntimacyLevel(values)).toBe('intimate');
    expect(B([n(12, values)])).toMatchObject({ relationshipTierId: 'close_friend', intimacyLevelId: 'intimate' });
  });

  it('#16 only a level supplied: tier computed as stranger, rating romantic', () => {
    expect(B([n(12, {}, undefined, 'intimate')], { world: { maxContentRating: 'romantic' } })).toMatchObject({
      contentRating: 'romantic',
      relationshipTierId: 'stranger',
    });
  });

  it('#17 only a level supplied, reduce on: band light', () => {
    expect(B([n(12, {}, undefined, 'intimate')], { user: { reduceRomanticIntensity: true } }).intimacyBand).toBe('light');
  });
});

describe('buildSocialContext: edges', () => {
  it('gives none / sfw with empty npcIds and no selected NPC for an empty list', () => {
    expect(B([])).toStrictEqual({
      intimacyBand: 'none',
      contentRating: 'sfw',
      worldMaxRating: 'romantic',
      userMaxRating: 'romantic',
      npcIds: [],
    });
  });

  it('keeps duplicate npc ids and treats empty supplied ids as absent', () => {
    const ctx = B([n(4, { affinity: 35 }, '', ''), n(4, { affinity: 5 })]);
    expect(ctx.npcIds).toEqual([4, 4]);
    expect(ctx.relationshipTierId).toBe('friend');
  });

  it('takes the maximum rating over all NPCs even when the selected one is not the highest rated', () => {
    // Both bands are deep; the first is selected, and mature_implied is the rating of both.
    const ctx = B([n(1, {}, 'x', 'deep_flirt'), n(2, {}, 'y', 'intimate')], {
      world: { maxContentRating: 'restricted' },
      user: { maxContentRating: 'restricted' },
    });
    expect(ctx).toMatchObject({ intimacyLevelId: 'deep_flirt', relationshipTierId: 'x', contentRating: 'mature_implied' });
  });

  it('never sets ratingClamped or originalRating', () => {
    const ctx = B([n(1, {}, undefined, 'soulmates')]);
    expect(ctx.contentRating).toBe('romantic');
    expect(ctx).not.toHaveProperty('ratingClamped');
    expect(ctx).not.toHaveProperty('originalRating');
  });

  it.each([
    [{ world: { maxContentRating: 'PG-13' } }, 'world.maxContentRating', 'PG-13'],
    [{ user: { maxContentRating: '' } }, 'user.maxContentRating', ''],
  ])('throws GEN_INVALID_RATING for an unknown cap %#', (opts, field, value) => {
    let error: unknown;
    try {
      B([n(1, {})], opts);
    } catch (e) {
      error = e;
    }
    expect(isGenError(error) && error.code).toBe('GEN_INVALID_RATING');
    expect((error as { details: unknown }).details).toEqual({ field, value, allowed: [...CONTENT_RATINGS] });
  });

  it('throws GEN_BAD_REQUEST for an invalid world relationship schema', () => {
    const relationshipSchema = { axes: [], tierAxis: 'a', tiers: [], levels: [] } as unknown as RelationshipSchema;
    expect(() => B([n(1, {})], { world: { relationshipSchema } })).toThrow(expect.objectContaining({ code: 'GEN_BAD_REQUEST' }));
  });
});
