import { createStore } from 'zustand/vanilla';
import type { MethodOutput } from '../../../core/rpc/contract';
import type { GraphStore } from '../../stores/graph-store';
import { errorMessage, invoke, type StudioRpc } from '../shared/rpc-port';

// studio-ui.md §10, export: a pre-check with export.check, then export.run into the chosen folder. The host
// reads nothing from disk but the project folder, so the open document travels with both calls.

export type ExportCheck = MethodOutput<'export.check'>;
export type ExportResult = MethodOutput<'export.run'>;

export type ExportState = {
  outDir: string;
  includeMedia: boolean;
  check: ExportCheck | null;
  checking: boolean;
  running: boolean;
  result: ExportResult | null;
  error: string | null;
  setOutDir(outDir: string): void;
  setIncludeMedia(includeMedia: boolean): void;
  runCheck(): Promise<void>;
  browse(): Promise<boolean>;
  run(): Promise<void>;
  reset(): void;
};

export const BUNDLE_FILE = 'genweave-bundle.json';

/** The bundle path shown after an export (project-format.md §6 layout). */
export function bundlePath(outDir: string): string {
  const sep = outDir.includes('\\') && !outDir.includes('/') ? '\\' : '/';
  return outDir.endsWith(sep) ? `${outDir}${BUNDLE_FILE}` : `${outDir}${sep}${BUNDLE_FILE}`;
}

export function createExportStore(rpc: StudioRpc, graph: GraphStore) {
  let checkSeq = 0;
  return createStore<ExportState>()((set, get) => ({
    outDir: '',
    includeMedia: false,
    check: null,
    checking: false,
    running: false,
    result: null,
    error: null,

    setOutDir(outDir) {
      set({ outDir, result: null, error: null });
    },
    setIncludeMedia(includeMedia) {
      set({ includeMedia, result: null });
    },
    async runCheck() {
      const { document, path } = graph.getState();
      if (!document || !path) {
        set({ check: null, error: path ? null : 'Save the project first: export reads its assets from the project folder.' });
        return;
      }
      const mine = ++checkSeq;
      set({ checking: true, error: null });
      try {
        const check = await invoke(rpc, 'export.check', { document, projectPath: path });
        if (mine === checkSeq) set({ check, checking: false });
      } catch (error) {
        if (mine === checkSeq) set({ checking: false, error: errorMessage(error) });
      }
    },
    async browse() {
      try {
        const answer = await invoke(rpc, 'dialog.chooseFolder', { purpose: 'export' });
        if (answer.path) get().setOutDir(answer.path);
        return answer.supported;
      } catch (error) {
        set({ error: errorMessage(error) });
        return false;
      }
    },
    async run() {
      const { document, path } = graph.getState();
      const { outDir, includeMedia, check } = get();
      if (!document || !path || outDir.trim() === '' || (check !== null && !check.ok)) return;
      set({ running: true, error: null, result: null });
      try {
        const result = await invoke(rpc, 'export.run', { document, projectPath: path, outDir: outDir.trim(), includeMedia });
        set({ running: false, result });
      } catch (error) {
        set({ running: false, error: errorMessage(error) });
        // A refusal carries the problems found at run time; show them like the pre-check's.
        const details = (error as { details?: { problems?: ExportCheck['problems'] } }).details;
        if (details?.problems) set({ check: { ok: false, problems: details.problems } });
      }
    },
    reset() {
      set({ check: null, result: null, error: null, running: false, checking: false });
    },
  }));
}

export type ExportStore = ReturnType<typeof createExportStore>;
