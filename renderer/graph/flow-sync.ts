import type { Edge as FlowEdgeBase, Node } from '@xyflow/react';
import type { GenerationNode, ProjectDocument, Scene } from '../../core/domain/project-document';
import { GENERATION_SIZE, SCENE_SIZE } from './document-ops';

// The React Flow view of the document. Rebuilt after every document edit, reusing each flow object whose
// document object, position and selection are unchanged (STYLE.md §6: untouched nodes keep their identity,
// so a 10k-node graph re-renders only what an edit touched).

export type SceneFlowNode = Node<{ scene: Scene }, 'scene'>;
export type GenerationFlowNode = Node<{ node: GenerationNode }, 'generation'>;
export type FlowNode = SceneFlowNode | GenerationFlowNode;
export type FlowEdge = FlowEdgeBase<Record<string, never>, 'story'>;

function samePosition(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return a.x === b.x && a.y === b.y;
}

export function syncFlowNodes(prev: readonly FlowNode[], doc: ProjectDocument | null, selected: ReadonlySet<string>): FlowNode[] {
  if (!doc) return [];
  const prevById = new Map(prev.map((n) => [n.id, n]));
  const out: FlowNode[] = [];
  for (const scene of doc.scenes) {
    const old = prevById.get(scene.id);
    const isSelected = selected.has(scene.id);
    if (old?.type === 'scene' && old.data.scene === scene && old.selected === isSelected && samePosition(old.position, scene.position)) {
      out.push(old);
    } else {
      out.push({
        id: scene.id,
        type: 'scene',
        position: scene.position,
        data: { scene },
        selected: isSelected,
        ...SCENE_SIZE,
        ...(old?.measured ? { measured: old.measured } : {}),
      });
    }
  }
  for (const node of doc.generationNodes) {
    const old = prevById.get(node.id);
    const isSelected = selected.has(node.id);
    if (old?.type === 'generation' && old.data.node === node && old.selected === isSelected && samePosition(old.position, node.position)) {
      out.push(old);
    } else {
      out.push({
        id: node.id,
        type: 'generation',
        position: node.position,
        data: { node },
        selected: isSelected,
        ...GENERATION_SIZE,
        ...(old?.measured ? { measured: old.measured } : {}),
      });
    }
  }
  return out;
}

export function syncFlowEdges(prev: readonly FlowEdge[], doc: ProjectDocument | null, selected: ReadonlySet<string>): FlowEdge[] {
  if (!doc) return [];
  const prevById = new Map(prev.map((e) => [e.id, e]));
  return doc.edges.map((edge) => {
    const old = prevById.get(edge.id);
    const isSelected = selected.has(edge.id);
    if (old && old.source === edge.source && old.target === edge.target && old.selected === isSelected) return old;
    return { id: edge.id, source: edge.source, target: edge.target, type: 'story', selected: isSelected };
  });
}
