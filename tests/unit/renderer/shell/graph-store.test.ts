import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, isDirty } from '../../../../renderer/stores/graph-store';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { createFakeRpc, emptyDocument } from './fake-rpc';

function setup() {
  const stores = createStudioStores(createFakeRpc().rpc);
  stores.graph.getState().load(emptyDocument(), '/p/test.genweave.json');
  return stores;
}

describe('graph store undo history', () => {
  it('undoes and redoes adding a scene, back to a clean document', () => {
    const { graph } = setup();
    const id = graph.getState().addScene({ x: 10, y: 20 })!;
    expect(graph.getState().document!.scenes.map((s) => s.id)).toEqual([id]);
    expect(isDirty(graph.getState())).toBe(true);
    graph.getState().undo();
    expect(graph.getState().document!.scenes).toEqual([]);
    expect(isDirty(graph.getState())).toBe(false);
    graph.getState().redo();
    expect(graph.getState().document!.scenes.map((s) => s.id)).toEqual([id]);
    expect(graph.getState().nodes.map((n) => n.id)).toEqual([id]);
  });

  it('applies auto-layout as one undo step', () => {
    const { graph } = setup();
    const a = graph.getState().addScene({ x: 500, y: 500 })!;
    const b = graph.getState().addScene({ x: 0, y: 0 })!;
    graph.getState().connect({ source: a, target: b, sourceHandle: null, targetHandle: null });
    const steps = graph.getState().past.length;
    graph.getState().autoLayout();
    expect(graph.getState().past.length).toBe(steps + 1);
    const pos = (id: string) => graph.getState().document!.scenes.find((s) => s.id === id)!.position;
    expect(pos(a).x).toBeLessThan(pos(b).x);
    graph.getState().undo();
    expect(pos(a)).toEqual({ x: 496, y: 496 });
  });

  it('snaps new nodes to the 16 px grid', () => {
    const { graph } = setup();
    graph.getState().addScene({ x: 10, y: 23 });
    expect(graph.getState().document!.scenes[0]!.position).toEqual({ x: 16, y: 16 });
  });

  it('records a drag as one step, on release', () => {
    const { graph } = setup();
    const id = graph.getState().addScene({ x: 0, y: 0 })!;
    const before = graph.getState().past.length;
    for (const x of [5, 40, 77]) graph.getState().onNodesChange([{ id, type: 'position', position: { x, y: 0 }, dragging: true }]);
    expect(graph.getState().past.length).toBe(before);
    expect(graph.getState().document!.scenes[0]!.position).toEqual({ x: 0, y: 0 });
    graph.getState().onNodesChange([{ id, type: 'position', position: { x: 77, y: 3 }, dragging: false }]);
    expect(graph.getState().past.length).toBe(before + 1);
    expect(graph.getState().document!.scenes[0]!.position).toEqual({ x: 80, y: 0 });
    graph.getState().undo();
    expect(graph.getState().document!.scenes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('coalesces typing in one field during one focus into one step', () => {
    const { graph } = setup();
    const id = graph.getState().addScene({ x: 0, y: 0 })!;
    const before = graph.getState().past.length;
    for (const title of ['H', 'Ha', 'Har']) graph.getState().updateScene(id, { title }, 'scene:title:1');
    graph.getState().updateScene(id, { title: 'Harbor' }, 'scene:title:2');
    expect(graph.getState().past.length).toBe(before + 2);
    graph.getState().undo();
    expect(graph.getState().document!.scenes[0]!.title).toBe('Har');
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    const { graph } = setup();
    for (let i = 0; i < HISTORY_LIMIT + 25; i += 1) graph.getState().addScene({ x: i * 16, y: 0 });
    expect(graph.getState().past.length).toBe(HISTORY_LIMIT);
    while (graph.getState().past.length > 0) graph.getState().undo();
    expect(graph.getState().document!.scenes.length).toBe(25);
  });

  it('refuses generation-to-generation edges and a second incoming scene', () => {
    const { graph } = setup();
    const a = graph.getState().addScene({ x: 0, y: 0 })!;
    const b = graph.getState().addScene({ x: 0, y: 200 })!;
    const g1 = graph.getState().addGenerationNode('transition', { x: 300, y: 0 })!;
    const g2 = graph.getState().addGenerationNode('dialogue', { x: 300, y: 200 })!;
    const connect = (source: string, target: string) => graph.getState().connect({ source, target, sourceHandle: null, targetHandle: null });
    expect(connect(g1, g2)).toBe(false);
    expect(connect(g1, g1)).toBe(false);
    expect(connect(a, g1)).toBe(true);
    expect(connect(b, g1)).toBe(false);
    expect(connect(g1, b)).toBe(true);
    expect(connect(g1, a)).toBe(false);
    expect(graph.getState().document!.edges.map((e) => [e.source, e.target])).toEqual([
      [a, g1],
      [g1, b],
    ]);
  });

  it('gives new generation nodes the default config with the world default strategy', () => {
    const { graph } = setup();
    graph.getState().commit((d) => ({ ...d, world: { ...d.world, settings: { defaultStrategy: 'per_player' } } }));
    const id = graph.getState().addGenerationNode('dialogue', { x: 0, y: 0 })!;
    const node = graph.getState().document!.generationNodes.find((n) => n.id === id)!;
    expect(node.config).toMatchObject({ generationType: 'dialogue', strategy: 'per_player', enabled: true, version: 1, fallback: { mode: 'placeholder' } });
  });

  it('deletes the selection with its edges as one step', () => {
    const { graph, selection } = setup();
    const a = graph.getState().addScene({ x: 0, y: 0 })!;
    const b = graph.getState().addScene({ x: 300, y: 0 })!;
    graph.getState().connect({ source: a, target: b, sourceHandle: null, targetHandle: null });
    selection.getState().select([a]);
    graph.getState().deleteSelection();
    expect(graph.getState().document!.scenes.map((s) => s.id)).toEqual([b]);
    expect(graph.getState().document!.edges).toEqual([]);
    graph.getState().undo();
    expect(graph.getState().document!.edges.length).toBe(1);
  });

  it('keeps the identity of untouched flow nodes when one node moves', () => {
    const { graph, selection } = setup();
    const a = graph.getState().addScene({ x: 0, y: 0 })!;
    graph.getState().addScene({ x: 300, y: 0 });
    selection.getState().select([a]);
    const [first, second] = graph.getState().nodes;
    graph.getState().moveSelection(16, 0);
    const [movedFirst, sameSecond] = graph.getState().nodes;
    expect(movedFirst).not.toBe(first);
    expect(movedFirst!.position).toEqual({ x: 16, y: 0 });
    expect(sameSecond).toBe(second);
  });
});
