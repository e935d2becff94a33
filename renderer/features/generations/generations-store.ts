import { createStore } from 'zustand/vanilla';
import type { CacheExplanation } from '../../../core/domain/telemetry-shapes';
import type { Generation, GenerationEvent, StatusCounts } from '../../../core/domain/generation';
import type { RequestWorldSettings } from '../../../core/domain/world';
import { errorMessage, invoke, type StudioRpc } from '../shared/rpc-port';
import {
  applyChanged,
  applyCreated,
  applyProgress,
  DEFAULT_PANEL_FILTER,
  PAGE_SIZE,
  toListFilter,
  type PanelFilter,
} from './list-logic';

// The dev panel (studio-ui.md §7): one filtered list, its summary over the whole filter, live updates from
// generations.onDid* events and a 5 s refetch while visible (work done by other processes only shows up by
// reading, engine.md §2.6), plus the detail drawer of the selected generation.

export const REFETCH_MS = 5000;

const EMPTY_COUNTS: StatusCounts = { pending: 0, processing: 0, completed: 0, failed: 0, cancelled: 0 };

export type GenerationDetail = {
  generation: Generation;
  events: GenerationEvent[];
  explanation: CacheExplanation | null;
};

export type GenerationsState = {
  projectId: string | null;
  filter: PanelFilter;
  items: Generation[];
  counts: StatusCounts;
  total: number;
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  detail: GenerationDetail | null;
  detailError: string | null;
  busy: boolean;
  setProject(projectId: string | null): void;
  setFilter(patch: Partial<PanelFilter>): Promise<void>;
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
  select(id: string | null): Promise<void>;
  /** The node drill-down: filter to the node and select its newest generation. */
  drillDown(nodeId: string): Promise<void>;
  retry(id: string, world?: RequestWorldSettings): Promise<Generation | null>;
  cancel(id: string): Promise<void>;
  invalidate(detail: GenerationDetail): Promise<number | null>;
  explain(detail: GenerationDetail): Promise<void>;
  /** Subscribes to live events; returns the unsubscribe. */
  start(): () => void;
  /** Starts or stops the 5 s refetch. */
  setVisible(visible: boolean): void;
};

