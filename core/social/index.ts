export {
  assertContentRating,
  clampContentRating,
  invalidRatingError,
  lowerBand,
  lowerRating,
  ratingForBand,
} from './ratings';
export {
  checkRelationshipSchema,
  computeIntimacyLevel,
  computeRelationshipTier,
  intimacyBandForLevel,
  valueOf,
} from './relationship';
export {
  buildSocialContext,
  resolveCaps,
  type BuildSocialContextInput,
  type UserCapsInput,
  type WorldCapsInput,
} from './build-social-context';
export {
  checkSocialRatings,
  enforceSocialContext,
  type EnforceSocialContextInput,
  type SocialEnforcement,
} from './enforce-social-context';
