// rpc.md §6: the payload of every event the host sends to its clients.
import { z } from 'zod';
import { GenerationSchema, GenerationWhySchema } from '../domain/generation';
import { ContentRatingSchema, ErrorClassSchema, FallbackModeSchema, GenerationStatusSchema, OperationTypeSchema } from '../domain/vocabulary';
import { ProviderListItemSchema } from './provider-shapes';
import { StudioSettingsSchema } from './settings';
import { ProjectOpenInputSchema } from './studio-shapes';

export const GenerationCreatedPayloadSchema = z.object({ generation: GenerationSchema });
export const GenerationReusedPayloadSchema = z.object({ generationId: z.string(), why: GenerationWhySchema });
export const GenerationStatusPayloadSchema = z.object({
  generation: GenerationSchema,
  from: GenerationStatusSchema,
  to: GenerationStatusSchema,
});
export const GenerationProgressPayloadSchema = z.object({
  generationId: z.string(),
  progress: z.number().min(0).max(1),
  message: z.string().optional(),
});
export const RatingClampedPayloadSchema = z.object({
  generationId: z.string(),
  originalRating: ContentRatingSchema,
  contentRating: ContentRatingSchema,
  worldMaxRating: ContentRatingSchema,
  userMaxRating: ContentRatingSchema,
});
export const AttemptFailedPayloadSchema = z.object({
  generationId: z.string(),
  attempt: z.int().min(1),
  errorClass: ErrorClassSchema,
  message: z.string(),
  willRetry: z.boolean(),
  retryInMs: z.number().min(0).optional(),
});
export const FallbackAppliedPayloadSchema = z.object({ generationId: z.string(), fallbackMode: FallbackModeSchema });
export const GenerationResumedPayloadSchema = z.object({ generationId: z.string() });

/** engine.md §2.4: the scope an entry was written or invalidated under, and how many entries it touched. */
export const CacheScopePayloadSchema = z.object({
  projectId: z.string().nullable().optional(),
  nodeId: z.string().nullable().optional(),
  key: z.string().nullable().optional(),
  count: z.int().min(0),
});
export const TelemetryUpdatedPayloadSchema = z.object({
  providerId: z.string(),
  operation: OperationTypeSchema,
  projectId: z.string(),
  nodeId: z.string(),
});
export const ProvidersChangedPayloadSchema = z.object({ providers: z.array(ProviderListItemSchema) });
export const SettingsChangedPayloadSchema = z.object({ settings: StudioSettingsSchema });

/** rpc.md §6–§7: the desktop host asks the studio to open a project; the same path `project.open` accepts. */
export const OpenRequestedPayloadSchema = z.object({ path: ProjectOpenInputSchema.shape.path });
