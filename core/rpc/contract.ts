// rpc.md §3 and §6: the one contract every transport carries. A method is declared here once, with the zod
// schemas of its input and output; types are inferred from them, and the JSON Schema golden of this object
// (tests/reliability/rpc/golden/contract.schema.json) turns every change into a reviewed diff (RPC-6).
import { z } from 'zod';
import {
  CreateGenerationResultSchema,
  GenerationDryRunSchema,
  GenerationEventSchema,
  GenerationFilterSchema,
  GenerationListSchema,
  GenerationSchema,
} from '../domain/generation';
import { CreateGenerationRequestSchema, GenerationPrioritySchema } from '../domain/request';
import {
  CacheClearInputSchema,
  CacheExplainInputSchema,
  CacheExplanationSchema,
  CacheInvalidateInputSchema,
  CacheRemovedSchema,
  CacheStatsInputSchema,
  CacheStatsSchema,
  NodeMetricsInputSchema,
  NodeMetricsSchema,
  OperationMetricsSchema,
  PromptUsageInputSchema,
  PromptUsageRowSchema,
  ProviderErrorsInputSchema,
  ProviderErrorsReadSchema,
  ProviderHealthSchema,
  TelemetryReadInputSchema,
} from '../domain/telemetry-shapes';
import { PromptSourceSchema } from '../domain/vocabulary';
import { RequestWorldSettingsSchema } from '../domain/world';
import * as ev from './event-payloads';
import type { EventName, MethodName } from './method-names';
import {
  ProviderConfigureInputSchema,
  ProviderIdInputSchema,
  ProviderListItemSchema,
  ProviderSetSecretInputSchema,
  ProviderTestResultSchema,
  SecretStatusSchema,
} from './provider-shapes';
import { StudioSettingsPatchSchema, StudioSettingsSchema } from './settings';
import * as s from './studio-shapes';

export type MethodSpec = {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  /** Handler deadline (rpc.md §2); 60 s unless stated. */
  readonly deadlineSec?: number;
};

const GenerationIdInputSchema = z.strictObject({ id: z.string().min(1).max(128) });

const ResolvedPromptSchema = z.object({
  text: z.string(),
  versionId: z.string().nullable(),
  source: PromptSourceSchema,
  boundVariables: z.record(z.string(), z.string()),
});

const dialog = { input: s.DialogInputSchema, output: s.DialogResultSchema };

