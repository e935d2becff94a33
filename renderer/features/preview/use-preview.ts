import { useStore } from 'zustand';
import { useFeatureStore } from '../shared/feature-stores';
import { createPreviewStore, type PreviewState, type PreviewStore } from './preview-store';

export function usePreviewApi(): PreviewStore {
  return useFeatureStore('preview', (studio) =>
    createPreviewStore({
      rpc: studio.rpc,
      graph: studio.graph,
      session: studio.session,
      toast: (kind, message) => studio.ui.getState().toast(kind, message),
    }),
  );
}

export function usePreview<T>(selector: (s: PreviewState) => T): T {
  return useStore(usePreviewApi(), selector);
}
