import type { Asset, ProjectDocument } from '../domain';

// project-format.md §2.5: a pure check over the whole document, run beside the node validator. Cycles are
// allowed (stories loop), so no rule walks the graph: every rule is a linear pass over id tables, which
// terminates on any graph shape and size.

export type GraphProblemRule = 'G01' | 'G02' | 'G03' | 'G04' | 'G05' | 'G06' | 'G07' | 'G08';
export type GraphProblemSeverity = 'error' | 'warning';

/** `nodeId` is the id of the document entry concerned; `path` its location in the document. */
export type GraphProblem = {
  rule: GraphProblemRule;
  severity: GraphProblemSeverity;
  message: string;
  nodeId: string;
  path: string;
};

/** What the host found on disk for an asset (G06). Absent entries are not checked. */
export type AssetFileStatus = 'ok' | 'missing' | 'changed';

export type GraphProblemOptions = { assetStatus?: Readonly<Record<string, AssetFileStatus>> };

type GraphDocument = Pick<
  ProjectDocument,
  'scenes' | 'generationNodes' | 'edges' | 'npcs' | 'playthroughPresets' | 'assets'
>;

export function checkGraphProblems(document: GraphDocument, options: GraphProblemOptions = {}): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const push = (rule: GraphProblemRule, severity: GraphProblemSeverity, nodeId: string, path: string, message: string) =>
    problems.push({ rule, severity, message, nodeId, path });

  checkDuplicateIds(document, push);

  const sceneIds = new Set(document.scenes.map((scene) => scene.id));
  const nodeIds = new Set(document.generationNodes.map((node) => node.id));
  document.edges.forEach((edge, i) => {
    for (const end of ['source', 'target'] as const) {
      if (!sceneIds.has(edge[end]) && !nodeIds.has(edge[end])) {
        push('G02', 'error', edge.id, `edges[${i}].${end}`, `Edge '${edge.id}' points to missing node '${edge[end]}'`);
      }
    }
  });

  const degrees = sceneDegrees(document, sceneIds);
  document.generationNodes.forEach((node, i) => {
    const d = degrees.get(node.id);
    if (d !== undefined && (d.incoming > 1 || d.outgoing > 1 || d.touchesNode)) {
      push('G03', 'error', node.id, `generationNodes[${i}]`, `Generation node '${node.id}' must have at most one incoming and one outgoing scene`);
    }
  });

  const assetIds = new Set(document.assets.map((asset) => asset.id));
  const checkAsset = (owner: string, path: string, assetId: unknown) => {
    if (typeof assetId === 'string' && !assetIds.has(assetId)) push('G04', 'error', owner, path, `Unknown asset '${assetId}'`);
  };
  document.generationNodes.forEach((node, i) => {
    checkAsset(node.id, `generationNodes[${i}].config.fallback.defaultContentId`, field(node.config, 'fallback', 'defaultContentId'));
  });
  document.scenes.forEach((scene, i) => checkAsset(scene.id, `scenes[${i}].referenceImage`, scene.referenceImage));
  document.npcs.forEach((npc, i) => checkAsset(String(npc.id), `npcs[${i}].baseImage`, npc.baseImage));

  document.assets.forEach((asset, i) => {
    if (!isAssetPathInside(asset.path)) {
      push('G05', 'error', asset.id, `assets[${i}].path`, `Asset path '${asset.path}' must stay inside the project's assets folder`);
    }
  });

  if (options.assetStatus !== undefined) checkAssetFiles(document.assets, options.assetStatus, push);

  checkNpcReferences(document, push);

  document.generationNodes.forEach((node, i) => {
    const d = degrees.get(node.id);
    if (field(node.config, 'generationType') === 'transition' && !(d !== undefined && d.incoming > 0 && d.outgoing > 0)) {
      push('G08', 'warning', node.id, `generationNodes[${i}]`, `Transition node '${node.id}' should connect a source and a target scene`);
    }
  });

  return problems;
}

/**
 * G05: a relative path with `/` separators, under `assets/`, without `.`/`..` segments. Backslashes, drive
 * letters and NUL are refused too, since the file may be opened on another platform.
 */
