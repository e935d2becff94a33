import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GenerationFilter } from '../../../../core/domain/generation';
import { createGenerationsStore, REFETCH_MS } from '../../../../renderer/features/generations/generations-store';
import { createFakeRpc, FakeRpcError } from './fake-rpc';
import { counts, makeGeneration, PROJECT_ID } from './fixtures';

function setup() {
  const fake = createFakeRpc();
  const toasts: Array<[string, string]> = [];
  const store = createGenerationsStore(fake.rpc, (kind, message) => toasts.push([kind, message]));
  return { fake, store, toasts };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('generations store (studio-ui.md §7)', () => {
  it('shows the summary from list().counts, over the whole filter rather than the loaded page', async () => {
    const { fake, store } = setup();
    const page = [makeGeneration(), makeGeneration()];
    fake.handle('generations.list', () => ({ items: page, nextCursor: 'c2', total: 120, counts: counts({ completed: 100, failed: 20 }) }));
    store.getState().setProject(PROJECT_ID);
    await store.getState().refresh();
    expect(store.getState().items).toHaveLength(2);
    expect(store.getState().counts).toEqual(counts({ completed: 100, failed: 20 }));
    expect(store.getState().total).toBe(120);
    expect(fake.callsOf('generations.list')[0]).toEqual({ limit: 50, projectId: PROJECT_ID });
  });

  it('loads the next page with the cursor and appends it', async () => {
    const { fake, store } = setup();
    const first = makeGeneration();
    const second = makeGeneration();
    fake.handle('generations.list', (input: GenerationFilter) =>
      input.cursor === 'c2'
        ? { items: [second], nextCursor: null, total: 2, counts: counts({ completed: 2 }) }
        : { items: [first], nextCursor: 'c2', total: 2, counts: counts({ completed: 2 }) },
    );
    await store.getState().refresh();
    await store.getState().loadMore();
    expect(store.getState().items.map((g) => g.id)).toEqual([first.id, second.id]);
    expect(store.getState().nextCursor).toBeNull();
  });

  it('updates rows live from events', async () => {
    const { fake, store } = setup();
    fake.handle('generations.list', () => ({ items: [], nextCursor: null, total: 0, counts: counts() }));
    store.getState().setProject(PROJECT_ID);
    await store.getState().refresh();
    const stop = store.getState().start();
    const g = makeGeneration({ status: 'pending', progress: null, durationMs: null });
    fake.emit('generations.onDidCreate', { generation: g });
    expect(store.getState().items.map((x) => x.status)).toEqual(['pending']);
    fake.emit('generations.onDidChangeStatus', { generation: { ...g, status: 'processing' }, from: 'pending', to: 'processing' });
    fake.emit('generations.onDidProgress', { generationId: g.id, progress: 0.5 });
    expect(store.getState().items[0]).toMatchObject({ status: 'processing', progress: 0.5 });
    expect(store.getState().counts).toEqual(counts({ processing: 1 }));
    stop();
    expect(fake.listenerCount('generations.onDidCreate')).toBe(0);
  });

  it('refetches every 5 s while visible, and stops when hidden', async () => {
    vi.useFakeTimers();
    const { fake, store } = setup();
    fake.handle('generations.list', () => ({ items: [], nextCursor: null, total: 0, counts: counts() }));
    store.getState().setVisible(true);
    await vi.advanceTimersByTimeAsync(REFETCH_MS * 2);
    expect(fake.callsOf('generations.list')).toHaveLength(2);
    store.getState().setVisible(false);
    await vi.advanceTimersByTimeAsync(REFETCH_MS * 3);
    expect(fake.callsOf('generations.list')).toHaveLength(2);
  });

  it('opens the drawer with the record and its timeline, and explains its cache key', async () => {
    const { fake, store } = setup();
    const g = makeGeneration();
    fake.handle('generations.get', () => g);
    fake.handle('generations.events', () => [{ seq: 1, type: 'generation.created', at: g.createdAt, data: {} }]);
    fake.handle('cache.explain', (input) => ({
      key: input.key,
      parsed: { operation: 'video_transition', purpose: 'gap_fill', fromSceneId: 'scene-a', toSceneId: 'scene-b', strategy: 'per_playthrough', version: 3 },
      ttlSeconds: 7776000,
      entries: [],
    }));
    await store.getState().select(g.id);
    const detail = store.getState().detail;
    expect(detail?.events).toHaveLength(1);
    await store.getState().explain(detail!);
    expect(store.getState().detail?.explanation?.ttlSeconds).toBe(7776000);
    expect(fake.callsOf('cache.explain')[0]).toEqual({ key: g.cacheKey, projectId: g.projectId, nodeId: g.nodeId });
  });

  it('invalidates the cache key for the node and reports how many entries went', async () => {
    const { fake, store, toasts } = setup();
    const g = makeGeneration();
    fake.handle('cache.invalidate', () => ({ removed: 1 }));
    const removed = await store.getState().invalidate({ generation: g, events: [], explanation: null });
    expect(removed).toBe(1);
    expect(fake.callsOf('cache.invalidate')[0]).toEqual({ key: g.cacheKey, projectId: g.projectId, nodeId: g.nodeId });
    expect(toasts).toEqual([['success', 'Invalidated 1 cache entry for this node']]);
  });

  it('shows the message of a refused retry', async () => {
    const { fake, store, toasts } = setup();
    fake.handle('generations.retry', () => {
      throw new FakeRpcError('GEN_RETRY_LIMIT', 'This generation was already retried 10 times.');
    });
    expect(await store.getState().retry('g1')).toBeNull();
    expect(toasts).toEqual([['error', 'This generation was already retried 10 times.']]);
  });
});
