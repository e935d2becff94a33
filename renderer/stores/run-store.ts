import { createStore } from 'zustand/vanilla';
import type { Generation } from '../../core/domain/generation';
import type { GenerationSource, GenerationStatus } from '../../core/domain/vocabulary';
import type { StudioRpc } from '../rpc/rpc-types';

// Per-node run state fed by generations.onDid* events (STYLE.md §6). Each update replaces one node's entry,
// so only that node's badge re-renders. The statusbar's queue counts come from the same events.

export type NodeRun = {
  generationId: string;
  status: GenerationStatus;
  progress: number | null;
  source: GenerationSource | null;
  fallback: boolean;
  clamped: boolean;
  result: Generation['result'];
  /** What the last generation was made from, for the editor's "output-shaping settings changed" hint. */
  hash: string;
  cacheKey: string | null;
  playthroughId: string | null;
  playerId: string | null;
};

export type RunState = {
  byNode: Record<string, NodeRun>;
  statusByGeneration: Record<string, GenerationStatus>;
  nodeByGeneration: Record<string, string>;
  queue: { pending: number; processing: number };
  start(): () => void;
  reset(): void;
};

function countQueue(statuses: Record<string, GenerationStatus>) {
  let pending = 0;
  let processing = 0;
  for (const status of Object.values(statuses)) {
    if (status === 'pending') pending += 1;
    else if (status === 'processing') processing += 1;
  }
  return { pending, processing };
}

export function createRunStore(rpc: StudioRpc) {
  return createStore<RunState>()((set, get) => {
    function track(generation: Generation, source: GenerationSource | null) {
      const s = get();
      const previous = s.byNode[generation.nodeId];
      const statusByGeneration = { ...s.statusByGeneration, [generation.id]: generation.status };
      const run: NodeRun = {
        generationId: generation.id,
        status: generation.status,
        progress: generation.progress,
        source: source ?? (previous?.generationId === generation.id ? previous.source : null),
        fallback: generation.result?.origin === 'fallback',
        clamped: generation.socialContext?.ratingClamped === true,
        result: generation.result,
        hash: generation.hash,
        cacheKey: generation.cacheKey,
        playthroughId: generation.playthroughId,
        playerId: generation.playerId,
      };
      set({
        byNode: { ...s.byNode, [generation.nodeId]: run },
        statusByGeneration,
        nodeByGeneration: { ...s.nodeByGeneration, [generation.id]: generation.nodeId },
        queue: countQueue(statusByGeneration),
      });
    }

    function patchByGeneration(generationId: string, patch: Partial<NodeRun>) {
      const s = get();
      const nodeId = s.nodeByGeneration[generationId];
      const run = nodeId ? s.byNode[nodeId] : undefined;
      if (!nodeId || !run || run.generationId !== generationId) return;
      set({ byNode: { ...s.byNode, [nodeId]: { ...run, ...patch } } });
    }

    return {
      byNode: {},
      statusByGeneration: {},
      nodeByGeneration: {},
      queue: { pending: 0, processing: 0 },
      start() {
        const offs = [
          rpc.on('generations.onDidCreate', ({ generation }) => track(generation, 'created')),
          rpc.on('generations.onDidChangeStatus', ({ generation }) => track(generation, null)),
          rpc.on('generations.onDidProgress', ({ generationId, progress }) => patchByGeneration(generationId, { progress })),
          rpc.on('generations.onDidReuse', ({ generationId, why }) => patchByGeneration(generationId, { source: why.source })),
          rpc.on('generations.onDidClampRating', ({ generationId }) => patchByGeneration(generationId, { clamped: true })),
          rpc.on('generations.onDidApplyFallback', ({ generationId }) => patchByGeneration(generationId, { fallback: true })),
        ];
        return () => offs.forEach((off) => off());
      },
      reset() {
        set({ byNode: {}, statusByGeneration: {}, nodeByGeneration: {}, queue: { pending: 0, processing: 0 } });
      },
    };
  });
}

export type RunStore = ReturnType<typeof createRunStore>;