export const methods = {
  'app.info': { input: s.EmptyInputSchema, output: s.AppInfoSchema },

  'project.new': { input: s.ProjectNewInputSchema, output: s.ProjectNewResultSchema },
  'project.open': { input: s.ProjectOpenInputSchema, output: s.ProjectOpenResultSchema },
  'project.save': { input: s.ProjectSaveInputSchema, output: s.ProjectSaveResultSchema },
  'project.saveAs': { input: s.ProjectSaveAsInputSchema, output: s.ProjectSaveResultSchema },
  'project.recent': { input: s.EmptyInputSchema, output: s.ProjectRecentResultSchema },
  'project.autosave': { input: s.ProjectAutosaveInputSchema, output: s.ProjectAutosaveResultSchema },
  'project.listRecoverable': { input: s.EmptyInputSchema, output: s.ProjectListRecoverableResultSchema },
  'project.restore': { input: s.ProjectIdInputSchema, output: s.ProjectRestoreResultSchema },
  'project.discardRecovery': { input: s.ProjectIdInputSchema, output: s.EmptyResultSchema },
  'project.importAsset': { input: s.ProjectImportAssetInputSchema, output: s.ProjectImportAssetResultSchema },
  'project.import': { input: s.ProjectImportInputSchema, output: s.ProjectImportResultSchema },
  'project.close': { input: s.EmptyInputSchema, output: s.EmptyResultSchema },

  'dialog.openProject': dialog,
  'dialog.saveProject': dialog,
  'dialog.chooseFolder': dialog,
  'dialog.chooseFile': dialog,

  'generations.create': { input: CreateGenerationRequestSchema, output: CreateGenerationResultSchema },
  'generations.get': { input: GenerationIdInputSchema, output: GenerationSchema },
  'generations.list': { input: GenerationFilterSchema, output: GenerationListSchema },
  'generations.cancel': { input: GenerationIdInputSchema, output: GenerationSchema },
  'generations.retry': {
    input: z.strictObject({
      id: z.string().min(1).max(128),
      world: RequestWorldSettingsSchema.optional(),
      priority: GenerationPrioritySchema.optional(),
    }),
    output: CreateGenerationResultSchema,
  },
  'generations.validate': { input: CreateGenerationRequestSchema, output: GenerationDryRunSchema },
  'generations.events': { input: GenerationIdInputSchema, output: z.array(GenerationEventSchema) },

  'prompts.resolve': { input: CreateGenerationRequestSchema, output: ResolvedPromptSchema },
  'prompts.usage': { input: PromptUsageInputSchema, output: z.array(PromptUsageRowSchema) },

  'telemetry.providers': { input: TelemetryReadInputSchema, output: z.array(ProviderHealthSchema) },
  'telemetry.operations': { input: TelemetryReadInputSchema, output: z.array(OperationMetricsSchema) },
  'telemetry.nodes': { input: NodeMetricsInputSchema, output: z.array(NodeMetricsSchema) },
  'telemetry.cache': { input: CacheStatsInputSchema, output: CacheStatsSchema },
  'telemetry.errors': { input: ProviderErrorsInputSchema, output: ProviderErrorsReadSchema },

  'cache.stats': { input: CacheStatsInputSchema, output: CacheStatsSchema },
  'cache.explain': { input: CacheExplainInputSchema, output: CacheExplanationSchema },
  'cache.invalidate': { input: CacheInvalidateInputSchema, output: CacheRemovedSchema },
  'cache.clear': { input: CacheClearInputSchema, output: CacheRemovedSchema },

  'providers.list': { input: s.EmptyInputSchema, output: z.array(ProviderListItemSchema) },
  'providers.configure': { input: ProviderConfigureInputSchema, output: z.array(ProviderListItemSchema) },
  'providers.test': { input: ProviderIdInputSchema, output: ProviderTestResultSchema },
  'providers.setSecret': { input: ProviderSetSecretInputSchema, output: SecretStatusSchema },
  'providers.clearSecret': { input: ProviderIdInputSchema, output: SecretStatusSchema },

  'export.check': { input: s.ExportCheckInputSchema, output: s.ExportCheckResultSchema },
  'export.run': { input: s.ExportRunInputSchema, output: s.ExportRunResultSchema, deadlineSec: 600 },

  'settings.get': { input: s.EmptyInputSchema, output: StudioSettingsSchema },
  'settings.update': { input: z.strictObject({ patch: StudioSettingsPatchSchema }), output: StudioSettingsSchema },
} as const satisfies Record<MethodName, MethodSpec> & Record<`${string}.${string}`, MethodSpec>;

export const events = {
  'generations.onDidCreate': ev.GenerationCreatedPayloadSchema,
  'generations.onDidReuse': ev.GenerationReusedPayloadSchema,
  'generations.onDidChangeStatus': ev.GenerationStatusPayloadSchema,
  'generations.onDidProgress': ev.GenerationProgressPayloadSchema,
  'generations.onDidClampRating': ev.RatingClampedPayloadSchema,
  'generations.onDidFailAttempt': ev.AttemptFailedPayloadSchema,
  'generations.onDidApplyFallback': ev.FallbackAppliedPayloadSchema,
  'generations.onDidResume': ev.GenerationResumedPayloadSchema,
  'cache.onDidWrite': ev.CacheScopePayloadSchema,
  'cache.onDidInvalidate': ev.CacheScopePayloadSchema,
  'telemetry.onDidUpdate': ev.TelemetryUpdatedPayloadSchema,
  'providers.onDidChange': ev.ProvidersChangedPayloadSchema,
  'settings.onDidChange': ev.SettingsChangedPayloadSchema,
  'app.onDidRequestOpen': ev.OpenRequestedPayloadSchema,
} as const satisfies Record<EventName, z.ZodType> & Record<`${string}.onDid${string}`, z.ZodType>;

export type Methods = typeof methods;
export type Events = typeof events;
export type MethodInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const DEFAULT_DEADLINE_SEC = 60;

export function deadlineSecOf(method: MethodName): number {
  const spec: MethodSpec = methods[method];
  return spec.deadlineSec ?? DEFAULT_DEADLINE_SEC;
}

export function isMethodName(value: string): value is MethodName {
  return Object.hasOwn(methods, value);
}

export function isEventName(value: string): value is EventName {
  return Object.hasOwn(events, value);
}
