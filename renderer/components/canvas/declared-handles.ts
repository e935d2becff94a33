import { Position, type NodeHandle } from '@xyflow/react';
import type { FlowNode } from '../../graph/flow-sync';
import { GENERATION_SIZE, SCENE_SIZE } from '../../graph/document-ops';

// React Flow renders every node it has not measured yet, visible or not (its culling keeps a node whose
// handle bounds are unknown), so a 10k-node graph would mount 10k nodes on open and unmount all but the
// dozen in view one pass later (studio-ui.md §3, "Large graphs"). Nodes have fixed sizes and their two
// handles sit at fixed places, so their bounds can be declared up front: culling then applies from the
// first pass. Declared only until React Flow measures a node; from then on its measured bounds are used.

/** `.react-flow__handle.handle` in canvas.css: 10×10, centred on the left and right edges. */
const HANDLE_SIZE = 10;

function handlesFor(size: { width: number; height: number }): NodeHandle[] {
  const y = size.height / 2 - HANDLE_SIZE / 2;
  return [
    { type: 'target', position: Position.Left, x: -HANDLE_SIZE / 2, y, width: HANDLE_SIZE, height: HANDLE_SIZE },
    { type: 'source', position: Position.Right, x: size.width - HANDLE_SIZE / 2, y, width: HANDLE_SIZE, height: HANDLE_SIZE },
  ];
}

const SCENE_HANDLES = handlesFor(SCENE_SIZE);
const GENERATION_HANDLES = handlesFor(GENERATION_SIZE);

// Keyed by the store's node object, so an untouched node keeps its identity across renders (STYLE.md §6).
const declared = new WeakMap<FlowNode, FlowNode>();

function withHandles(node: FlowNode): FlowNode {
  if (node.measured !== undefined) return node;
  let out = declared.get(node);
  if (out === undefined) {
    out = { ...node, handles: node.type === 'scene' ? SCENE_HANDLES : GENERATION_HANDLES } as FlowNode;
    declared.set(node, out);
  }
  return out;
}

export function withDeclaredHandles(nodes: readonly FlowNode[]): FlowNode[] {
  return nodes.map(withHandles);
}
