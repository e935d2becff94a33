import type { ProjectDocument } from '../../core/domain/project-document';
import type { MethodOutput, RpcResult, StudioRpc } from '../rpc/rpc-types';
import { isDirty, type GraphStore } from './graph-store';
import type { SessionStore } from './session-store';
import type { UiStore } from './ui-store';

// New, open, save, save as, recent and recovery (rpc.md §3, project-format.md §3–4). Native pickers in
// Electron; in browser mode `dialog.*` answers `supported: false` and the studio asks for a path itself.

export type ProjectActions = ReturnType<typeof createProjectActions>;

type Deps = { rpc: StudioRpc; graph: GraphStore; ui: UiStore; session: SessionStore };

export function createProjectActions({ rpc, graph, ui, session }: Deps) {
  const toastError = (message: string) => ui.getState().toast('error', message);

  async function choosePath(kind: 'open' | 'save'): Promise<string | null> {
    const doc = graph.getState().document;
    const suggestedName = doc ? `${doc.name || 'Untitled'}.genweave.json` : undefined;
    const reply = await rpc.call(kind === 'open' ? 'dialog.openProject' : 'dialog.saveProject', suggestedName ? { suggestedName } : {});
    if (reply.ok && reply.result.supported) return reply.result.path;
    if (!reply.ok) {
      toastError(reply.error.message);
      return null;
    }
    const current = graph.getState().path;
    return ui.getState().askPath({
      title: kind === 'open' ? 'Open project' : 'Save project as',
      label: kind === 'open' ? 'Project file path' : 'Save to path',
      confirmLabel: kind === 'open' ? 'Open' : 'Save',
      initial: kind === 'save' ? (current ?? `${session.getState().info?.dataDir ?? ''}/${suggestedName ?? 'project.genweave.json'}`) : '',
    });
  }

  /** Both saves end the same way: the error as a toast, or the document marked saved at the path written. */
  function settleSave(reply: RpcResult<MethodOutput<'project.save' | 'project.saveAs'>>, revision: number): boolean {
    if (!reply.ok) {
      toastError(reply.error.message);
      return false;
    }
    graph.getState().markSaved(reply.result.path, revision);
    ui.getState().toast('success', `Saved ${reply.result.path}`);
    return true;
  }

  async function save(): Promise<boolean> {
    const { document, path, revision } = graph.getState();
    if (!document) return false;
    if (!path) return saveAs();
    let reply = await rpc.call('project.save', { document });
    if (!reply.ok && reply.error.code === 'GEN_PROJECT_CHANGED_ON_DISK') {
      const overwrite = await ui.getState().askConfirm({
        title: 'File changed on disk',
        message: `${reply.error.message} Overwrite it with your version?`,
        confirmLabel: 'Overwrite',
      });
      if (!overwrite) return false;
      reply = await rpc.call('project.save', { document, force: true });
    }
    return settleSave(reply, revision);
  }

  async function saveAs(): Promise<boolean> {
    const { document, revision } = graph.getState();
    if (!document) return false;
    const path = await choosePath('save');
    if (!path) return false;
    const reply = await rpc.call('project.saveAs', { document, path });
    return settleSave(reply, revision);
  }

  /** Resolves true when it is fine to replace the open document. */
  async function confirmDiscard(action: string): Promise<boolean> {
    if (!isDirty(graph.getState())) return true;
    const choice = await ui.getState().askUnsaved(action);
    if (choice === 'cancel') return false;
    if (choice === 'save') return save();
    const doc = graph.getState().document;
    if (doc) await rpc.call('project.discardRecovery', { projectId: doc.projectId });
    return true;
  }

  function load(document: ProjectDocument, path: string | null, dirty: boolean) {
    graph.getState().load(document, path, { dirty });
  }

  async function restore(projectId: string): Promise<void> {
    const reply = await rpc.call('project.restore', { projectId });
    if (!reply.ok) return toastError(reply.error.message);
    load(reply.result.document, reply.result.path, true);
    ui.getState().toast('info', 'Recovered unsaved changes. Save to keep them.');
  }

  async function openPath(path: string): Promise<void> {
    const reply = await rpc.call('project.open', { path });
    if (!reply.ok) return toastError(reply.error.message);
    const { document, migratedFrom, recovery } = reply.result;
    load(document, reply.result.path, migratedFrom !== null);
    if (migratedFrom !== null) {
      ui.getState().toast('info', `Upgraded from format ${migratedFrom}. Save to keep the new format.`);
    }
    if (recovery.available) {
      const restoreIt = await ui.getState().askRecovery(document.projectId, recovery.savedAt ?? null);
      if (restoreIt === true) await restore(document.projectId);
      else if (restoreIt === false) await rpc.call('project.discardRecovery', { projectId: document.projectId });
    }
  }

  return {
    save,
    saveAs,
    openPath,
    restore,
    async newProject(template: 'empty' | 'sample'): Promise<void> {
      if (!(await confirmDiscard(template === 'sample' ? 'open the sample project' : 'create a new project'))) return;
      const reply = await rpc.call('project.new', { template });
      if (!reply.ok) return toastError(reply.error.message);
      load(reply.result.document, reply.result.path, false);
    },
    async open(): Promise<void> {
      if (!(await confirmDiscard('open another project'))) return;
      const path = await choosePath('open');
      if (path) await openPath(path);
    },
    async openRecent(path: string): Promise<void> {
      if (await confirmDiscard('open another project')) await openPath(path);
    },
    async autosave(): Promise<void> {
      const state = graph.getState();
      if (!state.document || !isDirty(state)) return;
      const reply = await rpc.call('project.autosave', { document: state.document });
      if (!reply.ok) toastError(`Autosave failed: ${reply.error.message}`);
    },
  };
}
