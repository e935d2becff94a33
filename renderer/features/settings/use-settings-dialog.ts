import { useStore } from 'zustand';
import { useFeatureStore } from '../shared/feature-stores';
import { createSettingsDialogStore, type SettingsDialogState, type SettingsDialogStore } from './settings-store';

export function useSettingsDialogApi(): SettingsDialogStore {
  return useFeatureStore('settings', (studio) => createSettingsDialogStore(studio.rpc, studio.session));
}

export function useSettingsDialog<T>(selector: (s: SettingsDialogState) => T): T {
  return useStore(useSettingsDialogApi(), selector);
}
