import type { StudioRpc } from '../../../../renderer/rpc/rpc-types';
import { createEmptyProject, type ProjectDocument } from '../../../../core/domain/project-document';
import { DEFAULT_STUDIO_SETTINGS } from '../../../../core/rpc/settings';

// An in-process stand-in for the RPC client, for store unit tests only (the e2e suite uses the real host).
type Handler = (input: unknown) => unknown;

export function createFakeRpc(handlers: Record<string, Handler> = {}) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Array<{ method: string; input: unknown }> = [];
  const defaults: Record<string, Handler> = {
    'app.info': () => ({ version: 'test', transport: 'in-process', dataDir: '/data', platform: 'linux', startupNotices: [] }),
    'settings.get': () => DEFAULT_STUDIO_SETTINGS,
    'providers.list': () => [],
  };
  const rpc = {
    async call(method: string, input: unknown) {
      calls.push({ method, input });
      const handler = handlers[method] ?? defaults[method];
      if (!handler) return { ok: false, error: { code: 'GEN_RPC_UNKNOWN_METHOD', message: `No fake for ${method}` } };
      return { ok: true, result: handler(input) };
    },
    on(event: string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  } as unknown as StudioRpc;
  return {
    rpc,
    calls,
    emit(event: string, payload: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

export function emptyDocument(): ProjectDocument {
  return createEmptyProject({ name: 'Test', now: '2026-01-01T00:00:00.000Z', projectId: '3b241101-e2bb-4255-8caf-4136c566a962' });
}
