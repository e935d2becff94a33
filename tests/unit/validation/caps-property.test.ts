import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTENT_RATINGS } from '../../../core/domain';
import { cleanWith, findingsOf } from './helpers';

// validation.md §2.6 and V12/V13/V50 over every combination of rating × world cap × user cap, including
// unknown values: an unknown rating is reported by V50 and never compared (it no longer counts as `sfw`).

const rank = (value: unknown) => (CONTENT_RATINGS as readonly unknown[]).indexOf(value);
const rating = fc.oneof(fc.constantFrom(...CONTENT_RATINGS), fc.constantFrom(undefined, null, '', 'PG-13', 'SFW', 0));

describe('ratings × caps', () => {
  it('V12 and V13 fire exactly when both values are known and the rating ranks above the cap; V50 names every unknown one', () => {
    fc.assert(
      fc.property(rating, rating, rating, (contentRating, worldCap, userCap) => {
        const config = cleanWith({ socialContext: { contentRating } });
        const options = { world: { maxContentRating: worldCap as string }, user: { maxContentRating: userCap as string } };
        const exceeds = (cap: unknown) => rank(contentRating) >= 0 && rank(cap) >= 0 && rank(contentRating) > rank(cap);
        expect(findingsOf('V12', config, options)).toHaveLength(exceeds(worldCap) ? 1 : 0);
        expect(findingsOf('V13', config, options)).toHaveLength(exceeds(userCap) ? 1 : 0);
        const unknown = [
          ['socialContext.contentRating', contentRating],
          ['world.maxContentRating', worldCap],
          ['user.maxContentRating', userCap],
        ].filter(([, value]) => value !== undefined && value !== null && rank(value) < 0);
        expect(findingsOf('V50', config, options).map((f) => f.path)).toEqual(unknown.map(([path]) => path));
      }),
    );
  });
});
