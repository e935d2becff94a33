import type { ProjectDocument, Scene } from '../../core/domain/project-document';
import type { CreateGenerationRequest, RequestInput } from '../../core/domain/request';
import { linkedScenes } from './document-ops';

// project-format.md §2.6: the studio builds CreateGenerationRequest from the document exactly as the CLI does.

export type PreviewContext = {
  presetId?: string;
  playthroughId: string;
  playerId: string;
  /** Slider values per NPC id, used when no preset is chosen. */
  npcValues?: Record<string, Record<string, number>>;
};

export const DEFAULT_PREVIEW_CONTEXT: PreviewContext = { playthroughId: 'preview-playthrough', playerId: 'preview-player' };

function sceneRef(scene: Scene) {
  const ref: NonNullable<CreateGenerationRequest['fromScene']> = { id: scene.id };
  if (scene.mood !== undefined) ref.mood = scene.mood;
  if (scene.summary !== undefined) ref.summary = scene.summary;
  if (scene.location !== undefined) ref.location = scene.location;
  if (scene.emotionalState !== undefined) ref.emotionalState = scene.emotionalState;
  return ref;
}

function npcIdsOf(config: Record<string, unknown>): number[] {
  const social = config['socialContext'];
  const ids = social && typeof social === 'object' ? (social as Record<string, unknown>)['npcIds'] : undefined;
  return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : [];
}

export function buildCreateRequest(
  doc: ProjectDocument,
  nodeId: string,
  config: Record<string, unknown>,
  projectPath: string | null,
  context: PreviewContext = DEFAULT_PREVIEW_CONTEXT,
): CreateGenerationRequest {
  const node = doc.generationNodes.find((n) => n.id === nodeId);
  const preset = context.presetId ? doc.playthroughPresets.find((p) => p.id === context.presetId) : undefined;
  const { fromScene, toScene } = linkedScenes(doc, nodeId);
  const npcIds = npcIdsOf(config);
  const assetPath = (assetId: string | undefined) => doc.assets.find((a) => a.id === assetId)?.path;

  const variables: Record<string, string | number | boolean> = {};
  const named = npcIds.map((id) => doc.npcs.find((n) => n.id === id)).filter((n) => n !== undefined);
  if (named[0]) {
    variables['npc.id'] = named[0].id;
    variables['npc.name'] = named[0].name;
  }
  if (named.length > 0) variables['npcs.names'] = named.map((n) => n.name).join(', ');
  for (const [k, v] of Object.entries(preset?.choices ?? {})) variables[`player.choice.${k}`] = v;
  for (const [k, v] of Object.entries(preset?.flags ?? {})) variables[`player.flag.${k}`] = v;
  for (const [k, v] of Object.entries(preset?.stats ?? {})) variables[`player.stat.${k}`] = v;

  const inputs: RequestInput[] = [];
  const type = config['generationType'];
  if (type === 'transition') {
    const from = assetPath(fromScene?.referenceImage);
    const to = assetPath(toScene?.referenceImage);
    if (from) inputs.push({ role: 'from_image', assetPath: from });
    if (to) inputs.push({ role: 'to_image', assetPath: to });
  } else if (type === 'npc_response') {
    for (const npc of named) {
      const image = assetPath(npc.baseImage);
      if (image) inputs.push({ role: 'seed_image', assetPath: image });
    }
  }

  const request: CreateGenerationRequest = {
    projectId: doc.projectId,
    nodeId,
    config,
    worldId: doc.world.id,
    npcs: npcIds.map((npcId) => ({
      npcId,
      values: preset?.npcValues[String(npcId)] ?? context.npcValues?.[String(npcId)] ?? {},
    })),
    playthroughId: preset?.playthroughId ?? context.playthroughId,
    playerId: preset?.playerId ?? context.playerId,
    world: doc.world.settings,
    catalog: doc.prompts,
    variables,
    inputs,
    budget: {
      ...(node?.budgetUsd !== undefined ? { nodeUsd: node.budgetUsd } : {}),
      ...(doc.budgets.projectUsd !== undefined ? { projectUsd: doc.budgets.projectUsd } : {}),
    },
  };
  if (projectPath) request.projectPath = projectPath;
  if (fromScene) request.fromScene = sceneRef(fromScene);
  if (toScene) request.toScene = sceneRef(toScene);
  return request;
}
