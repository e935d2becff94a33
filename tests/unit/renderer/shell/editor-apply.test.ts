import { describe, expect, it } from 'vitest';
import { setIn } from '../../../../renderer/lib/config-path';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { isBumpPending, withVersionBump } from '../../../../renderer/graph/version-bump';
import { createFakeRpc, emptyDocument } from './fake-rpc';

function setup() {
  const stores = createStudioStores(createFakeRpc().rpc);
  stores.graph.getState().load(emptyDocument(), null);
  const id = stores.graph.getState().addGenerationNode('transition', { x: 0, y: 0 })!;
  const node = () => stores.graph.getState().document!.generationNodes.find((n) => n.id === id)!;
  const edit = (path: string, value: unknown) => stores.editor.getState().edit(node(), (d) => ({ ...d, config: setIn(d.config, path, value) }));
  return { ...stores, id, node, edit };
}

describe('generation node editor', () => {
  it('changes the document only on Apply, as one undo step, bumping the version for output-shaping edits', () => {
    const { editor, graph, ui, id, node, edit } = setup();
    edit('style.moodFrom', 'tense');
    edit('style.moodTo', 'calm');
    expect(node().config['style']).toEqual({ pacing: 'medium', transitionType: 'gradual' });
    const steps = graph.getState().past.length;
    expect(editor.getState().apply(id)).toBe('applied');
    expect(node().config['style']).toEqual({ pacing: 'medium', transitionType: 'gradual', moodFrom: 'tense', moodTo: 'calm' });
    expect(node().config['version']).toBe(2);
    expect(graph.getState().past.length).toBe(steps + 1);
    expect(editor.getState().drafts[id]).toBeUndefined();
    expect(ui.getState().toasts.at(-1)).toMatchObject({ kind: 'success', message: 'Generation node configuration updated' });
  });

  it('never bumps for cosmetic fields (label, enabled)', () => {
    const { editor, id, node, edit } = setup();
    editor.getState().edit(node(), (d) => ({ ...d, label: 'Renamed' }));
    edit('enabled', false);
    expect(editor.getState().apply(id)).toBe('applied');
    expect(node().label).toBe('Renamed');
    expect(node().config['enabled']).toBe(false);
    expect(node().config['version']).toBe(1);
  });

  it('does not bump twice when the author already raised the version', () => {
    const applied = { generationType: 'transition', version: 3 };
    const draft = { generationType: 'dialogue', version: 4 };
    expect(isBumpPending(applied, draft)).toBe(false);
    expect(withVersionBump(applied, draft)['version']).toBe(4);
    expect(withVersionBump(applied, { ...draft, version: 3 })['version']).toBe(4);
  });

  it('blocks Apply on errors with the toast and open details, leaving the document unchanged', () => {
    const { editor, graph, ui, id, node, edit } = setup();
    edit('duration.min', 10);
    edit('duration.max', 2);
    const before = graph.getState().document;
    expect(editor.getState().apply(id)).toBe('blocked');
    expect(graph.getState().document).toBe(before);
    expect(ui.getState().toasts.at(-1)).toEqual(
      expect.objectContaining({ kind: 'error', message: 'Validation failed: Duration min (10s) cannot be greater than max (2s)' }),
    );
    expect(editor.getState().detailsOpen[id]).toBe(true);
    expect(node().config['duration']).toEqual({});
  });

  it('reports unchanged when the draft equals the document, and Revert drops the draft', () => {
    const { editor, id, node, edit } = setup();
    expect(editor.getState().apply(id)).toBe('unchanged');
    edit('purpose', 'variation');
    editor.getState().revert(id);
    expect(editor.getState().drafts[id]).toBeUndefined();
    expect(node().config['purpose']).toBe('gap_fill');
  });
});
