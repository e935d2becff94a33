import { z } from 'zod';
import {
  ErrorClassSchema,
  GenerationSourceSchema,
  GenerationStatusSchema,
  OperationTypeSchema,
  TelemetryWindowSchema,
} from './vocabulary';

// telemetry.md §3 and engine.md §2.2/§2.4: the read shapes of telemetry, cache and prompt usage.
// Times are ISO 8601 UTC strings; durations integer milliseconds; absent values are null.

const IsoTimeSchema = z.string();

export const LatencyStatsSchema = z.object({
  count: z.int().min(0),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
});
export type LatencyStats = z.infer<typeof LatencyStatsSchema>;

export const ErrorClassSummarySchema = z.object({
  errorClass: ErrorClassSchema,
  count: z.int().min(0),
  lastMessage: z.string(),
  lastAt: IsoTimeSchema,
  lastHttpStatus: z.int().nullable(),
});
export type ErrorClassSummary = z.infer<typeof ErrorClassSummarySchema>;

export const ProviderTestRecordSchema = z.object({
  at: IsoTimeSchema,
  ok: z.boolean(),
  latencyMs: z.number().min(0),
  message: z.string(),
});
export type ProviderTestRecord = z.infer<typeof ProviderTestRecordSchema>;

export const PROVIDER_HEALTH_STATUSES = ['idle', 'healthy', 'degraded', 'failing'] as const;
export const ProviderHealthStatusSchema = z.enum(PROVIDER_HEALTH_STATUSES);
export type ProviderHealthStatus = z.infer<typeof ProviderHealthStatusSchema>;

/** The counters, rates, latency, cost and errors shared by provider and operation rows (§3.1–§3.2). */
const OutcomeFigures = {
  window: TelemetryWindowSchema,
  total: z.int().min(0),
  completed: z.int().min(0),
  failed: z.int().min(0),
  cancelled: z.int().min(0),
  successRate: z.number().min(0).max(1).nullable(),
  latencyMs: LatencyStatsSchema,
  queueMs: LatencyStatsSchema,
  tokensIn: z.number().min(0),
  tokensOut: z.number().min(0),
  costUsd: z.number().min(0),
  avgCostUsd: z.number().min(0).nullable(),
  fallbacks: z.int().min(0),
  errors: z.array(ErrorClassSummarySchema),
};

export const ProviderHealthSchema = z.object({
  providerId: z.string(),
  ...OutcomeFigures,
  inFlight: z.object({ pending: z.int().min(0), processing: z.int().min(0) }),
  status: ProviderHealthStatusSchema,
  lastTest: ProviderTestRecordSchema.nullable(),
});
export type ProviderHealth = z.infer<typeof ProviderHealthSchema>;

export const OperationMetricsSchema = z.object({
  operation: OperationTypeSchema,
  ...OutcomeFigures,
});
export type OperationMetrics = z.infer<typeof OperationMetricsSchema>;

export const NodeMetricsSchema = z.object({
  projectId: z.string(),
  nodeId: z.string(),
  window: TelemetryWindowSchema,
  total: z.int().min(0),
  completed: z.int().min(0),
  failed: z.int().min(0),
  cancelled: z.int().min(0),
  successRate: z.number().min(0).max(1).nullable(),
  latencyMs: LatencyStatsSchema,
  costUsd: z.number().min(0),
  cache: z.object({
    hits: z.int().min(0),
    misses: z.int().min(0),
    stale: z.int().min(0),
    hitRate: z.number().min(0).max(1).nullable(),
  }),
  dedupHits: z.int().min(0),
  last: z
    .object({
      generationId: z.string(),
      status: GenerationStatusSchema,
      at: IsoTimeSchema,
      source: GenerationSourceSchema,
    })
    .nullable(),
});
export type NodeMetrics = z.infer<typeof NodeMetricsSchema>;

export const CacheStatsSchema = z.object({
  window: TelemetryWindowSchema,
  hits: z.int().min(0),
  misses: z.int().min(0),
  stale: z.int().min(0),
  hitRate: z.number().min(0).max(1).nullable(),
  dedupHits: z.int().min(0),
  inFlightJoins: z.int().min(0),
  entries: z.int().min(0),
  entriesByStrategy: z.object({
    once: z.int().min(0),
    per_playthrough: z.int().min(0),
    per_player: z.int().min(0),
  }),
  oldestWrittenAt: IsoTimeSchema.nullable(),
  newestWrittenAt: IsoTimeSchema.nullable(),
});
export type CacheStats = z.infer<typeof CacheStatsSchema>;

