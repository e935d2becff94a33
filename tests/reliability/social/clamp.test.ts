import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_RATINGS,
  DEFAULT_RELATIONSHIP_SCHEMA,
  INTIMACY_BANDS,
  type ContentRating,
  type GenerationSocialContext,
  type NpcRelationshipInput,
} from '../../../core/domain';
import { enforceSocialContext } from '../../../core/social';
import { figure } from '../support/figure';

const rank = (r: ContentRating): number => CONTENT_RATINGS.indexOf(r);
const levelIds = DEFAULT_RELATIONSHIP_SCHEMA.levels.map((l) => l.id);
const tierIds = DEFAULT_RELATIONSHIP_SCHEMA.tiers.map((t) => t.id);

const axisValue = fc.oneof(fc.double({ min: -50, max: 150, noNaN: true }), fc.integer({ min: 0, max: 100 }));
const npc: fc.Arbitrary<NpcRelationshipInput> = fc.record(
  {
    npcId: fc.integer({ min: 0, max: 50 }),
    values: fc.record({ affinity: axisValue, trust: axisValue, chemistry: axisValue, tension: axisValue }, { requiredKeys: [] }),
    tierId: fc.constantFrom(...tierIds, ''),
    intimacyLevelId: fc.constantFrom(...levelIds, 'sweetheart', ''),
  },
  { requiredKeys: ['npcId', 'values'] },
);
const authored: fc.Arbitrary<GenerationSocialContext> = fc.record(
  {
    contentRating: fc.constantFrom(...CONTENT_RATINGS),
    intimacyBand: fc.constantFrom(...INTIMACY_BANDS),
    intimacyLevelId: fc.constantFrom(...levelIds, 'sweetheart'),
    npcIds: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }),
    ratingClamped: fc.boolean(),
    originalRating: fc.constantFrom(...CONTENT_RATINGS),
  },
  { requiredKeys: [] },
);

describe('RATE-1 creation', () => {
  it('never stores a rating above either cap', () => {
    fc.assert(
      fc.property(
        fc.option(authored, { nil: undefined }),
        fc.array(npc, { maxLength: 4 }),
        fc.option(fc.constantFrom(...CONTENT_RATINGS), { nil: undefined }),
        fc.option(fc.constantFrom(...CONTENT_RATINGS), { nil: undefined }),
        fc.boolean(),
        (socialContext, npcs, worldMax, userMax, reduce) => {
          const worldCap = worldMax ?? 'romantic';
          const userCap = userMax ?? 'romantic';
          const result = enforceSocialContext({
            socialContext,
            npcs,
            world: worldMax === undefined ? {} : { maxContentRating: worldMax },
            user: { ...(userMax === undefined ? {} : { maxContentRating: userMax }), reduceRomanticIntensity: reduce },
          });
          const ctx = result.context;
          if (ctx === null) {
            expect(socialContext === undefined && npcs.length === 0).toBe(true);
            return;
          }
          const stored = ctx.contentRating as ContentRating;
          const requested = result.requestedRating as ContentRating;
          // Never above either cap, and exactly the strictest of the request and both caps.
          expect(rank(stored)).toBeLessThanOrEqual(rank(worldCap));
          expect(rank(stored)).toBeLessThanOrEqual(rank(userCap));
          expect(rank(stored)).toBe(Math.min(rank(requested), rank(worldCap), rank(userCap)));
          expect(ctx.worldMaxRating).toBe(worldCap);
          expect(ctx.userMaxRating).toBe(userCap);
          // The flags appear exactly when the clamp lowered the rating, whatever came in.
          const clamped = stored !== requested;
          expect(result.ratingClamped).toBe(clamped);
          if (clamped) {
            expect(ctx.ratingClamped).toBe(true);
            expect(ctx.originalRating).toBe(requested);
            expect(result.bindingCaps.length).toBeGreaterThan(0);
          } else {
            expect(ctx).not.toHaveProperty('ratingClamped');
            expect(ctx).not.toHaveProperty('originalRating');
            expect(result.bindingCaps).toEqual([]);
          }
          // restricted only from an explicit override that both caps allow.
          if (stored === 'restricted') {
            expect(socialContext?.contentRating).toBe('restricted');
            expect([worldCap, userCap]).toEqual(['restricted', 'restricted']);
          }
          // An authored rating is what was requested; it is never reduced.
          if (socialContext?.contentRating !== undefined) expect(requested).toBe(socialContext.contentRating);
        },
      ),
      { numRuns: 2000 },
    );
    figure('RATE-1', { runs: 2000, above_either_cap: 0 });
  });
});
