import type { ContentRating, GenerationSocialContext, IntimacyBand, NpcRelationshipInput } from '../domain';
import { deriveSocialContext, resolveCaps, type UserCapsInput, type WorldCapsInput } from './build-social-context';
import { assertContentRating, clampContentRating, ratingForBand, ratingIndex } from './ratings';
import { bandOf, checkRelationshipSchema } from './relationship';

// social.md §6 steps 1 and 3–7: what generations.create stores as a generation's social context. Step 2 (the
// validator) runs between checkSocialRatings and enforceSocialContext in the engine; the studio's preview
// calls the same two functions so it predicts exactly what creation will store.

export type EnforceSocialContextInput = {
  /** The node's authored `config.socialContext`. */
  socialContext?: GenerationSocialContext | null;
  /** The request's NPC relationships. */
  npcs?: readonly NpcRelationshipInput[] | null;
  world?: WorldCapsInput | null;
  user?: UserCapsInput | null;
};

export type SocialEnforcement = {
  /** The context to store, or null when there is no social context (no enforcement, no `|r:` in the key). */
  context: GenerationSocialContext | null;
  worldMaxRating: ContentRating;
  userMaxRating: ContentRating;
  /** The rating asked for before the clamp; null without a social context. */
  requestedRating: ContentRating | null;
  /** The rating after both caps; null without a social context. */
  contentRating: ContentRating | null;
  ratingClamped: boolean;
  /** The caps that bound the clamp: each one equal to the final rating and lower than the requested one. */
  bindingCaps: Array<'world' | 'user'>;
};

/**
 * Step 1: the authored rating and both caps must each be one of the 4 ratings. Runs on the raw request, before
 * validation; returns the effective caps.
 */
export function checkSocialRatings(input: {
  socialContext?: { contentRating?: unknown } | null;
  world?: WorldCapsInput | null;
  user?: UserCapsInput | null;
}): { worldCap: ContentRating; userCap: ContentRating } {
  const authored = input.socialContext?.contentRating;
  if (authored !== undefined && authored !== null) assertContentRating(authored, 'socialContext.contentRating');
  return resolveCaps(input.world, input.user);
}

/** Fields of `overlay` that are present (not undefined or null) replace those of `base`, field by field. */
function overlayPresent(base: GenerationSocialContext, overlay: GenerationSocialContext): GenerationSocialContext {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) if (value !== undefined && value !== null) merged[key] = value;
  return merged as GenerationSocialContext;
}

export function enforceSocialContext(input: EnforceSocialContextInput): SocialEnforcement {
  const { worldCap, userCap } = checkSocialRatings(input);
  const schema = checkRelationshipSchema(input.world?.relationshipSchema);
  const authored = input.socialContext ?? undefined;
  const npcs = input.npcs ?? [];
  const none: SocialEnforcement = {
    context: null,
    worldMaxRating: worldCap,
    userMaxRating: userCap,
    requestedRating: null,
    contentRating: null,
    ratingClamped: false,
    bindingCaps: [],
  };

  // Step 3: the effective context. An empty NPC list carries no relationship, so it counts as no NPCs.
  let ctx: GenerationSocialContext;
  if (npcs.length > 0) {
    const derived = deriveSocialContext({ npcs, world: input.world, user: input.user });
    // The derived rating before the clamp, so that the clamp below decides whether it was lowered.
    ctx = { ...derived.context, contentRating: derived.derivedRating };
    if (authored !== undefined) ctx = overlayPresent(ctx, authored);
  } else if (authored !== undefined) {
    ctx = authored;
  } else {
    return none;
  }

  const band: IntimacyBand = ctx.intimacyBand ?? bandOf(ctx.intimacyLevelId, schema); // step 4
  const requested: ContentRating = ctx.contentRating ?? ratingForBand(band); // step 5
  const final = clampContentRating(requested, worldCap, userCap); // step 6

  // Step 7: incoming clamp flags are never trusted; they are set again only when this clamp lowered the rating.
  const { ratingClamped: _droppedFlag, originalRating: _droppedOriginal, ...rest } = ctx;
  const context: GenerationSocialContext = {
    ...rest,
    intimacyBand: band,
    contentRating: final,
    worldMaxRating: worldCap,
    userMaxRating: userCap,
  };
  const clamped = final !== requested;
  if (clamped) {
    context.ratingClamped = true;
    context.originalRating = requested;
  }
  const bindingCaps: Array<'world' | 'user'> = [];
  if (clamped) {
    if (worldCap === final && ratingIndex(worldCap) < ratingIndex(requested)) bindingCaps.push('world');
    if (userCap === final && ratingIndex(userCap) < ratingIndex(requested)) bindingCaps.push('user');
  }
  return { ...none, context, requestedRating: requested, contentRating: final, ratingClamped: clamped, bindingCaps };
}
