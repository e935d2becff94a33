import { describe, expect, it } from 'vitest';
import { CONTENT_RATINGS, INTIMACY_BANDS, isGenError, type ContentRating } from '../../../core/domain';
import { clampContentRating, lowerBand, lowerRating, ratingForBand } from '../../../core/social';

function thrown(fn: () => unknown): { code: string; message: string; details?: unknown } {
  try {
    fn();
  } catch (error) {
    if (isGenError(error)) return error;
    throw error;
  }
  throw new Error('expected a throw');
}

describe('ratingForBand', () => {
  it('maps bands to ratings and never derives restricted', () => {
    expect(INTIMACY_BANDS.map(ratingForBand)).toEqual(['sfw', 'romantic', 'mature_implied', 'mature_implied']);
  });

  it.each(['hot', '', 'constructor', 'toString', undefined])('throws GEN_BAD_REQUEST for %s', (band) => {
    const error = thrown(() => ratingForBand(band as never));
    expect(error.code).toBe('GEN_BAD_REQUEST');
    expect(error.message).toBe("Invalid request: 'band' must be one of none, light, deep, intense.");
  });
});

describe('lowerBand and lowerRating', () => {
  it('move one step down and stop at the bottom', () => {
    expect(INTIMACY_BANDS.map(lowerBand)).toEqual(['none', 'none', 'light', 'deep']);
    expect(CONTENT_RATINGS.map(lowerRating)).toEqual(['sfw', 'sfw', 'romantic', 'mature_implied']);
  });
});

describe('clampContentRating', () => {
  it('returns the most restrictive of the rating and the caps (social.md §3 examples)', () => {
    expect(clampContentRating('mature_implied', 'restricted', 'romantic')).toBe('romantic');
    expect(clampContentRating('romantic')).toBe('romantic');
    expect(clampContentRating('sfw', 'restricted')).toBe('sfw');
    expect(clampContentRating('restricted', undefined, 'mature_implied', undefined)).toBe('mature_implied');
  });

  it('agrees with the index order for every combination', () => {
    for (const r of CONTENT_RATINGS) {
      for (const a of CONTENT_RATINGS) {
        for (const b of CONTENT_RATINGS) {
          const expected = CONTENT_RATINGS[Math.min(CONTENT_RATINGS.indexOf(r), CONTENT_RATINGS.indexOf(a), CONTENT_RATINGS.indexOf(b))];
          expect(clampContentRating(r, a, b)).toBe(expected);
        }
      }
    }
  });

  it('rejects an unknown rating with field rating', () => {
    const error = thrown(() => clampContentRating('PG-13' as ContentRating, 'romantic'));
    expect(error.code).toBe('GEN_INVALID_RATING');
    expect(error.message).toBe(
      "'PG-13' is not a valid content rating for rating. Use one of: sfw, romantic, mature_implied, restricted.",
    );
    expect(error.details).toEqual({ field: 'rating', value: 'PG-13', allowed: [...CONTENT_RATINGS] });
  });

  it('rejects an unknown cap with its 0-based position among the caps', () => {
    expect(thrown(() => clampContentRating('sfw', 'romantic', undefined, '' as ContentRating)).details).toEqual({
      field: 'caps[2]',
      value: '',
      allowed: [...CONTENT_RATINGS],
    });
    expect(thrown(() => clampContentRating('sfw', null as unknown as ContentRating)).details).toMatchObject({
      field: 'caps[0]',
      value: null,
    });
    expect(thrown(() => clampContentRating('sfw', 3 as unknown as ContentRating)).details).toMatchObject({ value: 3 });
    // details stay plain JSON even for an object value.
    expect(thrown(() => clampContentRating({} as unknown as ContentRating)).details).toMatchObject({ value: '[object Object]' });
  });

  it('never treats an unknown value as sfw', () => {
    expect(thrown(() => clampContentRating('SFW' as ContentRating)).code).toBe('GEN_INVALID_RATING');
  });
});
