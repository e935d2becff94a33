import { z } from 'zod';
import { PromptCatalogSchema } from './prompt-catalog';
import { FiniteNumberSchema, nullTolerantObject, PromptVariablesSchema } from './schema-helpers';
import { SceneRefSchema } from './scene-ref';
import { RelationshipValuesSchema } from './social-context';
import { RequestUserPreferencesSchema, RequestWorldSettingsSchema } from './world';

// generation.md §2. The engine never reads project files: the caller assembles this from the document
// (project-format.md §2.6). `config` is checked by the validator, not rejected by zod, so problems come back as
// rule issues; caps are plain strings here so that an unknown rating answers GEN_INVALID_RATING.

export const NpcRelationshipInputSchema = nullTolerantObject({
  npcId: z.number().int(),
  values: RelationshipValuesSchema,
  tierId: z.string().optional(),
  intimacyLevelId: z.string().optional(),
});
export type NpcRelationshipInput = z.infer<typeof NpcRelationshipInputSchema>;

export const INPUT_ROLES = ['from_image', 'to_image', 'seed_image'] as const;
export const InputRoleSchema = z.enum(INPUT_ROLES);
export type InputRole = z.infer<typeof InputRoleSchema>;

export const RequestInputSchema = z.object({ role: InputRoleSchema, assetPath: z.string().min(1) });
export type RequestInput = z.infer<typeof RequestInputSchema>;

export const BudgetLimitsSchema = nullTolerantObject({
  nodeUsd: FiniteNumberSchema.min(0).optional(),
  projectUsd: FiniteNumberSchema.min(0).optional(),
});
export type BudgetLimits = z.infer<typeof BudgetLimitsSchema>;

export const GenerationPrioritySchema = z.int().min(0).max(10);
export const DEFAULT_GENERATION_PRIORITY = 5;
export const PREVIEW_GENERATION_PRIORITY = 2;

export const CreateGenerationRequestSchema = nullTolerantObject({
  projectId: z.string().min(1),
  nodeId: z.string().min(1),
  config: z.unknown(),
  worldId: z.string().optional(),
  projectPath: z.string().optional(),
  fromScene: SceneRefSchema.optional(),
  toScene: SceneRefSchema.optional(),
  npcs: z.array(NpcRelationshipInputSchema).optional(),
  playthroughId: z.string().optional(),
  playerId: z.string().optional(),
  world: RequestWorldSettingsSchema.optional(),
  user: RequestUserPreferencesSchema.optional(),
  catalog: PromptCatalogSchema.optional(),
  variables: PromptVariablesSchema.optional(),
  inputs: z.array(RequestInputSchema).optional(),
  budget: BudgetLimitsSchema.optional(),
  priority: GenerationPrioritySchema.optional(),
  preview: z.boolean().optional(),
});
export type CreateGenerationRequest = z.infer<typeof CreateGenerationRequestSchema>;
