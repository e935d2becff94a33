import { useStudio } from '../../stores/context';
import type { StudioStores } from '../../stores/create-stores';

// Each feature keeps its own zustand store, created once per studio (so once per RPC client) on first use.
// Keyed by the shell's store bundle, so unit tests that build a fresh bundle get fresh feature stores.

const registry = new WeakMap<StudioStores, Map<string, unknown>>();

export function featureStore<S>(studio: StudioStores, key: string, create: (studio: StudioStores) => S): S {
  let stores = registry.get(studio);
  if (!stores) {
    stores = new Map();
    registry.set(studio, stores);
  }
  if (!stores.has(key)) stores.set(key, create(studio));
  return stores.get(key) as S;
}

export function useFeatureStore<S>(key: string, create: (studio: StudioStores) => S): S {
  return featureStore(useStudio(), key, create);
}

/** Toasts through the shell's notification area (studio-ui.md §1). */
export function notifier(studio: StudioStores) {
  return (kind: 'info' | 'success' | 'warning' | 'error', message: string) => studio.ui.getState().toast(kind, message);
}
