import { z } from 'zod';
import { GenError } from './gen-error';
import { nullTolerantObject } from './schema-helpers';
import { OPERATION_TYPES, OperationTypeSchema, ProviderJobStatusSchema, ProviderKindSchema } from './vocabulary';
import type { OperationType, ProviderKind } from './vocabulary';

// providers.md §2 and §8.4: the one shape of a provider configuration, from providers.json to the engine.

/** RFC 6901 JSON Pointer: empty (the whole document) or a sequence of `/token`. */
const JsonPointerSchema = z.string().regex(/^(\/([^~]|~[01])*)*$/, 'must be a JSON Pointer such as "/id"');
const PathSchema = z.string().regex(/^\//, 'must start with "/"');
const HeaderNameSchema = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name');
const ModelParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const PriceSchema = z.number().min(0);

export const HttpJobMappingSchema = nullTolerantObject({
  submit: nullTolerantObject({
    method: z.enum(['POST', 'PUT']),
    path: PathSchema,
    body: z.unknown(),
    headers: z.record(HeaderNameSchema, z.string()).optional(),
  }),
  jobIdPointer: JsonPointerSchema,
  poll: z.object({ method: z.enum(['GET', 'POST']), path: PathSchema }),
  statusPointer: JsonPointerSchema,
  statusMap: z.record(z.string(), ProviderJobStatusSchema),
  progressPointer: JsonPointerSchema.optional(),
  errorPointer: JsonPointerSchema.optional(),
  result: nullTolerantObject({
    urlPointer: JsonPointerSchema.optional(),
    textPointer: JsonPointerSchema.optional(),
    base64Pointer: JsonPointerSchema.optional(),
    mediaTypePointer: JsonPointerSchema.optional(),
  }).refine((r) => r.urlPointer !== undefined || r.textPointer !== undefined || r.base64Pointer !== undefined, {
    message: 'needs one of urlPointer, textPointer, base64Pointer',
  }),
  usage: nullTolerantObject({
    costUsdPointer: JsonPointerSchema.optional(),
    tokensInPointer: JsonPointerSchema.optional(),
    tokensOutPointer: JsonPointerSchema.optional(),
  }).optional(),
  cancel: z.object({ method: z.enum(['POST', 'DELETE']), path: PathSchema }).optional(),
  test: z.object({ method: z.literal('GET'), path: PathSchema }).optional(),
  secretHeader: HeaderNameSchema.optional(),
});
export type HttpJobMapping = z.infer<typeof HttpJobMappingSchema>;

export const ProviderPricingSchema = nullTolerantObject({
  perCallUsd: PriceSchema.optional(),
  perInputTokenUsd: PriceSchema.optional(),
  perOutputTokenUsd: PriceSchema.optional(),
  perOutputSecondUsd: PriceSchema.optional(),
});
export type ProviderPricing = z.infer<typeof ProviderPricingSchema>;

export const ComfyUiSettingsSchema = nullTolerantObject({
  workflows: z.partialRecord(OperationTypeSchema, z.record(z.string(), z.unknown())),
  outputNodeId: z.string().min(1).optional(),
});
export type ComfyUiSettings = z.infer<typeof ComfyUiSettingsSchema>;

const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http: or https: URL' });

export const ProviderConfigSchema = nullTolerantObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 lowercase letters, digits or "-"'),
  kind: ProviderKindSchema,
  label: z.string().optional(),
  enabled: z.boolean().optional(),
  baseUrl: HttpUrlSchema.optional(),
  model: z.string().min(1).optional(),
  defaults: ModelParamsSchema.optional(),
  operations: z.array(OperationTypeSchema).optional(),
  timeoutMs: z.int().min(1).optional(),
  requestTimeoutMs: z.int().min(1).optional(),
  pollIntervalMs: z.int().min(1).optional(),
  concurrency: z.int().min(1).optional(),
  maxResultBytes: z.int().min(1).optional(),
  pricing: ProviderPricingSchema.optional(),
  comfyui: ComfyUiSettingsSchema.optional(),
  httpJob: HttpJobMappingSchema.optional(),
}).superRefine((config, ctx) => {
  // Cross-field requirements of §2: only the offline kind may omit its URL.
  if (config.kind !== 'local-preview' && config.baseUrl === undefined) {
    ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: `is required for kind '${config.kind}'` });
  }
  if (config.kind === 'openai-compatible' && config.model === undefined) {
    ctx.addIssue({ code: 'custom', path: ['model'], message: "is required for kind 'openai-compatible'" });
  }
  if (config.kind === 'http-job') {
    if (config.operations === undefined) {
      ctx.addIssue({ code: 'custom', path: ['operations'], message: "is required for kind 'http-job'" });
    }
    if (config.httpJob === undefined) {
      ctx.addIssue({ code: 'custom', path: ['httpJob'], message: "is required for kind 'http-job'" });
    }
  }
  if (config.kind === 'comfyui' && config.comfyui === undefined) {
    ctx.addIssue({ code: 'custom', path: ['comfyui'], message: "is required for kind 'comfyui'" });
  }
});
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>;

