import {
  type CreateGenerationRequest,
  DEFAULT_RELATIONSHIP_SCHEMA,
  GENERATION_TYPES,
  GenError,
  type GenerationType,
  nodeSceneLinks,
  type NpcRelationshipInput,
  operationForGenerationType,
  type PlaythroughPreset,
  type ProjectDocument,
  type RelationshipValues,
  type RequestInput,
  type Scene,
  type SceneRef,
} from '../domain';

// project-format.md §2.6: the studio host and the CLI build a generation request from the document the
// same way. No file is read here; `inputs` name asset paths that the engine resolves against `projectPath`.

export type BuildRequestOptions = {
  presetId?: string;
  playthroughId?: string;
  playerId?: string;
  /** The editor's relationship sliders, by NPC id; used when no preset is chosen. */
  sliderValues?: Readonly<Record<string, RelationshipValues>>;
  /** The editor's unapplied config; the node's applied config otherwise. */
  draftConfig?: unknown;
  projectPath?: string;
};

const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export function buildCreateRequest(document: ProjectDocument, nodeId: string, options: BuildRequestOptions = {}): CreateGenerationRequest {
  const node = document.generationNodes.find((candidate) => candidate.id === nodeId);
  if (node === undefined) throw new GenError('GEN_NOT_FOUND', `Node '${nodeId}' was not found.`, { entity: 'node', id: nodeId });
  const preset = options.presetId === undefined ? undefined : findPreset(document, options.presetId);
  const config = options.draftConfig === undefined ? node.config : options.draftConfig;
  const { fromScene, toScene } = nodeSceneLinks(document, nodeId);
  const npcIds = listedNpcIds(config);
  const npcs = npcIds.map((npcId) => npcInput(document, npcId, preset, options.sliderValues));

  const request: CreateGenerationRequest = { projectId: document.projectId, nodeId, config, worldId: document.world.id };
  if (options.projectPath !== undefined) request.projectPath = options.projectPath;
  if (fromScene !== undefined) request.fromScene = sceneRef(fromScene);
  if (toScene !== undefined) request.toScene = sceneRef(toScene);
  if (npcs.length > 0) request.npcs = npcs;
  const playthroughId = preset?.playthroughId ?? options.playthroughId;
  const playerId = preset?.playerId ?? options.playerId;
  if (playthroughId !== undefined) request.playthroughId = playthroughId;
  if (playerId !== undefined) request.playerId = playerId;
  request.world = document.world.settings;
  request.catalog = document.prompts;
  const budget = { nodeUsd: node.budgetUsd, projectUsd: document.budgets.projectUsd };
  request.budget = Object.fromEntries(Object.entries(budget).filter(([, value]) => value !== undefined));
  const inputs = requestInputs(document, config, fromScene, toScene, npcIds);
  if (inputs.length > 0) request.inputs = inputs;
  const variables = hostVariables(document, npcIds, preset);
  if (Object.keys(variables).length > 0) request.variables = variables;
  return request;
}

function findPreset(document: ProjectDocument, presetId: string): PlaythroughPreset {
  const preset = document.playthroughPresets.find((candidate) => candidate.id === presetId);
  if (preset === undefined) {
    throw new GenError('GEN_NOT_FOUND', `Playthrough preset '${presetId}' was not found.`, { entity: 'playthrough preset', id: presetId });
  }
  return preset;
}

function sceneRef(scene: Scene): SceneRef {
  const ref: SceneRef = { id: scene.id };
  if (scene.mood !== undefined) ref.mood = scene.mood;
  if (scene.summary !== undefined) ref.summary = scene.summary;
  if (scene.location !== undefined) ref.location = scene.location;
  if (scene.emotionalState !== undefined) ref.emotionalState = scene.emotionalState;
  return ref;
}

/** `config.socialContext.npcIds`, read defensively: the config is as authored and may be malformed. */
function listedNpcIds(config: unknown): number[] {
  const social = readObject(config, 'socialContext');
  const ids = social === undefined ? undefined : social.npcIds;
  return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : [];
}

function npcInput(
  document: ProjectDocument,
  npcId: number,
  preset: PlaythroughPreset | undefined,
  sliders: BuildRequestOptions['sliderValues'],
): NpcRelationshipInput {
  const key = String(npcId);
  const fromPreset = preset !== undefined && Object.hasOwn(preset.npcValues, key) ? preset.npcValues[key] : undefined;
  const fromSliders = sliders !== undefined && Object.hasOwn(sliders, key) ? sliders[key] : undefined;
  return { npcId, values: { ...(fromPreset ?? fromSliders ?? zeroValues(document)) } };
}

function zeroValues(document: ProjectDocument): RelationshipValues {
  const schema = document.world.settings.relationshipSchema ?? DEFAULT_RELATIONSHIP_SCHEMA;
  return Object.fromEntries(schema.axes.map((axis) => [axis.id, 0]));
}

function requestInputs(
  document: ProjectDocument,
  config: unknown,
  fromScene: Scene | undefined,
  toScene: Scene | undefined,
  npcIds: readonly number[],
): RequestInput[] {
  const type = readObject(config)?.generationType;
  if (!(GENERATION_TYPES as readonly unknown[]).includes(type)) return [];
  const operation = operationForGenerationType(type as GenerationType);
  const assetPath = (assetId: string | undefined) =>
    assetId === undefined ? undefined : document.assets.find((asset) => asset.id === assetId)?.path;
  const inputs: RequestInput[] = [];
  if (operation === 'video_transition') {
    const from = assetPath(fromScene?.referenceImage);
    const to = assetPath(toScene?.referenceImage);
    if (from !== undefined) inputs.push({ role: 'from_image', assetPath: from });
    if (to !== undefined) inputs.push({ role: 'to_image', assetPath: to });
  }
  if (operation === 'image_to_video') {
    for (const npcId of npcIds) {
      const seed = assetPath(document.npcs.find((npc) => npc.id === npcId)?.baseImage);
      if (seed !== undefined) inputs.push({ role: 'seed_image', assetPath: seed });
    }
  }
  return inputs;
}

/** prompts.md §5, host-supplied names: bound only when they have a value. */
function hostVariables(
  document: ProjectDocument,
  npcIds: readonly number[],
  preset: PlaythroughPreset | undefined,
): Record<string, string | number | boolean> {
  const variables: Record<string, string | number | boolean> = {};
  const names = npcIds.map((id) => document.npcs.find((npc) => npc.id === id)?.name).filter(isNonBlank).map((name) => name.trim());
  const first = npcIds[0];
  if (first !== undefined) {
    variables['npc.id'] = first;
    const name = document.npcs.find((npc) => npc.id === first)?.name;
    if (isNonBlank(name)) variables['npc.name'] = name.trim();
  }
  if (names.length > 0) variables['npcs.names'] = names.join(', ');
  const bind = (prefix: string, values: Readonly<Record<string, string | number | boolean>> | undefined) => {
    for (const [key, value] of Object.entries(values ?? {})) {
      if (PLACEHOLDER_NAME.test(`${prefix}${key}`)) variables[`${prefix}${key}`] = value;
    }
  };
  bind('player.choice.', preset?.choices);
  bind('player.flag.', preset?.flags);
  bind('player.stat.', preset?.stats);
  return variables;
}

function readObject(value: unknown, key?: string): Record<string, unknown> | undefined {
  const target = key === undefined ? value : typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  return typeof target === 'object' && target !== null && !Array.isArray(target) ? (target as Record<string, unknown>) : undefined;
}

function isNonBlank(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
