// A small engine stand-in for host and transport unit tests: canned records, recorded calls and an event bus.
// Integration and e2e suites use the real engine (openEngine).
import type { Generation } from '../../../../core/domain/generation';
import type { HostEngine, HostEngineEvent } from '../../../../core/host/host-engine';

export function sampleGeneration(overrides: Partial<Generation> = {}): Generation {
  return {
    id: 'gen_01HZZZZZZZZZZZZZZZZZZZZZZZ',
    projectId: '0b7e9c1a-3d2f-4e5a-8b6c-7d8e9f0a1b2c',
    nodeId: 'gen-storm',
    worldId: 'world-harbor',
    providerId: 'local-preview',
    operation: 'video_transition',
    generationType: 'transition',
    purpose: 'gap_fill',
    strategy: 'once',
    priority: 5,
    preview: false,
    request: {},
    canonicalParams: {},
    inputs: [],
    hash: 'a'.repeat(64),
    cacheKey: null,
    seed: 7,
    finalPrompt: 'Show the passage.',
    promptSource: 'inline',
    promptVersionId: null,
    socialContext: null,
    playthroughId: null,
    playerId: null,
    parentGenerationId: null,
    retryCount: 0,
    estimatedCostUsd: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    status: 'pending',
    updatedAt: '2026-01-01T00:00:00.000Z',
    startedAt: null,
    completedAt: null,
    durationMs: null,
    queueMs: null,
    attemptCount: 0,
    providerJobId: null,
    progress: null,
    result: null,
    errorCode: null,
    errorClass: null,
    errorMessage: null,
    costUsd: null,
    tokensIn: null,
    tokensOut: null,
    costSource: 'none',
    ...overrides,
  };
}

const why = {
  source: 'created' as const,
  reason: 'new' as const,
  hash: 'a'.repeat(64),
  cacheKey: null,
  dedupScope: { projectId: 'p', providerId: 'local-preview', operation: 'video_transition' },
  matchedGenerationId: null,
  cacheEntry: null,
  skipped: [],
  ratingClamped: false,
  message: 'New generation.',
};

export type FakeEngine = HostEngine & { calls: Array<{ method: string; args: unknown[] }>; publish(event: HostEngineEvent): void; generation: Generation };

export function createFakeEngine(): FakeEngine {
  const calls: FakeEngine['calls'] = [];
  const listeners = new Set<(event: HostEngineEvent) => void>();
  const record = (method: string, ...args: unknown[]) => calls.push({ method, args });
  const engine: FakeEngine = {
    calls,
    generation: sampleGeneration(),
    publish(event) {
      for (const listener of listeners) listener(event);
    },
    generations: {
      create: async (request) => (record('generations.create', request), { generation: engine.generation, why }),
      get: async (id) => (record('generations.get', id), { ...engine.generation, id }),
      list: async (filter) => (record('generations.list', filter), { items: [], nextCursor: null, total: 0, counts: { pending: 0, processing: 0, completed: 0, failed: 0, cancelled: 0 } }),
      cancel: async (id) => (record('generations.cancel', id), { ...engine.generation, id, status: 'cancelled' }),
      retry: async (id, options) => (record('generations.retry', id, options), { generation: engine.generation, why }),
      validate: async (request) => {
        record('generations.validate', request);
        throw new Error('validate is not scripted');
      },
      events: async (id) => (record('generations.events', id), []),
    },
    prompts: {
      resolve: async (request) => (record('prompts.resolve', request), { text: 't', versionId: null, source: 'inline', boundVariables: {} }),
      usage: async (input) => (record('prompts.usage', input), []),
    },
    telemetry: {
      providers: async () => [],
      operations: async () => [],
      nodes: async () => [],
      cache: async () => {
        throw new Error('telemetry.cache is not scripted');
      },
      errors: async (input) => ({ window: input.window, items: [], summary: [] }),
    },
    cache: {
      stats: async () => {
        throw new Error('cache.stats is not scripted');
      },
      explain: async () => {
        throw new Error('cache.explain is not scripted');
      },
      invalidate: async () => ({ removed: 0 }),
      clear: async () => ({ removed: 0 }),
    },
    providers: {
      list: async () => [{ id: 'local-preview', kind: 'local-preview', hasSecret: false, capabilities: { operations: ['text_generation'], poll: false, cancel: false, reportsCost: false } }],
      configure: async (input) => (record('providers.configure', input), engine.providers.list()),
      test: async (id) => (record('providers.test', id), { ok: true, latencyMs: 1, message: 'ok', warnings: [] }),
      setSecret: async (input) => (record('providers.setSecret', { id: input.id }), { hasSecret: true, persisted: false }),
      clearSecret: async (input) => (record('providers.clearSecret', input), { hasSecret: false, persisted: false }),
    },
    events: {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    startupNotices: [],
  };
  return engine;
}
