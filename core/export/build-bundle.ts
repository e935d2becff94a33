import {
  type Asset,
  CACHE_TTL_SECONDS,
  DEFAULT_RELATIONSHIP_SCHEMA,
  DEFAULT_WORLD_MAX_RATING,
  type GenerationNodeConfig,
  GenerationNodeConfigSchema,
  nodeSceneLinkIndex,
  type NodeSceneLinks,
  operationForGenerationType,
  type ProjectDocument,
  type PromptFamily,
  type PromptVersion,
} from '../domain';
import { choosePromptTemplate } from '../prompts';
import { clampContentRating } from '../social';
import { sanitizeFileName, uniqueFileName } from '../project/safe-names';
import { BUNDLE_SCHEMA_FILE, BUNDLE_VERSION, type BundleNode, type BundleNodeResult, type ExportBundle } from './bundle-schema';

// project-format.md §6: the bundle of a document whose exported nodes passed the validator. Pure: the asset
// files to copy come back as a plan, and media results are supplied by the caller.

export type AssetCopy = { assetId: string; sourcePath: string; bundlePath: string };

export type BuildBundleInput = {
  document: ProjectDocument;
  exportedNodeIds: readonly string[];
  skippedNodes: readonly string[];
  generator: string;
  exportedAt: string;
  /** Results to embed (includeMedia), by node id. */
  results?: ReadonlyMap<string, BundleNodeResult>;
};

export type BuiltBundle = { bundle: ExportBundle; assetCopies: AssetCopy[] };

export function buildBundle(input: BuildBundleInput): BuiltBundle {
  const { document } = input;
  const worldCap = document.world.settings.maxContentRating ?? DEFAULT_WORLD_MAX_RATING;
  const exported = new Set(input.exportedNodeIds);
  const nodes = document.generationNodes.filter((node) => exported.has(node.id));
  const links = nodeSceneLinkIndex(document);

  // Which assets the exported nodes use, in document order, under unique sanitized names.
  const usedAssetIds = new Set<string>();
  const configs = new Map<string, GenerationNodeConfig>();
  for (const node of nodes) {
    const config = GenerationNodeConfigSchema.parse(node.config);
    configs.set(node.id, config);
    for (const id of assetsUsedBy(document, links.get(node.id) ?? {}, config)) usedAssetIds.add(id);
  }
  const assetCopies: AssetCopy[] = [];
  const bundlePathOf = new Map<string, Asset & { bundlePath: string }>();
  const taken = new Set<string>();
  for (const asset of document.assets) {
    if (!usedAssetIds.has(asset.id)) continue;
    const name = uniqueFileName(sanitizeFileName(asset.path), taken);
    taken.add(name);
    const bundlePath = `assets/${name}`;
    bundlePathOf.set(asset.id, { ...asset, bundlePath });
    assetCopies.push({ assetId: asset.id, sourcePath: asset.path, bundlePath });
  }

  const families = new Map<string, PromptFamily>();
  const versions = new Map<string, PromptVersion>();
  const bundleNodes: BundleNode[] = nodes.map((node) => {
    const config = configs.get(node.id)!;
    const { fromScene, toScene } = links.get(node.id) ?? {};
    const operation = operationForGenerationType(config.generationType);
    const chosen = choosePromptTemplate(config.prompt ?? {}, document.prompts);
    if (chosen.version !== null) {
      versions.set(chosen.version.id, chosen.version);
      const family = document.prompts.families.find((f) => f.id === chosen.version!.familyId);
      if (family !== undefined) families.set(family.id, family);
    }
    const override = config.socialContext?.contentRating ?? null;
    const version = config.version ?? 1;
    const defaultContent = config.fallback.defaultContentId === undefined ? undefined : bundlePathOf.get(config.fallback.defaultContentId);
    const bundleNode: BundleNode = {
      id: node.id,
      label: node.label,
      fromSceneId: fromScene?.id ?? null,
      toSceneId: toScene?.id ?? null,
      generationType: config.generationType,
      operation,
      purpose: config.purpose,
      strategy: config.strategy,
      seedSource: config.seedSource ?? null,
      version,
      provider: config.provider ?? 'local-preview',
      modelParams: config.modelParams ?? {},
      prompt: {
        source: chosen.source,
        template: chosen.source === 'default' ? null : chosen.template,
        versionId: chosen.version?.id ?? null,
        variables: config.prompt?.variables ?? {},
      },
      style: config.style ?? {},
      duration: config.duration ?? {},
      constraints: config.constraints ?? {},
      social: {
        npcIds: config.socialContext?.npcIds ?? [],
        ratingOverride: override,
        ratingCeiling: override === null ? worldCap : clampContentRating(override, worldCap),
      },
      cache: {
        ttlSeconds: config.strategy === 'always' ? null : CACHE_TTL_SECONDS[config.strategy],
        keyFormat: cacheKeyFormat(operation, config, fromScene?.id, toScene?.id, version),
      },
      fallback: {
        mode: config.fallback.mode,
        defaultContent: defaultContent === undefined ? null : { assetId: defaultContent.id, path: defaultContent.bundlePath, sha256: defaultContent.sha256 },
        maxRetries: config.fallback.maxRetries ?? null,
        timeoutMs: config.fallback.timeoutMs ?? null,
      },
    };
    const result = input.results?.get(node.id);
    if (result !== undefined) bundleNode.result = result;
    return bundleNode;
  });

  const bundle: ExportBundle = {
    $schema: `./${BUNDLE_SCHEMA_FILE}`,
    bundleVersion: BUNDLE_VERSION,
    generator: input.generator,
    exportedAt: input.exportedAt,
    project: { projectId: document.projectId, name: document.name, schemaVersion: document.schemaVersion },
    world: {
      id: document.world.id,
      name: document.world.name,
      maxContentRating: worldCap,
      defaultStrategy: document.world.settings.defaultStrategy ?? 'once',
      relationshipSchema: document.world.settings.relationshipSchema ?? DEFAULT_RELATIONSHIP_SCHEMA,
    },
    scenes: document.scenes.map(({ position: _position, ...scene }) => scene),
    edges: document.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
    npcs: document.npcs.map((npc) => ({ id: npc.id, name: npc.name })),
    nodes: bundleNodes,
    prompts: {
      families: document.prompts.families.filter((f) => families.has(f.id)),
      versions: document.prompts.versions.filter((v) => versions.has(v.id)),
    },
    assets: [...bundlePathOf.values()].map((asset) => ({ id: asset.id, path: asset.bundlePath, mediaType: asset.mediaType, sha256: asset.sha256 })),
    skippedNodes: [...input.skippedNodes],
  };
  return { bundle, assetCopies };
}

