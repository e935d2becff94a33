import { z } from 'zod';
import { FiniteNumberSchema, integer, nullTolerantObject, nullTolerantRecord } from './schema-helpers';
import { ContentRatingSchema, IntimacyBandSchema } from './vocabulary';

/** domain.md §7: finite values per axis; a missing axis counts as 0 and values are clamped at use. */
export const RelationshipValuesSchema = nullTolerantRecord(FiniteNumberSchema);
export type RelationshipValues = z.infer<typeof RelationshipValuesSchema>;

/** domain.md §4. `ratingClamped` and `originalRating` are set only by enforcement at creation. */
export const GenerationSocialContextSchema = nullTolerantObject({
  intimacyLevelId: z.string().optional(),
  relationshipTierId: z.string().optional(),
  intimacyBand: IntimacyBandSchema.optional(),
  contentRating: ContentRatingSchema.optional(),
  worldMaxRating: ContentRatingSchema.optional(),
  userMaxRating: ContentRatingSchema.optional(),
  npcIds: z.array(integer()).optional(),
  relationshipValues: RelationshipValuesSchema.optional(),
  ratingClamped: z.boolean().optional(),
  originalRating: ContentRatingSchema.optional(),
});
export type GenerationSocialContext = z.infer<typeof GenerationSocialContextSchema>;
