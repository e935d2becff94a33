import { z } from 'zod';
import { PromptCatalogSchema } from './prompt-catalog';
import { PlayerContextSnapshotSchema } from './scene-ref';
import { EntityIdSchema, FiniteNumberSchema, IsoTimeSchema, nullTolerantObject } from './schema-helpers';
import { RelationshipValuesSchema } from './social-context';
import { WorldSettingsSchema } from './world';

// project-format.md §2: the project document, the only authored file. Its schema checks structure only;
// cross-references (duplicate ids, edges, assets, NPCs) are graph problems G01–G08, and node configs are
// stored exactly as authored so that one broken node never prevents opening a project.

/** The `schemaVersion` this build writes and reads up to (project-format.md §3). */
export const CURRENT_SCHEMA_VERSION = 1;

/** The prefix the studio gives each kind of generated id, followed by 8 base-36 characters. */
export const PROJECT_ID_PREFIXES = {
  scene: 'scene-',
  generationNode: 'gen-',
  edge: 'edge-',
  asset: 'asset-',
  playthroughPreset: 'preset-',
} as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// A custom check returns the input itself: no copy, so key order and unknown keys stay as authored.
function verbatimObject(what: string) {
  return z.custom<Record<string, unknown>>(isPlainObject, { message: `Expected ${what} to be an object` });
}

export const ProjectEntityIdSchema = EntityIdSchema;
export const NpcIdSchema = z.int().positive();
const playerContextShape = PlayerContextSnapshotSchema.out.shape;

export const PositionSchema = nullTolerantObject({ x: FiniteNumberSchema, y: FiniteNumberSchema });

/** A scene's authored fields; the export bundle carries them without the canvas position (project-format.md §6). */
export const SceneContentShape = {
  title: z.string(),
  summary: z.string().optional(),
  mood: z.string().optional(),
  location: z.string().optional(),
  emotionalState: z.string().optional(),
  referenceImage: z.string().optional(),
  npcIds: z.array(z.int()).optional(),
};

export const SceneSchema = nullTolerantObject({ id: ProjectEntityIdSchema, ...SceneContentShape, position: PositionSchema });

export const EdgeSchema = nullTolerantObject({
  id: ProjectEntityIdSchema,
  source: z.string(),
  target: z.string(),
});

export const AssetSchema = nullTolerantObject({
  id: ProjectEntityIdSchema,
  path: z.string().min(1),
  mediaType: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'Expected 64 lowercase hex characters' }),
});

/** A node's config as authored: any object; `validateGenerationNode` reports what is wrong inside it. */
export const AuthoredNodeConfigSchema = verbatimObject('config');

export const GenerationNodeSchema = nullTolerantObject({
  id: ProjectEntityIdSchema,
  label: z.string(),
  position: PositionSchema,
  budgetUsd: z.number().min(0).optional(),
  config: AuthoredNodeConfigSchema,
});

export const NpcPresetSchema = nullTolerantObject({
  id: z.string().min(1),
  name: z.string(),
  values: RelationshipValuesSchema,
});

export const NpcSchema = nullTolerantObject({
  id: NpcIdSchema,
  name: z.string(),
  baseImage: z.string().optional(),
  presets: z.array(NpcPresetSchema),
});

export const PlaythroughPresetSchema = nullTolerantObject({
  id: ProjectEntityIdSchema,
  name: z.string(),
  playthroughId: z.string().min(1),
  playerId: z.string().min(1),
  npcValues: z.record(z.string(), RelationshipValuesSchema),
  choices: playerContextShape.choices,
  flags: playerContextShape.flags,
  stats: playerContextShape.stats,
});

export const ProjectWorldSchema = nullTolerantObject({
  id: ProjectEntityIdSchema,
  name: z.string(),
  settings: WorldSettingsSchema,
});

export const ProjectBudgetsSchema = nullTolerantObject({
  projectUsd: z.number().min(0).optional(),
});