export function isAssetPathInside(path: string): boolean {
  if (path.includes('\\') || path.includes('\0') || path.startsWith('/') || /^[A-Za-z]:/.test(path)) return false;
  const segments = path.split('/');
  if (segments[0] !== 'assets' || segments.length < 2) return false;
  return segments.slice(1).every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

type Push = (rule: GraphProblemRule, severity: GraphProblemSeverity, nodeId: string, path: string, message: string) => void;

function checkDuplicateIds(document: GraphDocument, push: Push): void {
  // Scenes, nodes, edges, assets and presets share one id space (project-format.md §2.1).
  const seen = new Set<string>();
  const visit = (id: string, path: string) => {
    if (seen.has(id)) push('G01', 'error', id, path, `Duplicate id '${id}'`);
    seen.add(id);
  };
  document.scenes.forEach((entry, i) => visit(entry.id, `scenes[${i}].id`));
  document.generationNodes.forEach((entry, i) => visit(entry.id, `generationNodes[${i}].id`));
  document.edges.forEach((entry, i) => visit(entry.id, `edges[${i}].id`));
  document.assets.forEach((entry, i) => visit(entry.id, `assets[${i}].id`));
  document.playthroughPresets.forEach((entry, i) => visit(entry.id, `playthroughPresets[${i}].id`));

  // NPC ids are their own space, and relationship preset ids are unique within their NPC.
  const npcIds = new Set<number>();
  document.npcs.forEach((npc, i) => {
    if (npcIds.has(npc.id)) push('G01', 'error', String(npc.id), `npcs[${i}].id`, `Duplicate id '${npc.id}'`);
    npcIds.add(npc.id);
    const presetIds = new Set<string>();
    npc.presets.forEach((preset, j) => {
      if (presetIds.has(preset.id)) push('G01', 'error', String(npc.id), `npcs[${i}].presets[${j}].id`, `Duplicate id '${preset.id}'`);
      presetIds.add(preset.id);
    });
  });
}

type Degree = { incoming: number; outgoing: number; touchesNode: boolean };

function sceneDegrees(document: GraphDocument, sceneIds: Set<string>): Map<string, Degree> {
  const degrees = new Map<string, Degree>(document.generationNodes.map((node) => [node.id, { incoming: 0, outgoing: 0, touchesNode: false }]));
  for (const edge of document.edges) {
    const from = degrees.get(edge.source);
    const to = degrees.get(edge.target);
    if (from !== undefined && to !== undefined) {
      from.touchesNode = true;
      to.touchesNode = true;
    }
    if (from !== undefined && sceneIds.has(edge.target)) from.outgoing += 1;
    if (to !== undefined && sceneIds.has(edge.source)) to.incoming += 1;
  }
  return degrees;
}

function checkAssetFiles(assets: readonly Asset[], status: Readonly<Record<string, AssetFileStatus>>, push: Push): void {
  assets.forEach((asset, i) => {
    const found = Object.hasOwn(status, asset.id) ? status[asset.id] : undefined;
    if (found === 'missing') push('G06', 'warning', asset.id, `assets[${i}].path`, `Asset file '${asset.path}' is missing`);
    if (found === 'changed') push('G06', 'warning', asset.id, `assets[${i}].sha256`, `Asset file '${asset.path}' has changed`);
  });
}

function checkNpcReferences(document: GraphDocument, push: Push): void {
  const npcIds = new Set(document.npcs.map((npc) => npc.id));
  const check = (owner: string, path: string, id: unknown) => {
    if (typeof id === 'number' && !npcIds.has(id)) push('G07', 'error', owner, path, `Unknown NPC ${id}`);
  };
  document.scenes.forEach((scene, i) => scene.npcIds?.forEach((id, j) => check(scene.id, `scenes[${i}].npcIds[${j}]`, id)));
  document.generationNodes.forEach((node, i) => {
    const ids = field(node.config, 'socialContext', 'npcIds');
    if (Array.isArray(ids)) ids.forEach((id, j) => check(node.id, `generationNodes[${i}].config.socialContext.npcIds[${j}]`, id));
  });
  document.playthroughPresets.forEach((preset, i) => {
    for (const key of Object.keys(preset.npcValues)) {
      const id = Number(key);
      if (!(Number.isInteger(id) && String(id) === key && npcIds.has(id))) {
        push('G07', 'error', preset.id, `playthroughPresets[${i}].npcValues.${key}`, `Unknown NPC ${key}`);
      }
    }
  });
}

/** Reads a nested field of an authored config defensively: the config is not validated here. */
function field(config: unknown, ...keys: string[]): unknown {
  let value: unknown = config;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
