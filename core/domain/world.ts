import { z } from 'zod';
import { RelationshipSchemaSchema } from './relationship-schema';
import { nullTolerantObject } from './schema-helpers';
import { type ContentRating, ContentRatingSchema, GenerationStrategySchema } from './vocabulary';

// domain.md §6 and social.md §4: the two caps and their defaults.
export const DEFAULT_WORLD_MAX_RATING = 'romantic' as const satisfies ContentRating;
export const DEFAULT_USER_MAX_RATING = 'romantic' as const satisfies ContentRating;

export const WorldSettingsSchema = nullTolerantObject({
  maxContentRating: ContentRatingSchema.optional(),
  defaultStrategy: GenerationStrategySchema.optional(),
  stylePresetId: z.string().optional(),
  relationshipSchema: RelationshipSchemaSchema.optional(),
});
export type WorldSettings = z.infer<typeof WorldSettingsSchema>;

export const UserContentPreferencesSchema = nullTolerantObject({
  maxContentRating: ContentRatingSchema.optional(),
  reduceRomanticIntensity: z.boolean().optional(),
  requireMatureContentConfirmation: z.boolean().optional(),
});
export type UserContentPreferences = z.infer<typeof UserContentPreferencesSchema>;

export const DEFAULT_USER_CONTENT_PREFERENCES = Object.freeze({
  maxContentRating: DEFAULT_USER_MAX_RATING,
  reduceRomanticIntensity: false,
  requireMatureContentConfirmation: true,
}) satisfies Required<UserContentPreferences>;

// generation.md §11 step 1: in a request envelope the caps are parsed as plain strings, so that an unknown
// rating anywhere answers GEN_INVALID_RATING (from enforcement) rather than GEN_BAD_REQUEST.
export const RequestWorldSettingsSchema = nullTolerantObject({
  maxContentRating: z.string().optional(),
  defaultStrategy: GenerationStrategySchema.optional(),
  stylePresetId: z.string().optional(),
  relationshipSchema: RelationshipSchemaSchema.optional(),
});
export type RequestWorldSettings = z.infer<typeof RequestWorldSettingsSchema>;

export const RequestUserPreferencesSchema = nullTolerantObject({
  maxContentRating: z.string().optional(),
  reduceRomanticIntensity: z.boolean().optional(),
  requireMatureContentConfirmation: z.boolean().optional(),
});
export type RequestUserPreferences = z.infer<typeof RequestUserPreferencesSchema>;

/** The effective caps of social.md §4: absent caps take the defaults; values are not checked here. */
export function effectiveCaps(
  world?: { maxContentRating?: string },
  user?: { maxContentRating?: string },
): { worldCap: string; userCap: string } {
  return {
    worldCap: world?.maxContentRating ?? DEFAULT_WORLD_MAX_RATING,
    userCap: user?.maxContentRating ?? DEFAULT_USER_MAX_RATING,
  };
}
