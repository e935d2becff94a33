import { useStore } from 'zustand';
import { useFeatureStore } from '../shared/feature-stores';
import { createPromptLibraryStore, type PromptLibraryState, type PromptLibraryStore } from './prompt-library-store';

export function usePromptLibraryApi(): PromptLibraryStore {
  return useFeatureStore('prompts', (studio) => createPromptLibraryStore({ rpc: studio.rpc, graph: studio.graph }));
}

export function usePromptLibrary<T>(selector: (s: PromptLibraryState) => T): T {
  return useStore(usePromptLibraryApi(), selector);
}