/** generation.md §8: why a cache entry could not be served, in check order. */
export const CACHE_NOT_SERVABLE_REASONS = [
  'expired',
  'generation_missing',
  'not_completed',
  'media_missing',
  'rating_above_cap',
] as const;
export const CacheNotServableReasonSchema = z.enum(CACHE_NOT_SERVABLE_REASONS);
export type CacheNotServableReason = z.infer<typeof CacheNotServableReasonSchema>;

export const CacheExplanationSchema = z.object({
  key: z.string(),
  parsed: z.object({
    operation: z.string(),
    purpose: z.string(),
    fromSceneId: z.string().nullable(),
    toSceneId: z.string().nullable(),
    strategy: z.string(),
    playthroughId: z.string().optional(),
    playerId: z.string().optional(),
    contentRating: z.string().optional(),
    version: z.int(),
  }),
  ttlSeconds: z.int().nullable(),
  entries: z.array(
    z.object({
      projectId: z.string(),
      nodeId: z.string(),
      generationId: z.string(),
      hash: z.string(),
      contentRating: z.string().nullable(),
      writtenAt: IsoTimeSchema,
      expiresAt: IsoTimeSchema,
      servable: z.boolean(),
      notServableReason: CacheNotServableReasonSchema.nullable(),
    }),
  ),
});
export type CacheExplanation = z.infer<typeof CacheExplanationSchema>;

/** One `provider_errors` row as read by `telemetry.errors` (§2, §3.5). */
export const ProviderErrorRowSchema = z.object({
  at: IsoTimeSchema,
  providerId: z.string(),
  operation: OperationTypeSchema,
  generationId: z.string(),
  attempt: z.int().min(1),
  errorClass: ErrorClassSchema,
  httpStatus: z.int().nullable(),
  message: z.string(),
});
export type ProviderErrorRow = z.infer<typeof ProviderErrorRowSchema>;

export const ProviderErrorsReadSchema = z.object({
  window: TelemetryWindowSchema,
  items: z.array(ProviderErrorRowSchema),
  summary: z.array(ErrorClassSummarySchema),
});
export type ProviderErrorsRead = z.infer<typeof ProviderErrorsReadSchema>;

/** prompts.md §7: one usage row per prompt version, counted from generation records. */
export const PromptUsageRowSchema = z.object({
  versionId: z.string(),
  generations: z.int().min(0),
  completed: z.int().min(0),
  failed: z.int().min(0),
  lastUsedAt: IsoTimeSchema.nullable(),
});
export type PromptUsageRow = z.infer<typeof PromptUsageRowSchema>;

// Read inputs (telemetry.md §3, engine.md §2.2/§2.4), shared by the engine and the RPC contract.
export const TelemetryReadInputSchema = z.object({
  window: TelemetryWindowSchema,
  projectId: z.string().min(1).optional(),
});
export type TelemetryReadInput = z.infer<typeof TelemetryReadInputSchema>;

export const NodeMetricsInputSchema = z.object({
  window: TelemetryWindowSchema,
  projectId: z.string().min(1),
});
export type NodeMetricsInput = z.infer<typeof NodeMetricsInputSchema>;

export const CacheStatsInputSchema = z.object({
  window: TelemetryWindowSchema.optional(),
  projectId: z.string().min(1).optional(),
  nodeId: z.string().min(1).optional(),
});
export type CacheStatsInput = z.infer<typeof CacheStatsInputSchema>;

export const ProviderErrorsInputSchema = z.object({
  window: TelemetryWindowSchema,
  providerId: z.string().min(1).optional(),
});
export type ProviderErrorsInput = z.infer<typeof ProviderErrorsInputSchema>;

export const CacheExplainInputSchema = z.object({
  key: z.string().min(1),
  projectId: z.string().min(1).optional(),
  nodeId: z.string().min(1).optional(),
});
export type CacheExplainInput = z.infer<typeof CacheExplainInputSchema>;

export const CacheInvalidateInputSchema = z.union([
  z.object({ projectId: z.string().min(1), nodeId: z.string().min(1), key: z.undefined().optional() }),
  z.object({ key: z.string().min(1), projectId: z.string().min(1).optional(), nodeId: z.string().min(1).optional() }),
]);
export type CacheInvalidateInput = z.infer<typeof CacheInvalidateInputSchema>;

export const CacheClearInputSchema = z.object({ projectId: z.string().min(1).optional() });
export type CacheClearInput = z.infer<typeof CacheClearInputSchema>;

export const CacheRemovedSchema = z.object({ removed: z.int().min(0) });
export type CacheRemoved = z.infer<typeof CacheRemovedSchema>;

export const PromptUsageInputSchema = z.object({
  projectId: z.string().min(1),
  familyId: z.string().min(1).optional(),
  versionId: z.string().min(1).optional(),
});
export type PromptUsageInput = z.infer<typeof PromptUsageInputSchema>;
