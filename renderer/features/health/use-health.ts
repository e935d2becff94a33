import { useStore } from 'zustand';
import { notifier, useFeatureStore } from '../shared/feature-stores';
import { createHealthStore, type HealthState, type HealthStore } from './health-store';

export function useHealthApi(): HealthStore {
  return useFeatureStore('health', (studio) => createHealthStore(studio.rpc, notifier(studio)));
}

export function useHealth<T>(selector: (s: HealthState) => T): T {
  return useStore(useHealthApi(), selector);
}
