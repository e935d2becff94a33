import { applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore } from 'zustand/vanilla';
import { createDefaultNodeConfig } from '../../core/domain/node-config';
import type { GenerationNode, ProjectDocument, Scene } from '../../core/domain/project-document';
import type { GenerationType } from '../../core/domain/vocabulary';
import { computeAutoLayout } from '../graph/auto-layout';
import { copySelection, pastePayload, type ClipboardPayload } from '../graph/clipboard';
import { checkConnection } from '../graph/connection-rules';
import * as ops from '../graph/document-ops';
import { syncFlowEdges, syncFlowNodes, type FlowEdge, type FlowNode } from '../graph/flow-sync';
import { GENERATION_TYPE_LABELS } from '../lib/labels';
import type { SelectionStore } from './selection-store';

// The open document and its undo history (studio-ui.md §3). Every edit goes through `commit`, which keeps
// 200 snapshots; documents share untouched objects, so a snapshot costs one array copy per edited list.

export const HISTORY_LIMIT = 200;

type Snapshot = { document: ProjectDocument; revision: number };

export type CommitOptions = {
  /** Edits with the same key in a row are one undo step (typing in one field during one focus). */
  coalesceKey?: string;
  /** Ids to select after the edit. */
  select?: readonly string[];
};

export type GraphState = {
  document: ProjectDocument | null;
  path: string | null;
  revision: number;
  savedRevision: number;
  past: Snapshot[];
  future: Snapshot[];
  coalesceKey: string | null;
  nodes: FlowNode[];
  edges: FlowEdge[];
  load(document: ProjectDocument, path: string | null, options?: { dirty?: boolean }): void;
  close(): void;
  commit(recipe: (doc: ProjectDocument) => ProjectDocument, options?: CommitOptions): boolean;
  undo(): void;
  redo(): void;
  markSaved(path: string, revision: number): void;
  onNodesChange(changes: NodeChange<FlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void;
  connect(connection: Connection): boolean;
  addScene(position: ops.Position): string | null;
  addGenerationNode(type: GenerationType, position: ops.Position, fromSceneId?: string): string | null;
  updateScene(id: string, patch: Partial<Omit<Scene, 'id'>>, coalesceKey?: string): void;
  applyNodeEdit(id: string, patch: Partial<Omit<GenerationNode, 'id'>>): void;
  renameProject(name: string, coalesceKey?: string): void;
  deleteSelection(): void;
  moveSelection(dx: number, dy: number): void;
  selectAll(): void;
  copy(): ClipboardPayload | null;
  paste(payload: ClipboardPayload): void;
  duplicate(): void;
  autoLayout(): void;
};

let revisionCounter = 0;
function nextRevision(): number {
  revisionCounter += 1;
  return revisionCounter;
}

export function createGraphStore(selection: SelectionStore) {
  const store = createStore<GraphState>()((set, get) => {
    const selectedSet = () => {
      const s = selection.getState();
      return new Set([...s.nodeIds, ...s.edgeIds]);
    };
    const view = (document: ProjectDocument | null) => {
      const sel = selectedSet();
      return { nodes: syncFlowNodes(get().nodes, document, sel), edges: syncFlowEdges(get().edges, document, sel) };
    };
    const exists = (document: ProjectDocument | null) => {
      const ids = document ? ops.allIds(document) : new Set<string>();
      return (id: string) => ids.has(id);
    };

    function replaceDocument(document: ProjectDocument, revision: number, past: Snapshot[], future: Snapshot[], coalesceKey: string | null) {
      set({ document, revision, past, future, coalesceKey, ...view(document) });
      selection.getState().prune(exists(document));
    }

    function selectedNodeIds(): Set<string> {
      return new Set(selection.getState().nodeIds);
    }

    return {
      document: null,
      path: null,
      revision: 0,
      savedRevision: 0,
      past: [],
      future: [],
      coalesceKey: null,
      nodes: [],
      edges: [],

      load(document, path, options = {}) {
        const revision = nextRevision();
        selection.getState().clear();
        set({ path, savedRevision: options.dirty ? -1 : revision, nodes: [], edges: [] });
        replaceDocument(document, revision, [], [], null);
      },

      close() {
        selection.getState().clear();
        set({ document: null, path: null, revision: 0, savedRevision: 0, past: [], future: [], coalesceKey: null, nodes: [], edges: [] });
      },

      commit(recipe, options = {}) {
        const s = get();
        if (!s.document) return false;
        const next = recipe(s.document);
        if (next === s.document) return false;
        const coalesce = options.coalesceKey !== undefined && options.coalesceKey === s.coalesceKey && s.past.length > 0;
        const past = coalesce ? s.past : [...s.past, { document: s.document, revision: s.revision }].slice(-HISTORY_LIMIT);
        if (options.select) selection.getState().select(options.select);
        replaceDocument(next, nextRevision(), past, [], options.coalesceKey ?? null);
        return true;
      },

      undo() {
        const s = get();
        const previous = s.past.at(-1);
        if (!s.document || !previous) return;
        const future = [{ document: s.document, revision: s.revision }, ...s.future];
        replaceDocument(previous.document, previous.revision, s.past.slice(0, -1), future, null);
      },

      redo() {
        const s = get();
        const next = s.future[0];
        if (!s.document || !next) return;
        const past = [...s.past, { document: s.document, revision: s.revision }].slice(-HISTORY_LIMIT);
        replaceDocument(next.document, next.revision, past, s.future.slice(1), null);
      },

      markSaved(path, revision) {
        set({ path, savedRevision: revision });
      },

      onNodesChange(changes) {
        const selectChanges = changes.filter((c) => c.type === 'select');
        if (selectChanges.length > 0) {
          const ids = new Set(selection.getState().nodeIds);
          for (const c of selectChanges) {
            if (c.selected) ids.add(c.id);
            else ids.delete(c.id);
          }
          selection.getState().select([...ids], selection.getState().edgeIds);
        }
        // Drag frames and measurements only move the view; the document changes once, on release.
        const visual = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
        if (visual.length > 0) set({ nodes: applyNodeChanges(visual, get().nodes) });
        const released = new Map<string, ops.Position>();
        for (const c of changes) {
          if (c.type === 'position' && c.dragging === false && c.position) released.set(c.id, ops.snapPosition(c.position));
        }
        if (released.size > 0) get().commit((doc) => ops.setPositions(doc, released));
      },

      onEdgesChange(changes) {
        const selectChanges = changes.filter((c) => c.type === 'select');
        if (selectChanges.length === 0) return;
        const ids = new Set(selection.getState().edgeIds);
        for (const c of selectChanges) {
          if (c.selected) ids.add(c.id);
          else ids.delete(c.id);
        }
        selection.getState().select(selection.getState().nodeIds, [...ids]);
      },

      connect(connection) {
        const doc = get().document;
        if (!doc || !checkConnection(doc, connection.source, connection.target).ok) return false;
        return get().commit((d) => ops.addEdge(d, connection.source, connection.target));
      },

      addScene(position) {
        const doc = get().document;
        if (!doc) return null;
        const id = ops.newSceneId(doc);
        get().commit((d) => ops.addScene(d, position, id), { select: [id] });
        return id;
      },

      addGenerationNode(type, position, fromSceneId) {
        const doc = get().document;
        if (!doc) return null;
        const id = ops.newGenerationNodeId(doc);
        const config = { ...createDefaultNodeConfig(doc.world.settings), generationType: type };
        const count = doc.generationNodes.filter((n) => n.config['generationType'] === type).length + 1;
        const label = `${GENERATION_TYPE_LABELS[type]} ${count}`;
        get().commit(
          (d) => {
            const withNode = ops.addGenerationNode(d, { label, position, config }, id);
            return fromSceneId && checkConnection(withNode, fromSceneId, id).ok ? ops.addEdge(withNode, fromSceneId, id) : withNode;
          },
          { select: [id] },
        );
        return id;
      },

      updateScene(id, patch, coalesceKey) {
        get().commit((d) => ops.updateScene(d, id, patch), coalesceKey === undefined ? {} : { coalesceKey });
      },

      applyNodeEdit(id, patch) {
        get().commit((d) => ops.updateGenerationNode(d, id, patch));
      },

      renameProject(name, coalesceKey) {
        get().commit((d) => (d.name === name ? d : { ...d, name }), coalesceKey === undefined ? {} : { coalesceKey });
      },

      deleteSelection() {
        const sel = selection.getState();
        const ids = new Set([...sel.nodeIds, ...sel.edgeIds]);
        if (ids.size === 0) return;
        get().commit((d) => ops.removeElements(d, ids), { select: [] });
      },

      moveSelection(dx, dy) {
        const ids = selectedNodeIds();
        if (ids.size > 0) get().commit((d) => ops.moveBy(d, ids, dx, dy));
      },

      selectAll() {
        const doc = get().document;
        if (!doc) return;
        selection.getState().select([...doc.scenes.map((s) => s.id), ...doc.generationNodes.map((n) => n.id)], doc.edges.map((e) => e.id));
      },

      copy() {
        const doc = get().document;
        return doc ? copySelection(doc, selectedNodeIds()) : null;
      },

      paste(payload) {
        const doc = get().document;
        if (!doc) return;
        const result = pastePayload(doc, payload);
        get().commit(() => result.document, { select: result.pastedIds });
      },

      duplicate() {
        const payload = get().copy();
        if (payload) get().paste(payload);
      },

      autoLayout() {
        get().commit((d) => ops.setPositions(d, computeAutoLayout(d)));
      },
    };
  });

  // Selection lives in its own store; mirror it into the flow objects React Flow renders.
  selection.subscribe((next, prev) => {
    if (next.nodeIds === prev.nodeIds && next.edgeIds === prev.edgeIds) return;
    const { document, nodes, edges } = store.getState();
    const sel = new Set([...next.nodeIds, ...next.edgeIds]);
    store.setState({ nodes: syncFlowNodes(nodes, document, sel), edges: syncFlowEdges(edges, document, sel) });
  });

  return store;
}

export type GraphStore = ReturnType<typeof createGraphStore>;

export function isDirty(state: Pick<GraphState, 'document' | 'revision' | 'savedRevision'>): boolean {
  return state.document !== null && state.revision !== state.savedRevision;
}