export function createGenerationsStore(rpc: StudioRpc, notify: (kind: 'success' | 'error', message: string) => void) {
  let timer: ReturnType<typeof setInterval> | null = null;
  let requestSeq = 0;

  return createStore<GenerationsState>()((set, get) => {
    async function fetchPage(limit: number, cursor?: string) {
      const s = get();
      return invoke(rpc, 'generations.list', toListFilter(s.filter, s.projectId, limit, cursor));
    }

    async function reloadDetail(id: string) {
      const [generation, events] = await Promise.all([invoke(rpc, 'generations.get', { id }), invoke(rpc, 'generations.events', { id })]);
      if (get().selectedId !== id) return;
      const previous = get().detail;
      const explanation = previous?.generation.id === id ? previous.explanation : null;
      set({ detail: { generation, events, explanation }, detailError: null });
    }

    function onGeneration(generation: Generation) {
      if (get().selectedId === generation.id) {
        reloadDetail(generation.id).catch((error: unknown) => set({ detailError: errorMessage(error) }));
      }
    }

    return {
      projectId: null,
      filter: DEFAULT_PANEL_FILTER,
      items: [],
      counts: EMPTY_COUNTS,
      total: 0,
      nextCursor: null,
      loading: false,
      error: null,
      selectedId: null,
      detail: null,
      detailError: null,
      busy: false,

      setProject(projectId) {
        if (get().projectId !== projectId) set({ projectId, items: [], nextCursor: null });
      },

      async setFilter(patch) {
        set((s) => ({ filter: { ...s.filter, ...patch } }));
        await get().refresh();
      },

      async refresh() {
        const seq = ++requestSeq;
        // Keep what is loaded: a background refetch must not collapse pages the user scrolled to.
        const limit = Math.min(200, Math.max(PAGE_SIZE, get().items.length));
        set({ loading: true });
        try {
          const page = await fetchPage(limit);
          if (seq !== requestSeq) return;
          set({ items: page.items, counts: page.counts, total: page.total, nextCursor: page.nextCursor, loading: false, error: null });
        } catch (error) {
          if (seq === requestSeq) set({ loading: false, error: errorMessage(error) });
        }
      },

      async loadMore() {
        const { nextCursor, loading } = get();
        if (nextCursor === null || loading) return;
        const seq = ++requestSeq;
        set({ loading: true });
        try {
          const page = await fetchPage(PAGE_SIZE, nextCursor);
          if (seq !== requestSeq) return;
          const known = new Set(get().items.map((g) => g.id));
          set((s) => ({
            items: [...s.items, ...page.items.filter((g) => !known.has(g.id))],
            counts: page.counts,
            total: page.total,
            nextCursor: page.nextCursor,
            loading: false,
            error: null,
          }));
        } catch (error) {
          if (seq === requestSeq) set({ loading: false, error: errorMessage(error) });
        }
      },

      async select(id) {
        set({ selectedId: id, detailError: null, ...(id === null || get().detail?.generation.id !== id ? { detail: null } : {}) });
        if (id === null) return;
        try {
          await reloadDetail(id);
        } catch (error) {
          if (get().selectedId === id) set({ detailError: errorMessage(error) });
        }
      },

      async drillDown(nodeId) {
        await get().setFilter({ nodeId, status: 'all' });
        const newest = get().items[0];
        if (newest) await get().select(newest.id);
      },

      async retry(id, world) {
        set({ busy: true });
        try {
          const answer = await invoke(rpc, 'generations.retry', world ? { id, world } : { id });
          notify('success', `Retry queued as ${answer.generation.id}`);
          await get().refresh();
          await get().select(answer.generation.id);
          return answer.generation;
        } catch (error) {
          notify('error', errorMessage(error));
          return null;
        } finally {
          set({ busy: false });
        }
      },

      async cancel(id) {
        set({ busy: true });
        try {
          await invoke(rpc, 'generations.cancel', { id });
          if (get().selectedId === id) await reloadDetail(id);
        } catch (error) {
          notify('error', errorMessage(error));
        } finally {
          set({ busy: false });
        }
      },

      async invalidate(detail) {
        const { cacheKey, projectId, nodeId } = detail.generation;
        if (cacheKey === null) return null;
        set({ busy: true });
        try {
          const { removed } = await invoke(rpc, 'cache.invalidate', { key: cacheKey, projectId, nodeId });
          notify('success', `Invalidated ${removed} cache ${removed === 1 ? 'entry' : 'entries'} for this node`);
          if (get().detail?.explanation) await get().explain(detail);
          return removed;
        } catch (error) {
          notify('error', errorMessage(error));
          return null;
        } finally {
          set({ busy: false });
        }
      },

      async explain(detail) {
        const { cacheKey, projectId, nodeId } = detail.generation;
        if (cacheKey === null) return;
        try {
          const explanation = await invoke(rpc, 'cache.explain', { key: cacheKey, projectId, nodeId });
          const current = get().detail;
          if (current?.generation.id === detail.generation.id) set({ detail: { ...current, explanation } });
        } catch (error) {
          notify('error', errorMessage(error));
        }
      },

      start() {
        const offs = [
          rpc.on('generations.onDidCreate', ({ generation }) => {
            const s = get();
            set(applyCreated({ items: s.items, counts: s.counts, total: s.total }, generation, s.filter, s.projectId));
          }),
          rpc.on('generations.onDidChangeStatus', ({ generation, from }) => {
            const s = get();
            set(applyChanged({ items: s.items, counts: s.counts, total: s.total }, generation, from, s.filter, s.projectId));
            onGeneration(generation);
          }),
          rpc.on('generations.onDidProgress', ({ generationId, progress }) => {
            set((s) => ({ items: applyProgress(s.items, generationId, progress) }));
          }),
          rpc.on('generations.onDidReuse', ({ generationId }) => {
            if (get().selectedId === generationId) {
              reloadDetail(generationId).catch((error: unknown) => set({ detailError: errorMessage(error) }));
            }
          }),
          rpc.on('generations.onDidClampRating', ({ generationId }) => {
            if (get().selectedId === generationId) {
              reloadDetail(generationId).catch((error: unknown) => set({ detailError: errorMessage(error) }));
            }
          }),
        ];
        return () => {
          for (const off of offs) off();
          get().setVisible(false);
        };
      },

      setVisible(visible) {
        if (visible && timer === null) {
          timer = setInterval(() => void get().refresh(), REFETCH_MS);
        } else if (!visible && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      },
    };
  });
}

export type GenerationsStore = ReturnType<typeof createGenerationsStore>;
