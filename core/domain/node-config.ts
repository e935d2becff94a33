import { z } from 'zod';
import { GenerationSocialContextSchema } from './social-context';
import { FiniteNumberSchema, integer, nullTolerantObject, PromptVariablesSchema } from './schema-helpers';
import {
  ConstraintRatingSchema,
  FallbackModeSchema,
  GenerationStrategySchema,
  GenerationTypeSchema,
  PacingSchema,
  PurposeSchema,
  SeedSourceSchema,
  TransitionTypeSchema,
} from './vocabulary';
import type { WorldSettings } from './world';

// domain.md §2. The well-formed contract: types, enumerations, integer ranges and non-negative durations.
// Nothing that spans two fields (that is the validator's job, validation.md), and parsing inserts no defaults.

export const StyleRulesSchema = nullTolerantObject({
  moodFrom: z.string().optional(),
  moodTo: z.string().optional(),
  pacing: PacingSchema.optional(),
  transitionType: TransitionTypeSchema.optional(),
});
export type StyleRules = z.infer<typeof StyleRulesSchema>;

const NonNegativeSeconds = FiniteNumberSchema.min(0);
export const DurationRuleSchema = nullTolerantObject({
  min: NonNegativeSeconds.optional(),
  max: NonNegativeSeconds.optional(),
  target: NonNegativeSeconds.optional(),
});
export type DurationRule = z.infer<typeof DurationRuleSchema>;

export const ConstraintSetSchema = nullTolerantObject({
  rating: ConstraintRatingSchema.optional(),
  requiredElements: z.array(z.string()).optional(),
  avoidElements: z.array(z.string()).optional(),
  contentRules: z.array(z.string()).optional(),
});
export type ConstraintSet = z.infer<typeof ConstraintSetSchema>;

export const FallbackConfigSchema = nullTolerantObject({
  mode: FallbackModeSchema,
  defaultContentId: z.string().optional(),
  maxRetries: integer().min(0).max(10).optional(),
  timeoutMs: integer().min(100).optional(),
});
export type FallbackConfig = z.infer<typeof FallbackConfigSchema>;

export const PromptConfigSchema = nullTolerantObject({
  inline: z.string().optional(),
  versionId: z.string().optional(),
  familyId: z.string().optional(),
  autoSelectLatest: z.boolean().optional(),
  variables: PromptVariablesSchema.optional(),
});
export type PromptConfig = z.infer<typeof PromptConfigSchema>;

/** Inside modelParams, null is a value: it removes a provider default (domain.md §0). */
export const ModelParamsSchema = z.record(z.string(), z.union([z.string(), FiniteNumberSchema, z.boolean(), z.null()]));
export type ModelParams = z.infer<typeof ModelParamsSchema>;

export const GenerationNodeConfigSchema = nullTolerantObject({
  generationType: GenerationTypeSchema,
  purpose: PurposeSchema,
  strategy: GenerationStrategySchema,
  fallback: FallbackConfigSchema,
  enabled: z.boolean().optional(),
  version: integer().min(1).optional(),
  style: StyleRulesSchema.optional(),
  duration: DurationRuleSchema.optional(),
  constraints: ConstraintSetSchema.optional(),
  seedSource: SeedSourceSchema.optional(),
  templateId: z.string().optional(),
  provider: z.string().optional(),
  modelParams: ModelParamsSchema.optional(),
  prompt: PromptConfigSchema.optional(),
  socialContext: GenerationSocialContextSchema.optional(),
});
export type GenerationNodeConfig = z.infer<typeof GenerationNodeConfigSchema>;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** domain.md §3: the frozen default. provider, modelParams, prompt, socialContext, seedSource, templateId are absent. */
export const DEFAULT_GENERATION_NODE_CONFIG: Readonly<GenerationNodeConfig> = deepFreeze({
  generationType: 'transition',
  purpose: 'gap_fill',
  style: { pacing: 'medium', transitionType: 'gradual' },
  duration: {},
  constraints: {},
  strategy: 'once',
  fallback: { mode: 'placeholder', timeoutMs: 30000 },
  enabled: true,
  version: 1,
} satisfies GenerationNodeConfig);

/** A fresh deep copy of the default, with the world's default strategy (the studio uses it for every new node). */
export function createDefaultNodeConfig(world?: WorldSettings): GenerationNodeConfig {
  const config = structuredClone(DEFAULT_GENERATION_NODE_CONFIG) as GenerationNodeConfig;
  config.strategy = world?.defaultStrategy ?? 'once';
  return config;
}
