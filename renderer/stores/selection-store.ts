import { createStore } from 'zustand/vanilla';

// STYLE.md §6: selection has its own store, so node components never read the node list to know it.
// `focusRequest` carries "select this node and focus that field" from the Problems panel to the inspector.

export type FocusRequest = { nodeId: string; path: string | null; nonce: number };

export type SelectionState = {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
  focusRequest: FocusRequest | null;
  select(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
  clear(): void;
  /** Keeps only ids that still exist (after undo, delete or a load). */
  prune(exists: (id: string) => boolean): void;
  requestFocus(nodeId: string, path: string | null): void;
  /** The inspector calls this once it has focused the field, so a later remount does not focus it again. */
  consumeFocus(): void;
};

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export function createSelectionStore() {
  return createStore<SelectionState>()((set, get) => ({
    nodeIds: [],
    edgeIds: [],
    focusRequest: null,
    select(nodeIds, edgeIds = []) {
      const s = get();
      if (sameList(s.nodeIds, nodeIds) && sameList(s.edgeIds, edgeIds)) return;
      set({ nodeIds: [...nodeIds], edgeIds: [...edgeIds] });
    },
    clear() {
      get().select([], []);
    },
    prune(exists) {
      const s = get();
      s.select(s.nodeIds.filter(exists), s.edgeIds.filter(exists));
    },
    requestFocus(nodeId, path) {
      set((s) => ({
        nodeIds: [nodeId],
        edgeIds: [],
        focusRequest: { nodeId, path, nonce: (s.focusRequest?.nonce ?? 0) + 1 },
      }));
    },
    consumeFocus() {
      set({ focusRequest: null });
    },
  }));
}

export type SelectionStore = ReturnType<typeof createSelectionStore>;
