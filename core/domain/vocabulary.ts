import { z } from 'zod';

// domain.md §1: every enumeration is an `as const` array plus its z.enum. Order is meaningful:
// ratings and bands run from least to most permissive/intense, and messages list values in this order.

export const CONTENT_RATINGS = ['sfw', 'romantic', 'mature_implied', 'restricted'] as const;
export const INTIMACY_BANDS = ['none', 'light', 'deep', 'intense'] as const;
export const GENERATION_STRATEGIES = ['once', 'per_playthrough', 'per_player', 'always'] as const;
export const GENERATION_TYPES = ['transition', 'variation', 'dialogue', 'environment', 'npc_response'] as const;
export const PURPOSES = ['gap_fill', 'variation', 'adaptive', 'ambient'] as const;
export const SEED_SOURCES = ['playthrough', 'player', 'timestamp', 'fixed'] as const;
export const GENERATION_STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'] as const;
export const TERMINAL_GENERATION_STATUSES = ['completed', 'failed', 'cancelled'] as const;
export const PACINGS = ['slow', 'medium', 'fast'] as const;
export const TRANSITION_TYPES = ['gradual', 'abrupt'] as const;
export const CONSTRAINT_RATINGS = ['G', 'PG', 'PG-13', 'R'] as const;
export const FALLBACK_MODES = ['default_content', 'skip', 'retry', 'placeholder'] as const;
export const OPERATION_TYPES = [
  'text_to_image',
  'image_to_image',
  'text_to_video',
  'image_to_video',
  'video_extend',
  'video_transition',
  'fusion',
  'text_generation',
] as const;
export const PROVIDER_JOB_STATUSES = ['pending', 'processing', 'completed', 'failed', 'filtered', 'cancelled'] as const;
export const CONDITION_TYPES = ['min', 'max', 'range'] as const;
export const PROMPT_TYPES = ['visual', 'narrative', 'hybrid'] as const;
export const PROMPT_SOURCES = ['inline', 'versioned', 'default'] as const;
export const GENERATION_SOURCES = ['created', 'dedup', 'cache'] as const;
export const VALIDATION_STATUSES = ['ok', 'warning', 'error'] as const;
export const PROVIDER_KINDS = ['local-preview', 'openai-compatible', 'comfyui', 'http-job'] as const;
export const ERROR_CLASSES = [
  'timeout',
  'rate_limited',
  'server_error',
  'connection',
  'auth',
  'bad_request',
  'filtered',
  'bad_response',
  'provider_failed',
] as const;
export const TELEMETRY_WINDOWS = ['1h', '24h', '7d', 'all'] as const;

export const ContentRatingSchema = z.enum(CONTENT_RATINGS);
export const IntimacyBandSchema = z.enum(INTIMACY_BANDS);
export const GenerationStrategySchema = z.enum(GENERATION_STRATEGIES);
export const GenerationTypeSchema = z.enum(GENERATION_TYPES);
export const PurposeSchema = z.enum(PURPOSES);
export const SeedSourceSchema = z.enum(SEED_SOURCES);
export const GenerationStatusSchema = z.enum(GENERATION_STATUSES);
export const PacingSchema = z.enum(PACINGS);
export const TransitionTypeSchema = z.enum(TRANSITION_TYPES);
export const ConstraintRatingSchema = z.enum(CONSTRAINT_RATINGS);
export const FallbackModeSchema = z.enum(FALLBACK_MODES);
export const OperationTypeSchema = z.enum(OPERATION_TYPES);
export const ProviderJobStatusSchema = z.enum(PROVIDER_JOB_STATUSES);
export const ConditionTypeSchema = z.enum(CONDITION_TYPES);
export const PromptTypeSchema = z.enum(PROMPT_TYPES);
export const PromptSourceSchema = z.enum(PROMPT_SOURCES);
export const GenerationSourceSchema = z.enum(GENERATION_SOURCES);
export const ValidationStatusSchema = z.enum(VALIDATION_STATUSES);
export const ProviderKindSchema = z.enum(PROVIDER_KINDS);
export const ErrorClassSchema = z.enum(ERROR_CLASSES);
export const TelemetryWindowSchema = z.enum(TELEMETRY_WINDOWS);

export type ContentRating = z.infer<typeof ContentRatingSchema>;
export type IntimacyBand = z.infer<typeof IntimacyBandSchema>;
export type GenerationStrategy = z.infer<typeof GenerationStrategySchema>;
export type GenerationType = z.infer<typeof GenerationTypeSchema>;
export type Purpose = z.infer<typeof PurposeSchema>;
export type SeedSource = z.infer<typeof SeedSourceSchema>;
export type GenerationStatus = z.infer<typeof GenerationStatusSchema>;
export type Pacing = z.infer<typeof PacingSchema>;
export type TransitionType = z.infer<typeof TransitionTypeSchema>;
export type ConstraintRating = z.infer<typeof ConstraintRatingSchema>;
export type FallbackMode = z.infer<typeof FallbackModeSchema>;
export type OperationType = z.infer<typeof OperationTypeSchema>;
export type ProviderJobStatus = z.infer<typeof ProviderJobStatusSchema>;
export type ConditionType = z.infer<typeof ConditionTypeSchema>;
export type PromptType = z.infer<typeof PromptTypeSchema>;
export type PromptSource = z.infer<typeof PromptSourceSchema>;
export type GenerationSource = z.infer<typeof GenerationSourceSchema>;
export type ValidationStatus = z.infer<typeof ValidationStatusSchema>;
export type ProviderKind = z.infer<typeof ProviderKindSchema>;
export type ErrorClass = z.infer<typeof ErrorClassSchema>;
export type TelemetryWindow = z.infer<typeof TelemetryWindowSchema>;

export function isContentRating(value: unknown): value is ContentRating {
  return typeof value === 'string' && (CONTENT_RATINGS as readonly string[]).includes(value);
}

export function isTerminalStatus(status: GenerationStatus): boolean {
  return (TERMINAL_GENERATION_STATUSES as readonly string[]).includes(status);
}
