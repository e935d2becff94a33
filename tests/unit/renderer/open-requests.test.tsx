// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyProject, type ProjectDocument } from '../../../core/domain/project-document';
import { DEFAULT_STUDIO_SETTINGS } from '../../../core/rpc/settings';
import type { AppInfo } from '../../../core/rpc/studio-shapes';
import { DialogHost } from '../../../renderer/components/dialogs/DialogHost';
import { StoresProvider } from '../../../renderer/stores/context';
import { createStudioStores } from '../../../renderer/stores/create-stores';
import { isDirty } from '../../../renderer/stores/graph-store';
import { startOpenRequests } from '../../../renderer/stores/open-requests';
import { createFakeRpc, FakeRpcError } from './features/fake-rpc';

// app.onDidRequestOpen (a second desktop launch with a path, a file from Finder) runs File › Open Recent's flow
// in the real stores and the real dialog: the unsaved-changes prompt first, then project.open.

afterEach(cleanup);

function project(name: string, projectId: string): ProjectDocument {
  return createEmptyProject({ name, now: '2026-01-01T00:00:00.000Z', projectId });
}

const OPEN_DOC = project('Open one', '3b241101-e2bb-4255-8caf-4136c566a962');
const REQUESTED = '/stories/requested.genweave.json';

function appInfo(launchProject: string | null): AppInfo {
  return { version: 'test', transport: 'electron', dataDir: '/data', platform: 'linux', startupNotices: [], launchProject };
}

/** The studio's stores on a fake client that opens any path as a fresh project, drawn with the dialog host. */
function studio(info: () => AppInfo | Promise<AppInfo> = () => appInfo(null)) {
  const fake = createFakeRpc();
  fake.handle('app.info', info);
  fake.handle('settings.get', () => DEFAULT_STUDIO_SETTINGS);
  fake.handle('providers.list', () => []);
  fake.handle('project.discardRecovery', () => ({}));
  fake.handle('project.open', ({ path }) => ({
    document: project(path, '0b7e9c1a-3d2f-4e5a-8b6c-7d8e9f0a1b2c'),
    path,
    migratedFrom: null,
    recovery: { available: false },
  }));
  const stores = createStudioStores(fake.rpc);
  const stop = startOpenRequests(stores);
  render(
    <StoresProvider stores={stores}>
      <DialogHost />
    </StoresProvider>,
  );
  return { fake, stores, stop };
}

/** An open project with an edit not yet saved. */
async function withUnsavedEdit(stores: ReturnType<typeof studio>['stores']): Promise<void> {
  await waitFor(() => expect(stores.session.getState().appState).toBe('ready'));
  act(() => {
    stores.graph.getState().load(OPEN_DOC, '/stories/open.genweave.json');
    stores.graph.getState().addScene({ x: 0, y: 0 });
  });
  expect(isDirty(stores.graph.getState())).toBe(true);
}

function request(fake: ReturnType<typeof studio>['fake'], path: string): void {
  act(() => fake.emit('app.onDidRequestOpen', { path }));
}

describe('a project the host asks the studio to open', () => {
  it('asks about unsaved changes first, then opens the project once they are discarded', async () => {
    const { fake, stores } = studio();
    await withUnsavedEdit(stores);

    request(fake, REQUESTED);
    const dialog = await screen.findByTestId('unsaved-dialog');
    expect(dialog.textContent).toContain('open another project');
    expect(fake.callsOf('project.open')).toEqual([]);
    fireEvent.click(screen.getByTestId('unsaved-discard'));

    await waitFor(() => expect(stores.graph.getState().path).toBe(REQUESTED));
    expect(fake.callsOf('project.discardRecovery')).toEqual([{ projectId: OPEN_DOC.projectId }]);
    expect(fake.callsOf('project.open')).toEqual([{ path: REQUESTED }]);
    expect(stores.graph.getState().document?.name).toBe(REQUESTED);
    expect(isDirty(stores.graph.getState())).toBe(false);
    expect(screen.queryByTestId('unsaved-dialog')).toBeNull();
  });

  it('keeps the open project and its edit when the prompt is cancelled', async () => {
    const { fake, stores } = studio();
    await withUnsavedEdit(stores);

    request(fake, REQUESTED);
    fireEvent.click(await screen.findByTestId('unsaved-cancel'));

    await waitFor(() => expect(screen.queryByTestId('unsaved-dialog')).toBeNull());
    expect(fake.callsOf('project.open')).toEqual([]);
    expect(stores.graph.getState().path).toBe('/stories/open.genweave.json');
    expect(stores.graph.getState().document?.scenes).toHaveLength(1);
    // A later request still runs: a cancelled one does not stop the queue.
    request(fake, REQUESTED);
    expect(await screen.findByTestId('unsaved-dialog')).toBeTruthy();
  });

  it('opens at once when nothing is unsaved, and shows a failed open as an error toast', async () => {
    const { fake, stores } = studio();
    await waitFor(() => expect(stores.session.getState().appState).toBe('ready'));

    request(fake, REQUESTED);
    await waitFor(() => expect(stores.graph.getState().path).toBe(REQUESTED));
    expect(screen.queryByTestId('unsaved-dialog')).toBeNull();

    const missing = '/stories/missing.genweave.json';
    fake.handle('project.open', () => {
      throw new FakeRpcError('GEN_NOT_FOUND', `Project file '${missing}' was not found.`);
    });
    request(fake, missing);
    await waitFor(() => expect(stores.ui.getState().toasts.map((t) => [t.kind, t.message])).toEqual([['error', `Project file '${missing}' was not found.`]]));
    expect(stores.graph.getState().path).toBe(REQUESTED);
  });

  it('opens the launch project first when a request arrives while the studio is still starting', async () => {
    let answerInfo: (info: AppInfo) => void = () => {};
    const { fake, stores, stop } = studio(() => new Promise<AppInfo>((done) => (answerInfo = done)));
    expect(fake.listenerCount('app.onDidRequestOpen')).toBe(1);

    request(fake, REQUESTED);
    await act(async () => answerInfo(appInfo('/stories/launch.genweave.json')));

    await waitFor(() => expect(stores.graph.getState().path).toBe(REQUESTED));
    expect(fake.callsOf('project.open')).toEqual([{ path: '/stories/launch.genweave.json' }, { path: REQUESTED }]);
    stop();
    expect(fake.listenerCount('app.onDidRequestOpen')).toBe(0);
  });
});
