import { createStore } from 'zustand/vanilla';
import type { CacheStats, NodeMetrics, ProviderHealth } from '../../../core/domain/telemetry-shapes';
import type { TelemetryWindow } from '../../../core/domain/vocabulary';
import type { MethodOutput } from '../../../core/rpc/contract';

type ProviderTestResult = MethodOutput<'providers.test'>;
import { refreshOnEvents } from '../shared/refresh-on-events';
import { errorMessage, invoke, type StudioRpc } from '../shared/rpc-port';
import type { NodeFilter } from './health-logic';

// studio-ui.md §6: the health view reads telemetry for one window and refreshes on telemetry.onDidUpdate,
// debounced to once per second (telemetry.md §6), and whenever the window changes.

export const REFRESH_DEBOUNCE_MS = 1000;

export type HealthState = {
  projectId: string | null;
  window: TelemetryWindow;
  nodes: NodeMetrics[];
  providers: ProviderHealth[];
  cache: CacheStats | null;
  loaded: boolean;
  loading: boolean;
  error: string | null;
  filter: NodeFilter;
  expanded: Record<string, boolean>;
  tests: Record<string, ProviderTestResult | 'running'>;
  setProject(projectId: string | null): void;
  setWindow(window: TelemetryWindow): Promise<void>;
  setFilter(filter: NodeFilter): void;
  toggleExpanded(nodeId: string, open: boolean): void;
  refresh(): Promise<void>;
  testProvider(id: string): Promise<void>;
  clearCache(): Promise<number | null>;
  start(): () => void;
};

export function createHealthStore(rpc: StudioRpc, notify: (kind: 'success' | 'error', message: string) => void) {
  let seq = 0;
  return createStore<HealthState>()((set, get) => ({
    projectId: null,
    window: '24h',
    nodes: [],
    providers: [],
    cache: null,
    loaded: false,
    loading: false,
    error: null,
    filter: 'all',
    expanded: {},
    tests: {},

    setProject(projectId) {
      if (get().projectId !== projectId) set({ projectId, nodes: [], loaded: false });
    },
    async setWindow(window) {
      set({ window });
      await get().refresh();
    },
    setFilter(filter) {
      set({ filter });
    },
    toggleExpanded(nodeId, open) {
      set((s) => ({ expanded: { ...s.expanded, [nodeId]: open } }));
    },

    async refresh() {
      const mine = ++seq;
      const { window, projectId } = get();
      const scope = projectId ? { projectId } : {};
      set({ loading: true });
      try {
        const [nodes, providers, cache] = await Promise.all([
          projectId ? invoke(rpc, 'telemetry.nodes', { window, projectId }) : Promise.resolve([]),
          invoke(rpc, 'telemetry.providers', { window, ...scope }),
          invoke(rpc, 'telemetry.cache', { window, ...scope }),
        ]);
        if (mine !== seq) return;
        set({ nodes, providers, cache, loaded: true, loading: false, error: null });
      } catch (error) {
        if (mine === seq) set({ loading: false, error: errorMessage(error) });
      }
    },

    async testProvider(id) {
      set((s) => ({ tests: { ...s.tests, [id]: 'running' } }));
      try {
        const result = await invoke(rpc, 'providers.test', { id });
        set((s) => ({ tests: { ...s.tests, [id]: result } }));
        await get().refresh();
      } catch (error) {
        set((s) => {
          const tests = { ...s.tests };
          delete tests[id];
          return { tests };
        });
        notify('error', errorMessage(error));
      }
    },

    async clearCache() {
      const projectId = get().projectId;
      try {
        const { removed } = await invoke(rpc, 'cache.clear', projectId ? { projectId } : {});
        notify('success', `Cleared ${removed} cache ${removed === 1 ? 'entry' : 'entries'}`);
        await get().refresh();
        return removed;
      } catch (error) {
        notify('error', errorMessage(error));
        return null;
      }
    },

    start() {
      return refreshOnEvents(rpc, ['telemetry.onDidUpdate', 'cache.onDidWrite', 'cache.onDidInvalidate'], REFRESH_DEBOUNCE_MS, () => {
        void get().refresh();
      });
    },
  }));
}

export type HealthStore = ReturnType<typeof createHealthStore>;
