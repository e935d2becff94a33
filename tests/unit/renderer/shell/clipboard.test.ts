import { describe, expect, it } from 'vitest';
import { copySelection, parseClipboard, pastePayload, PASTE_OFFSET } from '../../../../renderer/graph/clipboard';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { createFakeRpc, emptyDocument } from './fake-rpc';

function graphWithLinks() {
  const stores = createStudioStores(createFakeRpc().rpc);
  const { graph } = stores;
  graph.getState().load(emptyDocument(), null);
  const a = graph.getState().addScene({ x: 0, y: 0 })!;
  const b = graph.getState().addScene({ x: 480, y: 0 })!;
  const outside = graph.getState().addScene({ x: 0, y: 320 })!;
  const g = graph.getState().addGenerationNode('transition', { x: 240, y: 0 }, a)!;
  graph.getState().connect({ source: g, target: b, sourceHandle: null, targetHandle: null });
  graph.getState().connect({ source: outside, target: a, sourceHandle: null, targetHandle: null });
  return { ...stores, a, b, g, outside };
}

describe('copy and paste', () => {
  it('gives pasted nodes new ids, a 32 px offset, and keeps only edges among them', () => {
    const { graph, a, b, g } = graphWithLinks();
    const doc = graph.getState().document!;
    const payload = copySelection(doc, new Set([a, g, b]))!;
    const { document: next, pastedIds } = pastePayload(doc, payload);
    expect(pastedIds).toHaveLength(3);
    for (const id of pastedIds) expect([a, b, g]).not.toContain(id);
    const pastedScenes = next.scenes.filter((s) => pastedIds.includes(s.id));
    const originals = doc.scenes.filter((s) => s.id === a || s.id === b);
    expect(pastedScenes.map((s) => s.position)).toEqual(originals.map((s) => ({ x: s.position.x + PASTE_OFFSET, y: s.position.y + PASTE_OFFSET })));
    const pastedEdges = next.edges.slice(doc.edges.length);
    expect(pastedEdges).toHaveLength(2); // a→g and g→b; outside→a is dropped
    for (const e of pastedEdges) {
      expect(pastedIds).toContain(e.source);
      expect(pastedIds).toContain(e.target);
    }
    const ids = [...next.scenes, ...next.generationNodes, ...next.edges].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps a pasted generation node config as an independent copy', () => {
    const { graph, g } = graphWithLinks();
    const doc = graph.getState().document!;
    const { document: next, pastedIds } = pastePayload(doc, copySelection(doc, new Set([g]))!);
    const original = doc.generationNodes.find((n) => n.id === g)!;
    const copy = next.generationNodes.find((n) => n.id === pastedIds[0])!;
    expect(copy.config).toEqual(original.config);
    expect(copy.config).not.toBe(original.config);
  });

  it('round-trips the payload through clipboard text and ignores foreign text', () => {
    const { graph, a } = graphWithLinks();
    const payload = copySelection(graph.getState().document!, new Set([a]))!;
    expect(parseClipboard(JSON.stringify(payload))).toEqual(payload);
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"kind":"other"}')).toBeNull();
  });

  it('pastes and duplicates as one undo step each, selecting the new nodes', () => {
    const { graph, selection, a } = graphWithLinks();
    selection.getState().select([a]);
    const before = graph.getState().document!.scenes.length;
    graph.getState().duplicate();
    expect(graph.getState().document!.scenes.length).toBe(before + 1);
    expect(selection.getState().nodeIds).toHaveLength(1);
    expect(selection.getState().nodeIds[0]).not.toBe(a);
    graph.getState().undo();
    expect(graph.getState().document!.scenes.length).toBe(before);
  });
});
