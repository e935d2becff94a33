import {
  DEFAULT_USER_MAX_RATING,
  DEFAULT_WORLD_MAX_RATING,
  type ContentRating,
  type GenerationSocialContext,
  type IntimacyBand,
  type NpcRelationshipInput,
  type RelationshipSchema,
  type RelationshipValues,
} from '../domain';
import { assertContentRating, bandIndex, clampContentRating, lowerBand, lowerRating, ratingForBand, ratingIndex } from './ratings';
import { bandOf, checkRelationshipSchema, levelOf, tierOf, valueOf } from './relationship';

// social.md §4–5: from NPC relationships to a GenerationSocialContext.

/** Caps as they arrive from a request or settings: plain strings until checked (generation.md §11 step 1). */
export type WorldCapsInput = { maxContentRating?: string | null; relationshipSchema?: RelationshipSchema | null };
export type UserCapsInput = { maxContentRating?: string | null; reduceRomanticIntensity?: boolean | null };

export type BuildSocialContextInput = {
  npcs: readonly NpcRelationshipInput[];
  world?: WorldCapsInput | null;
  user?: UserCapsInput | null;
};

/** The effective caps of §4, checked: an unknown cap throws GEN_INVALID_RATING naming its settings field. */
export function resolveCaps(world?: WorldCapsInput | null, user?: UserCapsInput | null): { worldCap: ContentRating; userCap: ContentRating } {
  return {
    worldCap: assertContentRating(world?.maxContentRating ?? DEFAULT_WORLD_MAX_RATING, 'world.maxContentRating'),
    userCap: assertContentRating(user?.maxContentRating ?? DEFAULT_USER_MAX_RATING, 'user.maxContentRating'),
  };
}

type Evaluated = { tier: string; level: string | null; band: IntimacyBand; rating: ContentRating; vals: RelationshipValues };

function evaluate(npc: NpcRelationshipInput, schema: RelationshipSchema): Evaluated {
  const vals: RelationshipValues = {};
  for (const axis of schema.axes) vals[axis.id] = valueOf(npc.values, axis);
  // Supplied ids win over computed ones (a playthrough preset may pin a level).
  const tier = typeof npc.tierId === 'string' && npc.tierId !== '' ? npc.tierId : tierOf(npc.values, schema);
  const level =
    typeof npc.intimacyLevelId === 'string' && npc.intimacyLevelId !== '' ? npc.intimacyLevelId : levelOf(npc.values, schema);
  const band = bandOf(level, schema);
  return { tier, level, band, rating: ratingForBand(band), vals };
}

/**
 * The builder's context together with its rating before the clamp (§5 step 4), which enforcement needs
 * (§6 step 3) to decide whether the clamp lowered anything.
 */
export function deriveSocialContext(input: BuildSocialContextInput): { context: GenerationSocialContext; derivedRating: ContentRating } {
  const schema = checkRelationshipSchema(input.world?.relationshipSchema);
  const { worldCap, userCap } = resolveCaps(input.world, input.user);

  const evaluated = input.npcs.map((npc) => evaluate(npc, schema));
  let selected: Evaluated | undefined;
  let band: IntimacyBand = 'none';
  let rating: ContentRating = 'sfw';
  for (const e of evaluated) {
    // Strictly greater: the first NPC with the highest band is selected.
    if (selected === undefined || bandIndex(e.band) > bandIndex(selected.band)) selected = e;
    if (ratingIndex(e.rating) > ratingIndex(rating)) rating = e.rating;
  }
  if (selected !== undefined) band = selected.band;

  if (input.user?.reduceRomanticIntensity === true) {
    band = lowerBand(band);
    rating = lowerRating(rating);
  }

  const context: GenerationSocialContext = {};
  if (selected !== undefined) context.relationshipTierId = selected.tier;
  if (selected?.level != null) context.intimacyLevelId = selected.level;
  context.intimacyBand = band;
  context.contentRating = clampContentRating(rating, worldCap, userCap);
  context.worldMaxRating = worldCap;
  context.userMaxRating = userCap;
  context.npcIds = input.npcs.map((npc) => npc.npcId);
  if (selected !== undefined) context.relationshipValues = selected.vals;
  return { context, derivedRating: rating };
}

/** social.md §5. Never sets `ratingClamped` or `originalRating`: those belong to enforcement alone. */
export function buildSocialContext(input: BuildSocialContextInput): GenerationSocialContext {
  return deriveSocialContext(input).context;
}
