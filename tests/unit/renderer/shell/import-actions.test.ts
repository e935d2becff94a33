import { describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../../../core/domain/project-document';
import type { ImportReport } from '../../../../core/rpc/studio-shapes';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { isDirty } from '../../../../renderer/stores/graph-store';
import { createFakeRpc, emptyDocument } from './fake-rpc';

// project-format.md §3 (import) in the renderer: the host's merged document is applied as ONE undo step, the
// report is shown, and an error is a toast that leaves the document alone.

const PROJECT_PATH = '/p/target.genweave.json';
const SOURCE = '/elsewhere/harbor-lights.genweave.json';

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

/** What the host answers: `document` plus two nodes and a prompt family, one node renamed. */
function merged(document: ProjectDocument): { document: ProjectDocument; report: ImportReport } {
  const config = { generationType: 'dialogue' };
  return {
    document: {
      ...document,
      generationNodes: [
        ...document.generationNodes,
        { id: 'gen-imported-a', label: 'Imported A', position: { x: 0, y: 0 }, config },
        { id: 'gen-renamed01', label: 'Imported B', position: { x: 0, y: 120 }, config },
      ],
    },
    report: {
      imported: { nodes: ['gen-imported-a', 'gen-renamed01'], promptFamilies: ['fam-1'], promptVersions: [], assets: [] },
      conflicts: [{ kind: 'node', id: 'gen-b', resolution: 'renamed', newId: 'gen-renamed01', message: "Node 'gen-b' already exists; imported as 'gen-renamed01'." }],
    },
  };
}

function studioWith(importHandler: (input: { document: ProjectDocument; sourcePath: string }) => unknown) {
  const fake = createFakeRpc({
    'dialog.chooseFile': () => ({ path: null, supported: false }),
    'project.import': (input) => importHandler(input as { document: ProjectDocument; sourcePath: string }),
  });
  const stores = createStudioStores(fake.rpc);
  stores.graph.getState().load(emptyDocument(), PROJECT_PATH);
  return { fake, stores };
}

/** Answers the browser-mode path dialog the import opens. */
async function answerPath(stores: ReturnType<typeof createStudioStores>, path: string): Promise<void> {
  await settle();
  const dialog = stores.ui.getState().dialog;
  expect(dialog?.kind).toBe('path');
  stores.ui.getState().finishDialog();
  if (dialog?.kind === 'path') dialog.resolve(path);
}

describe('import actions', () => {
  it('applies the merged document as one undo step, marks it dirty and shows the report', async () => {
    const { fake, stores } = studioWith((input) => merged(input.document));
    stores.graph.getState().addScene({ x: 0, y: 0 });
    const before = stores.graph.getState();
    const importing = stores.imports.importNodes();
    await answerPath(stores, SOURCE);
    await importing;

    const call = fake.calls.find((c) => c.method === 'project.import');
    expect(call?.input).toEqual({ document: before.document, sourcePath: SOURCE });
    const after = stores.graph.getState();
    expect(after.document?.generationNodes.map((n) => n.id)).toEqual(['gen-imported-a', 'gen-renamed01']);
    expect(after.past).toHaveLength(before.past.length + 1);
    expect(isDirty(after)).toBe(true);
    expect(stores.selection.getState().nodeIds).toEqual(['gen-imported-a', 'gen-renamed01']);
    const dialog = stores.ui.getState().dialog;
    expect(dialog?.kind).toBe('import-result');
    if (dialog?.kind === 'import-result') expect(dialog.report.conflicts[0]?.newId).toBe('gen-renamed01');

    stores.ui.getState().closeDialog();
    stores.graph.getState().undo();
    expect(stores.graph.getState().document).toBe(before.document);
    expect(stores.graph.getState().past).toHaveLength(before.past.length);
  });

  it('shows a refused import as an error toast with the GenError message and changes nothing', async () => {
    const { fake, stores } = studioWith(() => undefined);
    const message = "Path '../evil.svg' is outside the project folder.";
    const call = fake.rpc.call.bind(fake.rpc);
    fake.rpc.call = (async (method: string, input: unknown) =>
      method === 'project.import'
        ? { ok: false, error: { code: 'GEN_PATH_OUTSIDE_ROOT', message, details: { path: '../evil.svg', root: 'project' } } }
        : call(method as never, input as never)) as typeof fake.rpc.call;
    const before = stores.graph.getState();
    expect(await stores.imports.importFrom('/elsewhere/evil.genweave.json')).toBe(false);
    expect(stores.ui.getState().toasts.map((t) => [t.kind, t.message])).toEqual([['error', message]]);
    expect(stores.graph.getState().document).toBe(before.document);
    expect(stores.graph.getState().past).toHaveLength(0);
    expect(isDirty(stores.graph.getState())).toBe(false);
    expect(stores.ui.getState().dialog).toBeNull();
  });

  it('does not apply an import over edits made while the host was merging', async () => {
    const { fake, stores } = studioWith((input) => merged(input.document));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const call = fake.rpc.call.bind(fake.rpc);
    fake.rpc.call = (async (method: string, input: unknown) => {
      if (method === 'project.import') await held;
      return call(method as never, input as never);
    }) as typeof fake.rpc.call;
    const importing = stores.imports.importFrom(SOURCE);
    await settle();
    stores.graph.getState().addScene({ x: 40, y: 40 });
    const edited = stores.graph.getState().document;
    release();
    expect(await importing).toBe(false);
    expect(stores.graph.getState().document).toBe(edited);
    expect(stores.ui.getState().toasts.map((t) => t.kind)).toEqual(['error']);
    expect(stores.ui.getState().dialog).toBeNull();
  });

  it('adds no undo step when the import had nothing new, yet still shows the report', async () => {
    const { stores } = studioWith((input) => ({
      document: structuredClone(input.document),
      report: { imported: { nodes: [], promptFamilies: [], promptVersions: [], assets: [] }, conflicts: [] },
    }));
    const before = stores.graph.getState().document;
    expect(await stores.imports.importFrom(SOURCE)).toBe(true);
    expect(stores.graph.getState().document).toBe(before);
    expect(stores.graph.getState().past).toHaveLength(0);
    expect(stores.ui.getState().dialog?.kind).toBe('import-result');
  });
});
