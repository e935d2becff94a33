import { z } from 'zod';
import { InputRoleSchema, GenerationPrioritySchema } from './request';
import { IsoTimeSchema } from './schema-helpers';
import { GenerationSocialContextSchema } from './social-context';
import { RequestUserPreferencesSchema, RequestWorldSettingsSchema } from './world';
import {
  ErrorClassSchema,
  GENERATION_STATUSES,
  GenerationSourceSchema,
  GenerationStatusSchema,
  GenerationStrategySchema,
  GenerationTypeSchema,
  OperationTypeSchema,
  PromptSourceSchema,
  PurposeSchema,
} from './vocabulary';

// generation.md §3: the record. In records an absent value is null; times are ISO 8601 UTC strings.

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const GenerationInputSchema = z.object({ role: InputRoleSchema, sha256: Sha256Schema, mediaType: z.string() });
export type GenerationInput = z.infer<typeof GenerationInputSchema>;

export const ResultKindSchema = z.enum(['image', 'video', 'audio', 'text']);

export const ProviderResultSchema = z.object({
  origin: z.literal('provider'),
  kind: ResultKindSchema,
  mediaType: z.string(),
  mediaSha256: Sha256Schema.optional(),
  byteLength: z.int().min(0).optional(),
  text: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  durationSec: z.number().optional(),
  thumbnailSha256: Sha256Schema.optional(),
});

export const FallbackResultSchema = z.discriminatedUnion('kind', [
  z.object({ origin: z.literal('fallback'), kind: z.literal('asset'), fallbackMode: z.literal('default_content'), assetId: z.string() }),
  z.object({ origin: z.literal('fallback'), kind: z.literal('skip'), fallbackMode: z.literal('skip'), toSceneId: z.string().nullable() }),
  z.object({
    origin: z.literal('fallback'),
    kind: z.literal('placeholder'),
    fallbackMode: z.literal('placeholder'),
    mediaType: z.literal('image/svg+xml'),
    mediaSha256: Sha256Schema,
  }),
]);

export const GenerationResultSchema = z.union([ProviderResultSchema, FallbackResultSchema]);
export type GenerationResult = z.infer<typeof GenerationResultSchema>;
export type ProviderResult = z.infer<typeof ProviderResultSchema>;
export type FallbackResult = z.infer<typeof FallbackResultSchema>;

export const CostSourceSchema = z.enum(['reported', 'estimated', 'none']);
export type CostSource = z.infer<typeof CostSourceSchema>;

export const GenerationSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  nodeId: z.string(),
  worldId: z.string().nullable(),
  providerId: z.string(),
  operation: OperationTypeSchema,
  generationType: GenerationTypeSchema,
  purpose: PurposeSchema,
  strategy: GenerationStrategySchema,
  priority: GenerationPrioritySchema,
  preview: z.boolean(),
  request: z.record(z.string(), z.unknown()),
  canonicalParams: z.record(z.string(), z.unknown()),
  inputs: z.array(GenerationInputSchema),
  hash: Sha256Schema,
  cacheKey: z.string().nullable(),
  seed: z.int().min(0),
  finalPrompt: z.string(),
  promptSource: PromptSourceSchema,
  promptVersionId: z.string().nullable(),
  socialContext: GenerationSocialContextSchema.nullable(),
  playthroughId: z.string().nullable(),
  playerId: z.string().nullable(),
  parentGenerationId: z.string().nullable(),
  retryCount: z.int().min(0),
  estimatedCostUsd: z.number(),
  createdAt: IsoTimeSchema,
  status: GenerationStatusSchema,
  updatedAt: IsoTimeSchema,
  startedAt: IsoTimeSchema.nullable(),
  completedAt: IsoTimeSchema.nullable(),
  durationMs: z.int().nullable(),
  queueMs: z.int().nullable(),
  attemptCount: z.int().min(0),
  providerJobId: z.string().nullable(),
  progress: z.number().min(0).max(1).nullable(),
  result: GenerationResultSchema.nullable(),
  errorCode: z.string().nullable(),
  errorClass: ErrorClassSchema.nullable(),
  errorMessage: z.string().nullable(),
  costUsd: z.number().nullable(),
  tokensIn: z.number().nullable(),
  tokensOut: z.number().nullable(),
  costSource: CostSourceSchema,
});
export type Generation = z.infer<typeof GenerationSchema>;

// generation.md §10: every create() and retry() says why it returned what it returned.
export const WHY_REASONS = ['new', 'cache_disabled', 'retry', 'completed_match', 'in_flight', 'cache_hit'] as const;
export const WhyReasonSchema = z.enum(WHY_REASONS);

export const DedupScopeSchema = z.object({ projectId: z.string(), providerId: z.string(), operation: z.string() });

