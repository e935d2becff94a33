import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHealthStore, REFRESH_DEBOUNCE_MS } from '../../../../renderer/features/health/health-store';
import { createFakeRpc } from './fake-rpc';
import { cacheStats, nodeMetrics, PROJECT_ID, providerHealth } from './fixtures';

function setup() {
  const fake = createFakeRpc();
  fake.handle('telemetry.nodes', (input) => [nodeMetrics({ window: input.window })]);
  fake.handle('telemetry.providers', (input) => [providerHealth({ window: input.window })]);
  fake.handle('telemetry.cache', (input) => cacheStats({ window: input.window }));
  const toasts: string[] = [];
  const store = createHealthStore(fake.rpc, (_kind, message) => toasts.push(message));
  return { fake, store, toasts };
}

afterEach(() => vi.useRealTimers());

describe('health store (telemetry.md §6)', () => {
  it('reads every figure for the selected window and project', async () => {
    const { fake, store } = setup();
    store.getState().setProject(PROJECT_ID);
    await store.getState().setWindow('7d');
    expect(fake.callsOf('telemetry.nodes').at(-1)).toEqual({ window: '7d', projectId: PROJECT_ID });
    expect(fake.callsOf('telemetry.providers').at(-1)).toEqual({ window: '7d', projectId: PROJECT_ID });
    expect(store.getState().providers[0]?.window).toBe('7d');
    expect(store.getState().cache?.window).toBe('7d');
  });

  it('refreshes once per second at most on telemetry.onDidUpdate', async () => {
    vi.useFakeTimers();
    const { fake, store } = setup();
    const stop = store.getState().start();
    for (let i = 0; i < 5; i++) fake.emit('telemetry.onDidUpdate', { providerId: 'local-preview', operation: 'text_generation', projectId: PROJECT_ID, nodeId: 'gen-d' });
    await vi.advanceTimersByTimeAsync(REFRESH_DEBOUNCE_MS - 1);
    expect(fake.callsOf('telemetry.providers')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.callsOf('telemetry.providers')).toHaveLength(1);
    stop();
    fake.emit('telemetry.onDidUpdate', { providerId: 'local-preview', operation: 'text_generation', projectId: PROJECT_ID, nodeId: 'gen-d' });
    await vi.advanceTimersByTimeAsync(REFRESH_DEBOUNCE_MS * 2);
    expect(fake.callsOf('telemetry.providers')).toHaveLength(1);
  });

  it('tests a provider, keeps its answer and re-reads health', async () => {
    const { fake, store } = setup();
    fake.handle('providers.test', () => ({ ok: true, latencyMs: 3, message: 'Local preview is always available', warnings: [] }));
    await store.getState().testProvider('local-preview');
    expect(store.getState().tests['local-preview']).toMatchObject({ ok: true });
    expect(fake.callsOf('telemetry.providers')).toHaveLength(1);
  });

  it('clears the project cache and says how much went', async () => {
    const { fake, store, toasts } = setup();
    fake.handle('cache.clear', () => ({ removed: 3 }));
    store.getState().setProject(PROJECT_ID);
    expect(await store.getState().clearCache()).toBe(3);
    expect(fake.callsOf('cache.clear')).toEqual([{ projectId: PROJECT_ID }]);
    expect(toasts).toEqual(['Cleared 3 cache entries']);
  });
});
