import { z } from 'zod';
import {
  ConstraintSetSchema,
  ContentRatingSchema,
  DurationRuleSchema,
  FallbackModeSchema,
  GenerationStrategySchema,
  GenerationTypeSchema,
  ModelParamsSchema,
  OperationTypeSchema,
  PromptFamilySchema,
  PromptSourceSchema,
  PromptVariablesSchema,
  PromptVersionSchema,
  PurposeSchema,
  RelationshipSchemaSchema,
  SceneContentShape,
  SeedSourceSchema,
  StyleRulesSchema,
} from '../domain';

// project-format.md §6: the bundle a game runtime loads. This schema is the source of the committed JSON
// Schema (`genweave-bundle.schema.json`), and every bundle is checked against it before a file is written.

export const BUNDLE_VERSION = 1;
export const BUNDLE_FILE = 'genweave-bundle.json';
export const BUNDLE_SCHEMA_FILE = 'genweave-bundle.schema.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A path inside the bundle folder: fixed names, hex hashes and sanitized base names only. */
const BundlePath = z.string().regex(/^(assets|media)\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/);

export const BundleSceneSchema = z.object({ id: z.string(), ...SceneContentShape });

export const BundleAssetSchema = z.object({ id: z.string(), path: BundlePath, mediaType: z.string(), sha256: Sha256 });

export const BundleNodeResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('media'), generationId: z.string(), path: BundlePath, mediaType: z.string(), sha256: Sha256 }),
  z.object({ kind: z.literal('text'), generationId: z.string(), text: z.string() }),
]);

export const BundleNodeSchema = z.object({
  id: z.string(),
  label: z.string(),
  fromSceneId: z.string().nullable(),
  toSceneId: z.string().nullable(),
  generationType: GenerationTypeSchema,
  operation: OperationTypeSchema,
  purpose: PurposeSchema,
  strategy: GenerationStrategySchema,
  seedSource: SeedSourceSchema.nullable(),
  version: z.int().min(1),
  provider: z.string(),
  modelParams: ModelParamsSchema,
  prompt: z.object({
    source: PromptSourceSchema,
    /** Unresolved: placeholders are kept; null for the default prompt, which the runtime builds. */
    template: z.string().nullable(),
    versionId: z.string().nullable(),
    variables: PromptVariablesSchema,
  }),
  style: StyleRulesSchema,
  duration: DurationRuleSchema,
  constraints: ConstraintSetSchema,
  social: z.object({
    npcIds: z.array(z.int()),
    ratingOverride: ContentRatingSchema.nullable(),
    /** The override clamped by the world cap, else the world cap: nothing in the bundle is above the cap. */
    ratingCeiling: ContentRatingSchema,
  }),
  cache: z.object({
    ttlSeconds: z.int().nullable(),
    /** The cache key with `{playthroughId}`, `{playerId}` and `{contentRating}` left for the runtime; null for `always`. */
    keyFormat: z.string().nullable(),
  }),
  fallback: z.object({
    mode: FallbackModeSchema,
    defaultContent: z.object({ assetId: z.string(), path: BundlePath, sha256: Sha256 }).nullable(),
    maxRetries: z.int().min(0).max(10).nullable(),
    timeoutMs: z.int().min(100).nullable(),
  }),
  result: BundleNodeResultSchema.optional(),
});

export const ExportBundleSchema = z.object({
  $schema: z.literal(`./${BUNDLE_SCHEMA_FILE}`),
  bundleVersion: z.literal(BUNDLE_VERSION),
  generator: z.string(),
  exportedAt: z.string(),
  project: z.object({ projectId: z.string(), name: z.string(), schemaVersion: z.int().min(1) }),
  world: z.object({
    id: z.string(),
    name: z.string(),
    maxContentRating: ContentRatingSchema,
    defaultStrategy: GenerationStrategySchema,
    relationshipSchema: RelationshipSchemaSchema,
  }),
  scenes: z.array(BundleSceneSchema),
  edges: z.array(z.object({ id: z.string(), source: z.string(), target: z.string() })),
  npcs: z.array(z.object({ id: z.int(), name: z.string() })),
  nodes: z.array(BundleNodeSchema),
  prompts: z.object({ families: z.array(PromptFamilySchema), versions: z.array(PromptVersionSchema) }),
  assets: z.array(BundleAssetSchema),
  skippedNodes: z.array(z.string()),
});

export type ExportBundle = z.infer<typeof ExportBundleSchema>;
export type BundleNode = z.infer<typeof BundleNodeSchema>;
export type BundleAsset = z.infer<typeof BundleAssetSchema>;
export type BundleNodeResult = z.infer<typeof BundleNodeResultSchema>;

/** The JSON Schema (draft 2020-12) written beside every bundle and committed as a golden file. */
export function exportBundleJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ExportBundleSchema, { io: 'output', target: 'draft-2020-12' }) as Record<string, unknown>;
}
