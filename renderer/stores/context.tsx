import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StudioStores } from './create-stores';
import type { EditorState } from './editor-store';
import type { GraphState } from './graph-store';
import type { ProblemsState } from './problems-store';
import type { RunState } from './run-store';
import type { SelectionState } from './selection-store';
import type { SessionState } from './session-store';
import type { UiState } from './ui-store';

const StoresContext = createContext<StudioStores | null>(null);

export function StoresProvider({ stores, children }: { stores: StudioStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

/** The store objects themselves, for event handlers (`getState()`), never for rendering. */
export function useStudio(): StudioStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStudio must be used inside <StoresProvider>');
  return stores;
}

export function useGraphStore<T>(selector: (s: GraphState) => T): T {
  return useStore(useStudio().graph, selector);
}
export function useSelectionStore<T>(selector: (s: SelectionState) => T): T {
  return useStore(useStudio().selection, selector);
}
export function useRunStore<T>(selector: (s: RunState) => T): T {
  return useStore(useStudio().run, selector);
}
export function useUiStore<T>(selector: (s: UiState) => T): T {
  return useStore(useStudio().ui, selector);
}
export function useSessionStore<T>(selector: (s: SessionState) => T): T {
  return useStore(useStudio().session, selector);
}
export function useProblemsStore<T>(selector: (s: ProblemsState) => T): T {
  return useStore(useStudio().problems, selector);
}
export function useEditorStore<T>(selector: (s: EditorState) => T): T {
  return useStore(useStudio().editor, selector);
}
