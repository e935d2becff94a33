import { describe, expect, it } from 'vitest';
import { isDirty } from '../../../../renderer/stores/graph-store';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { createFakeRpc, emptyDocument } from './fake-rpc';

const saved = (path: string) => ({ path, savedAt: '2026-01-01T00:00:00.000Z', sha256: 'a'.repeat(64) });

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

describe('project actions', () => {
  it('saves a never-saved document through the path dialog in browser mode', async () => {
    const fake = createFakeRpc({
      'dialog.saveProject': () => ({ path: null, supported: false }),
      'project.saveAs': (input) => saved((input as { path: string }).path),
    });
    const stores = createStudioStores(fake.rpc);
    stores.graph.getState().load(emptyDocument(), null);
    stores.graph.getState().addScene({ x: 0, y: 0 });
    const saving = stores.project.save();
    await settle();
    const dialog = stores.ui.getState().dialog;
    expect(dialog?.kind).toBe('path');
    stores.ui.getState().finishDialog();
    if (dialog?.kind === 'path') dialog.resolve('/p/story.genweave.json');
    expect(await saving).toBe(true);
    expect(fake.calls.find((c) => c.method === 'project.saveAs')?.input).toMatchObject({ path: '/p/story.genweave.json' });
    expect(stores.graph.getState().path).toBe('/p/story.genweave.json');
    expect(isDirty(stores.graph.getState())).toBe(false);
  });

  it('asks before overwriting a file changed on disk, then saves with force', async () => {
    let attempts = 0;
    const fake = createFakeRpc({
      'project.save': () => {
        attempts += 1;
        return saved('/p/a.genweave.json');
      },
    });
    // The first save answers GEN_PROJECT_CHANGED_ON_DISK, as the host does when the file's hash moved.
    const call = fake.rpc.call.bind(fake.rpc);
    fake.rpc.call = (async (method: string, input: unknown) => {
      if (method === 'project.save' && !(input as { force?: boolean }).force) {
        attempts += 1;
        return { ok: false, error: { code: 'GEN_PROJECT_CHANGED_ON_DISK', message: 'The project file changed on disk.' } };
      }
      return call(method as never, input as never);
    }) as typeof fake.rpc.call;
    const stores = createStudioStores(fake.rpc);
    stores.graph.getState().load(emptyDocument(), '/p/a.genweave.json', { dirty: true });
    const saving = stores.project.save();
    await settle();
    const dialog = stores.ui.getState().dialog;
    expect(dialog?.kind).toBe('confirm');
    stores.ui.getState().finishDialog();
    if (dialog?.kind === 'confirm') dialog.resolve(true);
    expect(await saving).toBe(true);
    expect(attempts).toBe(2);
    expect(isDirty(stores.graph.getState())).toBe(false);
  });

  it('keeps the document when the unsaved-changes dialog is cancelled', async () => {
    const fake = createFakeRpc({ 'project.new': () => ({ document: emptyDocument(), path: null }) });
    const stores = createStudioStores(fake.rpc);
    stores.graph.getState().load(emptyDocument(), null);
    stores.graph.getState().addScene({ x: 0, y: 0 });
    const replacing = stores.project.newProject('empty');
    await settle();
    expect(stores.ui.getState().dialog?.kind).toBe('unsaved');
    stores.ui.getState().closeDialog();
    await replacing;
    expect(stores.graph.getState().document!.scenes).toHaveLength(1);
    expect(fake.calls.some((c) => c.method === 'project.new')).toBe(false);
  });
});
