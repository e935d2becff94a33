import { useStore } from 'zustand';
import { notifier, useFeatureStore } from '../shared/feature-stores';
import { createGenerationsStore, type GenerationsState, type GenerationsStore } from './generations-store';

export function useGenerationsStoreApi(): GenerationsStore {
  return useFeatureStore('generations', (studio) => createGenerationsStore(studio.rpc, notifier(studio)));
}

export function useGenerations<T>(selector: (s: GenerationsState) => T): T {
  return useStore(useGenerationsStoreApi(), selector);
}