export type ProviderKindDefaults = {
  /** The kind's operations before `config.operations` narrows them (comfyui: those with a workflow). */
  operations: readonly OperationType[];
  timeoutMs: number;
  /** null: the kind makes no HTTP exchange. */
  requestTimeoutMs: number | null;
  /** null: the kind is synchronous and never polled. */
  pollIntervalMs: number | null;
  concurrency: number;
};

/** providers.md §2 table. */
export const PROVIDER_KIND_DEFAULTS: Readonly<Record<ProviderKind, ProviderKindDefaults>> = {
  'local-preview': { operations: OPERATION_TYPES, timeoutMs: 10_000, requestTimeoutMs: null, pollIntervalMs: null, concurrency: 4 },
  'openai-compatible': { operations: ['text_generation'], timeoutMs: 120_000, requestTimeoutMs: 120_000, pollIntervalMs: null, concurrency: 1 },
  comfyui: { operations: OPERATION_TYPES, timeoutMs: 600_000, requestTimeoutMs: 30_000, pollIntervalMs: 1_000, concurrency: 1 },
  'http-job': { operations: [], timeoutMs: 300_000, requestTimeoutMs: 30_000, pollIntervalMs: 2_000, concurrency: 2 },
};

export const DEFAULT_MAX_RESULT_BYTES = 268_435_456;

export const DEFAULT_PROVIDERS: readonly ProviderConfig[] = [{ id: 'local-preview', kind: 'local-preview' }];

export type EffectiveProviderSettings = {
  enabled: boolean;
  timeoutMs: number;
  requestTimeoutMs: number | null;
  pollIntervalMs: number | null;
  concurrency: number;
  maxResultBytes: number;
};

/** The config's values with the kind's defaults filled in (parsing inserts none; domain.md §0). */
export function effectiveProviderSettings(config: ProviderConfig): EffectiveProviderSettings {
  const defaults = PROVIDER_KIND_DEFAULTS[config.kind];
  return {
    enabled: config.enabled ?? true,
    timeoutMs: config.timeoutMs ?? defaults.timeoutMs,
    requestTimeoutMs: defaults.requestTimeoutMs === null ? null : (config.requestTimeoutMs ?? defaults.requestTimeoutMs),
    pollIntervalMs: defaults.pollIntervalMs === null ? null : (config.pollIntervalMs ?? defaults.pollIntervalMs),
    concurrency: config.concurrency ?? defaults.concurrency,
    maxResultBytes: config.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES,
  };
}

/** Parses a provider config; a failure is GEN_BAD_REQUEST naming the first issue's path (errors.md §3). */
export function parseProviderConfig(input: unknown): ProviderConfig {
  const parsed = ProviderConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const first = issues[0] ?? { path: '', message: 'is invalid' };
  throw new GenError('GEN_BAD_REQUEST', `Invalid request: '${first.path}' ${first.message}.`, { issues });
}
