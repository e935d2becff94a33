import type { Generation } from '../../../../core/domain/generation';
import { createEmptyProject, type ProjectDocument } from '../../../../core/domain/project-document';
import type { NodeMetrics, ProviderHealth, CacheStats } from '../../../../core/domain/telemetry-shapes';

export const PROJECT_ID = '7f1c2a9e-4b7d-4c1e-9a3b-2d5e6f708192';
export const NOW = '2026-11-25T12:00:00.000Z';

/** A small document: two scenes, a transition node between them with NPC 7, a dialogue node, two NPCs, a preset. */
export function sampleDocument(): ProjectDocument {
  const doc = createEmptyProject({ name: 'Harbor test', now: NOW, projectId: PROJECT_ID });
  return {
    ...doc,
    scenes: [
      { id: 'scene-a', title: 'Kitchen', mood: 'tense', position: { x: 0, y: 0 } },
      { id: 'scene-b', title: 'River', position: { x: 400, y: 0 } },
    ],
    generationNodes: [
      {
        id: 'gen-t',
        label: 'Walk out',
        position: { x: 200, y: 0 },
        config: {
          generationType: 'transition',
          purpose: 'gap_fill',
          strategy: 'per_playthrough',
          fallback: { mode: 'placeholder', timeoutMs: 30000 },
          enabled: true,
          version: 3,
          socialContext: { npcIds: [7] },
        },
      },
      {
        id: 'gen-d',
        label: 'Chat',
        position: { x: 200, y: 200 },
        config: { generationType: 'dialogue', purpose: 'variation', strategy: 'once', fallback: { mode: 'skip' }, enabled: true, version: 1 },
      },
    ],
    edges: [
      { id: 'edge-1', source: 'scene-a', target: 'gen-t' },
      { id: 'edge-2', source: 'gen-t', target: 'scene-b' },
    ],
    npcs: [
      { id: 7, name: 'Mara', presets: [] },
      { id: 9, name: 'Ilse', presets: [] },
    ],
    playthroughPresets: [
      {
        id: 'preset-flirt',
        name: 'Flirting',
        playthroughId: 'pt-flirt',
        playerId: 'player-1',
        npcValues: { '7': { affinity: 45, chemistry: 52, trust: 25, tension: 30 } },
      },
    ],
  };
}

let counter = 0;

export function makeGeneration(overrides: Partial<Generation> = {}): Generation {
  counter += 1;
  const id = overrides.id ?? `g${String(counter).padStart(6, '0')}`;
  return {
    id,
    projectId: PROJECT_ID,
    nodeId: 'gen-t',
    worldId: 'world-main',
    providerId: 'local-preview',
    operation: 'video_transition',
    generationType: 'transition',
    purpose: 'gap_fill',
    strategy: 'per_playthrough',
    priority: 5,
    preview: false,
    request: {},
    canonicalParams: { prompt: 'A walk', seed: 1 },
    inputs: [],
    hash: 'a'.repeat(64),
    cacheKey: 'generation:video_transition|gap_fill|scene-a|scene-b|per_playthrough|pt:pt-1|r:sfw|v3',
    seed: 1,
    finalPrompt: 'A walk by the river',
    promptSource: 'default',
    promptVersionId: null,
    socialContext: null,
    playthroughId: 'pt-1',
    playerId: 'player-1',
    parentGenerationId: null,
    retryCount: 0,
    estimatedCostUsd: 0,
    createdAt: NOW,
    status: 'completed',
    updatedAt: NOW,
    startedAt: NOW,
    completedAt: NOW,
    durationMs: 1234,
    queueMs: 10,
    attemptCount: 1,
    providerJobId: null,
    progress: 1,
    result: { origin: 'provider', kind: 'image', mediaType: 'image/svg+xml', mediaSha256: 'b'.repeat(64) },
    errorCode: null,
    errorClass: null,
    errorMessage: null,
    costUsd: 0,
    tokensIn: null,
    tokensOut: null,
    costSource: 'none',
    ...overrides,
  };
}

export function counts(c: Partial<Record<Generation['status'], number>> = {}) {
  return { pending: 0, processing: 0, completed: 0, failed: 0, cancelled: 0, ...c };
}

const latency = { count: 0, p50: null, p95: null, p99: null };

export function providerHealth(overrides: Partial<ProviderHealth> = {}): ProviderHealth {
  return {
    providerId: 'local-preview',
    window: '24h',
    total: 0,
    completed: 0,
    failed: 0,
    cancelled: 0,
    successRate: null,
    latencyMs: latency,
    queueMs: latency,
    tokensIn: 0,
    tokensOut: 0,
    costUsd: 0,
    avgCostUsd: null,
    fallbacks: 0,
    inFlight: { pending: 0, processing: 0 },
    errors: [],
    status: 'idle',
    lastTest: null,
    ...overrides,
  };
}

export function nodeMetrics(overrides: Partial<NodeMetrics> = {}): NodeMetrics {
  return {
    projectId: PROJECT_ID,
    nodeId: 'gen-t',
    window: '24h',
    total: 0,
    completed: 0,
    failed: 0,
    cancelled: 0,
    successRate: null,
    latencyMs: latency,
    costUsd: 0,
    cache: { hits: 0, misses: 0, stale: 0, hitRate: null },
    dedupHits: 0,
    last: null,
    ...overrides,
  };
}

export function cacheStats(overrides: Partial<CacheStats> = {}): CacheStats {
  return {
    window: '24h',
    hits: 0,
    misses: 0,
    stale: 0,
    hitRate: null,
    dedupHits: 0,
    inFlightJoins: 0,
    entries: 0,
    entriesByStrategy: { once: 0, per_playthrough: 0, per_player: 0 },
    oldestWrittenAt: null,
    newestWrittenAt: null,
    ...overrides,
  };
}
