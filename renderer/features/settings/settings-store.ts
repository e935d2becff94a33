import { createStore } from 'zustand/vanilla';
import type { ProviderConfig } from '../../../core/domain/provider-config';
import type { MethodOutput } from '../../../core/rpc/contract';
import type { ProviderListItem } from '../../../core/rpc/provider-shapes';
import type { StudioSettings, StudioSettingsPatch } from '../../../core/rpc/settings';
import type { SessionStore } from '../../stores/session-store';
import { errorMessage, invoke, type StudioRpc } from '../shared/rpc-port';

// studio-ui.md §10, settings: preferences go to settings.update (the host validates and deep-merges them);
// providers go through providers.* (engine.md §2.5). Keys are write-only: the renderer only ever learns
// whether one is set, and whether the host could persist it (providers.md §6).

type TestResult = MethodOutput<'providers.test'>;

export type SettingsDialogState = {
  error: string | null;
  saving: boolean;
  tests: Record<string, TestResult | 'running'>;
  /** Per provider: false when the host keeps the key for this session only. */
  persisted: Record<string, boolean>;
  update(patch: StudioSettingsPatch): Promise<boolean>;
  configure(config: ProviderConfig): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  test(id: string): Promise<void>;
  setSecret(id: string, secret: string): Promise<boolean>;
  clearSecret(id: string): Promise<void>;
};

/** rpc.md §4: a patch is deep-merged one level down (user, health), like the host does. */
export function mergeSettings(settings: StudioSettings, patch: StudioSettingsPatch): StudioSettings {
  return {
    ...settings,
    ...(patch.autosaveIntervalSec !== undefined ? { autosaveIntervalSec: patch.autosaveIntervalSec } : {}),
    ...(patch.theme !== undefined ? { theme: patch.theme } : {}),
    user: { ...settings.user, ...patch.user },
    health: { ...settings.health, ...patch.health },
  };
}

/** The config part of a list item: what providers.configure takes back (never hasSecret or capabilities). */
export function configOf(item: ProviderListItem): ProviderConfig {
  const { hasSecret: _hasSecret, capabilities: _capabilities, ...config } = item;
  return config as ProviderConfig;
}

export function createSettingsDialogStore(rpc: StudioRpc, session: SessionStore) {
  return createStore<SettingsDialogState>()((set) => {
    async function run<T>(work: () => Promise<T>): Promise<T | null> {
      set({ saving: true, error: null });
      try {
        const result = await work();
        set({ saving: false });
        return result;
      } catch (error) {
        set({ saving: false, error: errorMessage(error) });
        return null;
      }
    }
    const providersChanged = (providers: ProviderListItem[]) => session.setState({ providers });

    return {
      error: null,
      saving: false,
      tests: {},
      persisted: {},

      async update(patch) {
        // Shown at once (controls stay responsive); the host's merged answer replaces it, a refusal restores it.
        const previous = session.getState().settings;
        session.setState({ settings: mergeSettings(previous, patch) });
        const settings = await run(() => invoke(rpc, 'settings.update', { patch }));
        session.setState({ settings: settings ?? previous });
        return settings !== null;
      },
      async configure(config) {
        const providers = await run(() => invoke(rpc, 'providers.configure', { config }));
        if (providers) providersChanged(providers);
        return providers !== null;
      },
      async remove(id) {
        const providers = await run(() => invoke(rpc, 'providers.configure', { remove: id }));
        if (providers) providersChanged(providers);
        return providers !== null;
      },
      async test(id) {
        set((s) => ({ tests: { ...s.tests, [id]: 'running' } }));
        try {
          const result = await invoke(rpc, 'providers.test', { id });
          set((s) => ({ tests: { ...s.tests, [id]: result } }));
        } catch (error) {
          set((s) => ({ tests: { ...s.tests, [id]: { ok: false, latencyMs: 0, message: errorMessage(error), warnings: [] } } }));
        }
      },
      async setSecret(id, secret) {
        const status = await run(() => invoke(rpc, 'providers.setSecret', { id, secret }));
        if (!status) return false;
        set((s) => ({ persisted: { ...s.persisted, [id]: status.persisted } }));
        await session.getState().refreshProviders();
        return true;
      },
      async clearSecret(id) {
        const status = await run(() => invoke(rpc, 'providers.clearSecret', { id }));
        if (!status) return;
        set((s) => {
          const persisted = { ...s.persisted };
          delete persisted[id];
          return { persisted };
        });
        await session.getState().refreshProviders();
      },
    };
  });
}

export type SettingsDialogStore = ReturnType<typeof createSettingsDialogStore>;
