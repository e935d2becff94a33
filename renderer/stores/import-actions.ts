import type { StudioRpc } from '../rpc/rpc-types';
import type { GraphStore } from './graph-store';
import type { UiStore } from './ui-store';

// project-format.md §3 (import): nodes and prompts from another project file or an export bundle. The host
// merges and answers the whole document; the renderer applies it as one undo step (rpc.md §1: the renderer
// owns the document and its history) and shows what was added, renamed and kept.

export type ImportActions = ReturnType<typeof createImportActions>;

type Deps = { rpc: StudioRpc; graph: GraphStore; ui: UiStore };

export function createImportActions({ rpc, graph, ui }: Deps) {
  const toastError = (message: string) => ui.getState().toast('error', message);

  /** A native file picker in Electron; in browser mode `supported: false`, so the studio asks for a path. */
  async function choosePath(): Promise<string | null> {
    const reply = await rpc.call('dialog.chooseFile', { purpose: 'import-project' });
    if (!reply.ok) {
      toastError(reply.error.message);
      return null;
    }
    if (reply.result.supported) return reply.result.path;
    return ui.getState().askPath({
      title: 'Import nodes and prompts',
      label: 'Project file or export bundle folder',
      confirmLabel: 'Import',
      initial: '',
    });
  }

  /** Resolves true when the import was applied (or had nothing to add) and its report is on screen. */
  async function importFrom(sourcePath: string): Promise<boolean> {
    const document = graph.getState().document;
    if (!document) return false;
    const reply = await rpc.call('project.import', { document, sourcePath });
    if (!reply.ok) {
      toastError(reply.error.message);
      return false;
    }
    // The host merged into `document`; applying its answer over edits made meanwhile would drop them.
    if (graph.getState().document !== document) {
      toastError('The project changed while importing. Import again to include your latest edits.');
      return false;
    }
    const { document: merged, report } = reply.result;
    const { nodes, promptFamilies, promptVersions, assets } = report.imported;
    // Nothing added (everything already there): no empty undo step, no unsaved marker; the report still shows.
    if (nodes.length + promptFamilies.length + promptVersions.length + assets.length > 0) {
      graph.getState().commit(() => merged, { select: nodes });
    }
    void ui.getState().showImportResult(sourcePath, report);
    return true;
  }

  return {
    importFrom,
    /** Asks for the source, then imports it; resolves true when the document now holds the import. */
    async importNodes(): Promise<boolean> {
      if (!graph.getState().document) return false;
      const path = await choosePath();
      return path ? importFrom(path) : false;
    },
  };
}