/** The default content, and the media inputs the node's operation takes (generation.md §5). */
function assetsUsedBy(document: ProjectDocument, links: NodeSceneLinks, config: GenerationNodeConfig): string[] {
  const ids: string[] = [];
  if (config.fallback.defaultContentId !== undefined) ids.push(config.fallback.defaultContentId);
  const operation = operationForGenerationType(config.generationType);
  if (operation === 'video_transition') {
    for (const scene of [links.fromScene, links.toScene]) if (scene?.referenceImage !== undefined) ids.push(scene.referenceImage);
  }
  if (operation === 'image_to_video') {
    for (const npcId of config.socialContext?.npcIds ?? []) {
      const image = document.npcs.find((npc) => npc.id === npcId)?.baseImage;
      if (image !== undefined) ids.push(image);
    }
  }
  return ids;
}

/**
 * The cache key of core-api.md with the runtime's values left as `{playthroughId}`, `{playerId}` and
 * `{contentRating}`. The rating part is there when the node has a social context, as at creation.
 */
export function cacheKeyFormat(operation: string, config: GenerationNodeConfig, fromSceneId: string | undefined, toSceneId: string | undefined, version: number): string | null {
  if (config.strategy === 'always') return null;
  let key = `generation:${operation}|${config.purpose}|${fromSceneId ?? 'none'}|${toSceneId ?? 'none'}|${config.strategy}`;
  if (config.strategy === 'per_playthrough') key += '|pt:{playthroughId}';
  if (config.strategy === 'per_player') key += '|player:{playerId}';
  if (config.socialContext !== undefined) key += '|r:{contentRating}';
  return `${key}|v${version}`;
}

/** Whether a stored cache key is an instance of a key format (each `{name}` matches one `|`-free value). */
export function cacheKeyMatchesFormat(key: string, format: string): boolean {
  const pattern = format
    .split(/(\{[A-Za-z]+\})/)
    .map((part) => (/^\{[A-Za-z]+\}$/.test(part) ? '[^|]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`).test(key);
}
