import { createStore } from 'zustand/vanilla';
import type { ProviderListItem } from '../../core/rpc/provider-shapes';
import { DEFAULT_STUDIO_SETTINGS, type StudioSettings } from '../../core/rpc/settings';
import type { AppInfo } from '../../core/rpc/studio-shapes';
import type { StudioRpc } from '../rpc/rpc-types';

// What the host tells the renderer about itself: app info, settings (the user's content caps), configured
// providers and the connection state. Loaded once at start-up, kept fresh by events.

export type AppState = 'loading' | 'ready' | 'error';

export type SessionState = {
  appState: AppState;
  startupError: string | null;
  info: AppInfo | null;
  settings: StudioSettings;
  providers: ProviderListItem[];
  connected: boolean;
  noticesDismissed: boolean;
  start(): Promise<void>;
  setConnected(connected: boolean): void;
  dismissNotices(): void;
  refreshProviders(): Promise<void>;
};

export function createSessionStore(rpc: StudioRpc) {
  return createStore<SessionState>()((set) => ({
    appState: 'loading',
    startupError: null,
    info: null,
    settings: DEFAULT_STUDIO_SETTINGS,
    providers: [],
    connected: true,
    noticesDismissed: false,

    async start() {
      rpc.on('settings.onDidChange', ({ settings }) => set({ settings }));
      rpc.on('providers.onDidChange', ({ providers }) => set({ providers }));
      const [info, settings, providers] = await Promise.all([
        rpc.call('app.info', {}),
        rpc.call('settings.get', {}),
        rpc.call('providers.list', {}),
      ]);
      if (!info.ok) {
        set({ appState: 'error', startupError: info.error.message });
        return;
      }
      set({
        info: info.result,
        settings: settings.ok ? settings.result : DEFAULT_STUDIO_SETTINGS,
        providers: providers.ok ? providers.result : [],
        appState: 'ready',
      });
    },
    setConnected(connected) {
      set({ connected });
    },
    dismissNotices() {
      set({ noticesDismissed: true });
    },
    async refreshProviders() {
      const reply = await rpc.call('providers.list', {});
      if (reply.ok) set({ providers: reply.result });
    },
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
