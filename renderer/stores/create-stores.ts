import type { StudioRpc } from '../rpc/rpc-types';
import { createEditorStore } from './editor-store';
import { createGraphStore } from './graph-store';
import { createImportActions } from './import-actions';
import { createProblemsStore } from './problems-store';
import { createProjectActions } from './project-actions';
import { createRunStore } from './run-store';
import { createSelectionStore } from './selection-store';
import { createSessionStore } from './session-store';
import { createUiStore } from './ui-store';

// Every store of the studio, created once at start-up with the RPC client injected (STYLE.md §6). Unit
// tests call this with an in-process fake client.
export function createStudioStores(rpc: StudioRpc) {
  const selection = createSelectionStore();
  const graph = createGraphStore(selection);
  const ui = createUiStore();
  const session = createSessionStore(rpc);
  const run = createRunStore(rpc);
  const problems = createProblemsStore(graph, session);
  const editor = createEditorStore(graph, session, ui);
  const project = createProjectActions({ rpc, graph, ui, session });
  const imports = createImportActions({ rpc, graph, ui });
  return { rpc, selection, graph, ui, session, run, problems, editor, project, imports };
}

export type StudioStores = ReturnType<typeof createStudioStores>;
