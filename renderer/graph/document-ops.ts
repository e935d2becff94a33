import type { Edge, GenerationNode, ProjectDocument, Scene } from '../../core/domain/project-document';
import { newId } from '../lib/ids';

// Pure edits of the open document. Each returns a new document and shares every untouched scene, node and
// edge object with the old one, so flow-node identity (and memoized node components) survive the edit.

export type Position = { x: number; y: number };
export type NodeKind = 'scene' | 'generation';

export const GRID = 16;
export const SCENE_SIZE = { width: 220, height: 96 } as const;
export const GENERATION_SIZE = { width: 240, height: 132 } as const;

export function snap(value: number): number {
  return Math.round(value / GRID) * GRID;
}

export function snapPosition(position: Position): Position {
  return { x: snap(position.x), y: snap(position.y) };
}

export function allIds(doc: ProjectDocument): Set<string> {
  const ids = new Set<string>();
  for (const s of doc.scenes) ids.add(s.id);
  for (const n of doc.generationNodes) ids.add(n.id);
  for (const e of doc.edges) ids.add(e.id);
  for (const a of doc.assets) ids.add(a.id);
  for (const p of doc.playthroughPresets) ids.add(p.id);
  return ids;
}

export function kindOf(doc: ProjectDocument, id: string): NodeKind | null {
  if (doc.scenes.some((s) => s.id === id)) return 'scene';
  if (doc.generationNodes.some((n) => n.id === id)) return 'generation';
  return null;
}

export function addScene(doc: ProjectDocument, position: Position, id = newId('scene-', allIds(doc))): ProjectDocument {
  const scene: Scene = { id, title: `Scene ${doc.scenes.length + 1}`, position: snapPosition(position) };
  return { ...doc, scenes: [...doc.scenes, scene] };
}

export function addGenerationNode(
  doc: ProjectDocument,
  node: Omit<GenerationNode, 'id'>,
  id = newId('gen-', allIds(doc)),
): ProjectDocument {
  return { ...doc, generationNodes: [...doc.generationNodes, { ...node, id, position: snapPosition(node.position) }] };
}

/** Removes nodes and edges by id; edges touching a removed node go with it. */
export function removeElements(doc: ProjectDocument, ids: ReadonlySet<string>): ProjectDocument {
  if (ids.size === 0) return doc;
  return {
    ...doc,
    scenes: doc.scenes.filter((s) => !ids.has(s.id)),
    generationNodes: doc.generationNodes.filter((n) => !ids.has(n.id)),
    edges: doc.edges.filter((e) => !ids.has(e.id) && !ids.has(e.source) && !ids.has(e.target)),
  };
}

export function setPositions(doc: ProjectDocument, positions: ReadonlyMap<string, Position>): ProjectDocument {
  if (positions.size === 0) return doc;
  const move = <T extends { id: string; position: Position }>(item: T): T => {
    const next = positions.get(item.id);
    if (!next || (next.x === item.position.x && next.y === item.position.y)) return item;
    return { ...item, position: { x: next.x, y: next.y } };
  };
  return { ...doc, scenes: doc.scenes.map(move), generationNodes: doc.generationNodes.map(move) };
}

export function moveBy(doc: ProjectDocument, ids: ReadonlySet<string>, dx: number, dy: number): ProjectDocument {
  const positions = new Map<string, Position>();
  for (const item of [...doc.scenes, ...doc.generationNodes]) {
    if (ids.has(item.id)) positions.set(item.id, { x: item.position.x + dx, y: item.position.y + dy });
  }
  return setPositions(doc, positions);
}

export function addEdge(doc: ProjectDocument, source: string, target: string, id = newId('edge-', allIds(doc))): ProjectDocument {
  const edge: Edge = { id, source, target };
  return { ...doc, edges: [...doc.edges, edge] };
}

export function updateScene(doc: ProjectDocument, id: string, patch: Partial<Omit<Scene, 'id'>>): ProjectDocument {
  return {
    ...doc,
    scenes: doc.scenes.map((s) => {
      if (s.id !== id) return s;
      const next: Scene = { ...s, ...patch };
      // An emptied optional field is absent, never "" (domain.md §0).
      for (const key of Object.keys(patch) as Array<keyof Scene>) if (next[key] === undefined) delete next[key];
      return next;
    }),
  };
}

export function updateGenerationNode(
  doc: ProjectDocument,
  id: string,
  patch: Partial<Omit<GenerationNode, 'id'>>,
): ProjectDocument {
  return {
    ...doc,
    generationNodes: doc.generationNodes.map((n) => {
      if (n.id !== id) return n;
      const next: GenerationNode = { ...n, ...patch };
      if (next.budgetUsd === undefined) delete next.budgetUsd;
      return next;
    }),
  };
}

/** A generation node's linked scenes, derived from edges (project-format.md §2.2). */
export function linkedScenes(doc: ProjectDocument, nodeId: string): { fromScene: Scene | null; toScene: Scene | null } {
  let fromScene: Scene | null = null;
  let toScene: Scene | null = null;
  for (const e of doc.edges) {
    if (e.target === nodeId && !fromScene) fromScene = doc.scenes.find((s) => s.id === e.source) ?? null;
    if (e.source === nodeId && !toScene) toScene = doc.scenes.find((s) => s.id === e.target) ?? null;
  }
  return { fromScene, toScene };
}

export function newSceneId(doc: ProjectDocument): string {
  return newId('scene-', allIds(doc));
}

export function newGenerationNodeId(doc: ProjectDocument): string {
  return newId('gen-', allIds(doc));
}
