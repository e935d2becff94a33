import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { withDeclaredHandles } from '../../../../renderer/components/canvas/declared-handles';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { createFakeRpc, emptyDocument } from './fake-rpc';

function graphWithBothKinds() {
  const { graph } = createStudioStores(createFakeRpc().rpc);
  graph.getState().load(emptyDocument(), null);
  graph.getState().addScene({ x: 0, y: 0 });
  graph.getState().addGenerationNode('transition', { x: 400, y: 0 });
  return graph;
}

describe('declared handles of canvas nodes', () => {
  it('centre the input on the left edge and the output on the right edge of every unmeasured node', () => {
    const nodes = withDeclaredHandles(graphWithBothKinds().getState().nodes);
    expect(new Set(nodes.map((n) => n.type))).toEqual(new Set(['scene', 'generation']));
    for (const node of nodes) {
      const width = node.width as number;
      const height = node.height as number;
      const centre = (position: Position) => {
        const handle = node.handles?.find((h) => h.position === position);
        return handle && { x: handle.x + (handle.width ?? 0) / 2, y: handle.y + (handle.height ?? 0) / 2, type: handle.type };
      };
      expect(centre(Position.Left)).toEqual({ x: 0, y: height / 2, type: 'target' });
      expect(centre(Position.Right)).toEqual({ x: width, y: height / 2, type: 'source' });
    }
  });

  it('keep the identity of untouched nodes and leave measured nodes as React Flow measured them', () => {
    const graph = graphWithBothKinds();
    const first = withDeclaredHandles(graph.getState().nodes);
    const again = withDeclaredHandles(graph.getState().nodes);
    expect(again.every((node, i) => node === first[i])).toBe(true);
    const id = graph.getState().nodes[0]!.id;
    graph.getState().onNodesChange([{ type: 'dimensions', id, dimensions: { width: 220, height: 96 } }]);
    const measured = graph.getState().nodes.find((n) => n.id === id)!;
    expect(measured.measured).toBeDefined();
    expect(withDeclaredHandles([measured])[0]).toBe(measured);
  });
});
