import { CONTENT_RATINGS, GenError, INTIMACY_BANDS, isContentRating, type ContentRating, type IntimacyBand } from '../domain';

// social.md §1 and §3: the two orders, lower(), the band → rating map and the clamp.

const RATING_BY_BAND: Readonly<Record<IntimacyBand, ContentRating>> = Object.freeze({
  none: 'sfw',
  light: 'romantic',
  deep: 'mature_implied',
  intense: 'mature_implied',
});

/** A JSON-safe form of an offending value for `details` (errors.md §1: details are plain JSON). */
function jsonSafe(value: unknown): unknown {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? value : String(value);
}

export function invalidRatingError(field: string, value: unknown): GenError {
  return new GenError(
    'GEN_INVALID_RATING',
    `'${String(value)}' is not a valid content rating for ${field}. Use one of: ${CONTENT_RATINGS.join(', ')}.`,
    { field, value: jsonSafe(value), allowed: [...CONTENT_RATINGS] },
  );
}

/** Narrows `value` to a rating, or throws GEN_INVALID_RATING naming `field`. Never falls back to `sfw`. */
export function assertContentRating(value: unknown, field: string): ContentRating {
  if (!isContentRating(value)) throw invalidRatingError(field, value);
  return value;
}

export function ratingIndex(rating: ContentRating): number {
  return CONTENT_RATINGS.indexOf(rating);
}

export function bandIndex(band: IntimacyBand): number {
  return INTIMACY_BANDS.indexOf(band);
}

/** One step down: intense → deep → light → none → none. */
export function lowerBand(band: IntimacyBand): IntimacyBand {
  return INTIMACY_BANDS[Math.max(0, bandIndex(band) - 1)] as IntimacyBand;
}

/** One step down: restricted → mature_implied → romantic → sfw → sfw. */
export function lowerRating(rating: ContentRating): ContentRating {
  return CONTENT_RATINGS[Math.max(0, ratingIndex(rating) - 1)] as ContentRating;
}

/** `restricted` is never derived from a band; only an explicit authored rating can ask for it. */
export function ratingForBand(band: IntimacyBand): ContentRating {
  if (typeof band !== 'string' || !Object.hasOwn(RATING_BY_BAND, band)) {
    const issue = `must be one of ${INTIMACY_BANDS.join(', ')}`;
    throw new GenError('GEN_BAD_REQUEST', `Invalid request: 'band' ${issue}.`, { issues: [{ path: 'band', message: issue }] });
  }
  return RATING_BY_BAND[band];
}

/** The most restrictive of `rating` and every cap that is not undefined. */
export function clampContentRating(rating: ContentRating, ...caps: (ContentRating | undefined)[]): ContentRating {
  let result = assertContentRating(rating, 'rating');
  caps.forEach((cap, i) => {
    if (cap === undefined) return;
    const checked = assertContentRating(cap, `caps[${i}]`);
    if (ratingIndex(checked) < ratingIndex(result)) result = checked;
  });
  return result;
}