export const GenerationWhySchema = z.object({
  source: GenerationSourceSchema,
  reason: WhyReasonSchema,
  hash: z.string(),
  cacheKey: z.string().nullable(),
  dedupScope: DedupScopeSchema,
  matchedGenerationId: z.string().nullable(),
  cacheEntry: z.object({ writtenAt: IsoTimeSchema, expiresAt: IsoTimeSchema }).nullable(),
  skipped: z.array(z.object({ step: z.enum(['dedup', 'cache']), generationId: z.string().optional(), reason: z.string() })),
  ratingClamped: z.boolean(),
  message: z.string(),
});
export type GenerationWhy = z.infer<typeof GenerationWhySchema>;

export const CreateGenerationResultSchema = z.object({ generation: GenerationSchema, why: GenerationWhySchema });
export type CreateGenerationResult = z.infer<typeof CreateGenerationResultSchema>;

// engine.md §2.1
export const ValidationIssueSchema = z.object({ rule: z.string(), message: z.string(), path: z.string().optional() });
export const ValidationResultSchema = z.object({
  errors: z.array(ValidationIssueSchema),
  warnings: z.array(ValidationIssueSchema),
  suggestions: z.array(ValidationIssueSchema),
});

export const WireErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const BudgetStateSchema = z.object({ limitUsd: z.number(), spentUsd: z.number(), reservedUsd: z.number() });
export type BudgetState = z.infer<typeof BudgetStateSchema>;

export const GenerationDryRunSchema = z.object({
  ok: z.boolean(),
  error: WireErrorSchema.nullable(),
  validation: ValidationResultSchema,
  socialContext: GenerationSocialContextSchema.nullable(),
  finalPrompt: z.string().nullable(),
  promptSource: PromptSourceSchema.nullable(),
  promptVersionId: z.string().nullable(),
  canonicalParams: z.record(z.string(), z.unknown()).nullable(),
  inputs: z.array(GenerationInputSchema),
  hash: z.string().nullable(),
  cacheKey: z.string().nullable(),
  prediction: z
    .object({ source: GenerationSourceSchema, reason: z.string(), matchedGenerationId: z.string().nullable() })
    .nullable(),
  estimatedCostUsd: z.number(),
  budget: z.object({ node: BudgetStateSchema.optional(), project: BudgetStateSchema.optional() }),
});
export type GenerationDryRun = z.infer<typeof GenerationDryRunSchema>;

// generation.md §12: the stored timeline, oldest first.
export const GENERATION_EVENT_TYPES = [
  'generation.created',
  'generation.reused',
  'generation.ratingClamped',
  'generation.statusChanged',
  'generation.progress',
  'generation.attemptFailed',
  'generation.fallbackApplied',
  'generation.resumed',
  'cache.written',
  'cache.invalidated',
  'telemetry.updated',
] as const;
export const GenerationEventTypeSchema = z.enum(GENERATION_EVENT_TYPES);
export type GenerationEventType = z.infer<typeof GenerationEventTypeSchema>;

export const GenerationEventSchema = z.object({
  seq: z.int().min(0),
  type: z.string(),
  at: IsoTimeSchema,
  data: z.record(z.string(), z.unknown()),
});
export type GenerationEvent = z.infer<typeof GenerationEventSchema>;

// engine.md §2.1: list filter (AND), newest first, opaque cursor.
export const GenerationFilterSchema = z.object({
  projectId: z.string().optional(),
  nodeId: z.string().optional(),
  providerId: z.string().optional(),
  worldId: z.string().optional(),
  status: z.union([GenerationStatusSchema, z.array(GenerationStatusSchema).min(1)]).optional(),
  operation: OperationTypeSchema.optional(),
  limit: z.int().min(1).max(200).optional(),
  cursor: z.string().optional(),
});
export type GenerationFilter = z.infer<typeof GenerationFilterSchema>;

export const StatusCountsSchema = z.object(
  Object.fromEntries(GENERATION_STATUSES.map((s) => [s, z.int().min(0)])) as Record<
    (typeof GENERATION_STATUSES)[number],
    z.ZodInt
  >,
);
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

export const GenerationListSchema = z.object({
  items: z.array(GenerationSchema),
  nextCursor: z.string().nullable(),
  total: z.int().min(0),
  counts: StatusCountsSchema,
});
export type GenerationList = z.infer<typeof GenerationListSchema>;

// generation.md §14: a user retry is re-clamped against the caps given now.
export const RetryOptionsSchema = z.object({
  world: RequestWorldSettingsSchema.optional(),
  user: RequestUserPreferencesSchema.optional(),
  priority: GenerationPrioritySchema.optional(),
});
export type RetryOptions = z.infer<typeof RetryOptionsSchema>;