export const ProjectViewSchema = nullTolerantObject({
  viewport: nullTolerantObject({ x: FiniteNumberSchema, y: FiniteNumberSchema, zoom: FiniteNumberSchema }),
});

// Key order here is the key order of the saved file (project-format.md §3, canonical encoding).
export const ProjectDocumentSchema = nullTolerantObject({
  schemaVersion: z.int().min(1),
  projectId: z.uuid(),
  name: z.string(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
  world: ProjectWorldSchema,
  scenes: z.array(SceneSchema),
  generationNodes: z.array(GenerationNodeSchema),
  edges: z.array(EdgeSchema),
  npcs: z.array(NpcSchema),
  playthroughPresets: z.array(PlaythroughPresetSchema),
  prompts: PromptCatalogSchema,
  assets: z.array(AssetSchema),
  budgets: ProjectBudgetsSchema,
  view: ProjectViewSchema.optional(),
  extensions: verbatimObject('extensions').optional(),
});

export type Position = z.infer<typeof PositionSchema>;
export type Scene = z.infer<typeof SceneSchema>;
export type Edge = z.infer<typeof EdgeSchema>;
export type Asset = z.infer<typeof AssetSchema>;
export type AuthoredNodeConfig = z.infer<typeof AuthoredNodeConfigSchema>;
export type GenerationNode = z.infer<typeof GenerationNodeSchema>;
export type NpcPreset = z.infer<typeof NpcPresetSchema>;
export type Npc = z.infer<typeof NpcSchema>;
export type PlaythroughPreset = z.infer<typeof PlaythroughPresetSchema>;
export type ProjectWorld = z.infer<typeof ProjectWorldSchema>;
export type ProjectDocument = z.infer<typeof ProjectDocumentSchema>;
/** What `ProjectDocumentSchema` accepts (nulls for absent optional fields allowed). */
export type ProjectDocumentInput = z.input<typeof ProjectDocumentSchema>;

/**
 * A new, empty document (project.new with template 'empty'). Pure: the caller supplies the clock value
 * and the UUID. World settings stay empty, which means the defaults of domain.md §6.
 */
export function createEmptyProject(options: { name: string; now: string; projectId: string }): ProjectDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    projectId: options.projectId,
    name: options.name,
    createdAt: options.now,
    updatedAt: options.now,
    world: { id: 'world-main', name: options.name, settings: {} },
    scenes: [],
    generationNodes: [],
    edges: [],
    npcs: [],
    playthroughPresets: [],
    prompts: { families: [], versions: [] },
    assets: [],
    budgets: {},
    view: { viewport: { x: 0, y: 0, zoom: 1 } },
  };
}

export type NodeSceneLinks = { fromScene?: Scene; toScene?: Scene };

/**
 * project-format.md §2.2: a node's `fromScene` is the scene with an edge into it, its `toScene` the scene it
 * has an edge to. The first such edge in document order wins (more than one is graph problem G03).
 */
export function nodeSceneLinks(document: Pick<ProjectDocument, 'scenes' | 'edges'>, nodeId: string): NodeSceneLinks {
  return nodeSceneLinkIndex(document).get(nodeId) ?? {};
}

/** The links of every node at once, in one pass over the edges (for exports and checks of large graphs). */
export function nodeSceneLinkIndex(document: Pick<ProjectDocument, 'scenes' | 'edges'>): Map<string, NodeSceneLinks> {
  const scenes = new Map(document.scenes.map((scene) => [scene.id, scene]));
  const index = new Map<string, NodeSceneLinks>();
  const linksOf = (id: string) => {
    let links = index.get(id);
    if (links === undefined) index.set(id, (links = {}));
    return links;
  };
  for (const edge of document.edges) {
    const from = scenes.get(edge.source);
    const to = scenes.get(edge.target);
    if (from !== undefined && to === undefined) {
      const links = linksOf(edge.target);
      links.fromScene ??= from;
    }
    if (to !== undefined && from === undefined) {
      const links = linksOf(edge.source);
      links.toScene ??= to;
    }
  }
  return index;
}
