import type {
  ContentRating,
  FallbackMode,
  GenerationStrategy,
  GenerationType,
  Purpose,
  SeedSource,
} from '../../core/domain/vocabulary';

// Display names for enumeration values. The values themselves stay the contract (data-* attributes, the
// document); these are only what a person reads.

export const GENERATION_TYPE_LABELS: Record<GenerationType, string> = {
  transition: 'Transition',
  variation: 'Variation',
  dialogue: 'Dialogue',
  environment: 'Environment',
  npc_response: 'NPC response',
};

export const GENERATION_TYPE_ICONS: Record<GenerationType, string> = {
  transition: '⇄',
  variation: '✦',
  dialogue: '❝',
  environment: '☁',
  npc_response: '☺',
};

export const PURPOSE_LABELS: Record<Purpose, string> = {
  gap_fill: 'Gap fill',
  variation: 'Variation',
  adaptive: 'Adaptive',
  ambient: 'Ambient',
};

export const STRATEGY_LABELS: Record<GenerationStrategy, string> = {
  once: 'Once',
  per_playthrough: 'Per playthrough',
  per_player: 'Per player',
  always: 'Always',
};

/** What each strategy means for caching (domain.md §1), shown as the node's seed and cache scope. */
export const STRATEGY_SCOPES: Record<GenerationStrategy, string> = {
  once: 'One result shared by everyone until the version changes',
  per_playthrough: 'One result per playthrough',
  per_player: 'One result per player',
  always: 'Never cached: every request generates',
};

export const SEED_SOURCE_LABELS: Record<SeedSource, string> = {
  playthrough: 'Playthrough',
  player: 'Player',
  timestamp: 'Timestamp',
  fixed: 'Fixed',
};

export const FALLBACK_MODE_LABELS: Record<FallbackMode, string> = {
  default_content: 'Default content',
  skip: 'Skip',
  retry: 'Retry',
  placeholder: 'Placeholder',
};

export const CONTENT_RATING_LABELS: Record<ContentRating, string> = {
  sfw: 'SFW',
  romantic: 'Romantic',
  mature_implied: 'Mature (implied)',
  restricted: 'Restricted',
};
