import { createStore } from 'zustand/vanilla';
import type { Generation, GenerationWhy } from '../../../core/domain/generation';
import type { CreateGenerationRequest } from '../../../core/domain/request';
import { PREVIEW_GENERATION_PRIORITY } from '../../../core/domain/request';
import { isTerminalStatus } from '../../../core/domain/vocabulary';
import { validateGenerationNode } from '../../../core/validation';
import { buildCreateRequest } from '../../graph/build-request';
import { buildValidationContext } from '../../graph/validation-context';
import type { GraphStore } from '../../stores/graph-store';
import type { SessionStore } from '../../stores/session-store';
import { errorMessage, invoke, type StudioRpc } from '../shared/rpc-port';
import {
  completeContext,
  firstBlockingError,
  initialValues,
  needsMatureConfirmation,
  npcIdsOf,
  schemaOf,
  type PreviewContext,
} from './preview-logic';

// studio-ui.md §5: the preview's test context per node, and one preview run per node: validate, confirm
// mature content when asked to, create with preview: true and priority 2, follow events, show the why.

export type PreviewRun = {
  generationId: string | null;
  phase: 'checking' | 'running' | 'done' | 'error';
  generation: Generation | null;
  why: GenerationWhy | null;
  progress: number | null;
  error: string | null;
};

export type PendingConfirmation = { nodeId: string; request: CreateGenerationRequest; rating: string };

export type PreviewState = {
  contexts: Record<string, PreviewContext>;
  runs: Record<string, PreviewRun>;
  confirmation: PendingConfirmation | null;
  contextFor(nodeId: string, draftConfig: unknown): PreviewContext;
  selectPreset(nodeId: string, draftConfig: unknown, presetId: string): void;
  setIds(nodeId: string, draftConfig: unknown, patch: Partial<Pick<PreviewContext, 'playthroughId' | 'playerId'>>): void;
  setValue(nodeId: string, draftConfig: unknown, npcId: number, axisId: string, value: number): void;
  buildRequest(nodeId: string, draftConfig: unknown): CreateGenerationRequest | null;
  generate(nodeId: string, draftConfig: unknown): Promise<void>;
  confirm(accept: boolean, dontAskAgain: boolean): Promise<void>;
  cancel(nodeId: string): Promise<void>;
  start(): () => void;
};

type Deps = { rpc: StudioRpc; graph: GraphStore; session: SessionStore; toast(kind: 'error' | 'warning', message: string): void };

export function createPreviewStore(deps: Deps) {
  const { rpc, graph, session } = deps;

  return createStore<PreviewState>()((set, get) => {
    function schema() {
      return schemaOf(graph.getState().document?.world.settings);
    }

    function setRun(nodeId: string, patch: Partial<PreviewRun>) {
      set((s) => {
        const base: PreviewRun = s.runs[nodeId] ?? { generationId: null, phase: 'checking', generation: null, why: null, progress: null, error: null };
        return { runs: { ...s.runs, [nodeId]: { ...base, ...patch } } };
      });
    }

    function track(generation: Generation) {
      const entry = Object.entries(get().runs).find(([, run]) => run.generationId === generation.id);
      if (!entry) return;
      const terminal = isTerminalStatus(generation.status);
      setRun(entry[0], { generation, progress: generation.progress, phase: terminal ? 'done' : 'running' });
    }

    async function create(nodeId: string, request: CreateGenerationRequest) {
      setRun(nodeId, { phase: 'running', generationId: null, generation: null, why: null, progress: null, error: null });
      try {
        const answer = await invoke(rpc, 'generations.create', { ...request, preview: true, priority: PREVIEW_GENERATION_PRIORITY });
        setRun(nodeId, { generationId: answer.generation.id, why: answer.why, generation: answer.generation, progress: answer.generation.progress });
        // Events may have arrived before the answer: read the record once so a fast finish is never missed.
        const current = isTerminalStatus(answer.generation.status) ? answer.generation : await invoke(rpc, 'generations.get', { id: answer.generation.id });
        track(current);
      } catch (error) {
        setRun(nodeId, { phase: 'error', error: errorMessage(error) });
        deps.toast('error', `Cannot generate: ${errorMessage(error)}`);
      }
    }

    return {
      contexts: {},
      runs: {},
      confirmation: null,

      contextFor(nodeId, draftConfig) {
        return completeContext(get().contexts[nodeId], npcIdsOf(draftConfig), schema());
      },

      selectPreset(nodeId, draftConfig, presetId) {
        const doc = graph.getState().document;
        const preset = doc?.playthroughPresets.find((p) => p.id === presetId);
        const current = get().contextFor(nodeId, draftConfig);
        const next: PreviewContext = preset
          ? {
              presetId,
              playthroughId: preset.playthroughId,
              playerId: preset.playerId,
              values: initialValues(npcIdsOf(draftConfig), schema(), preset),
            }
          : { ...current, presetId: '' };
        set((s) => ({ contexts: { ...s.contexts, [nodeId]: next } }));
      },

      setIds(nodeId, draftConfig, patch) {
        const current = get().contextFor(nodeId, draftConfig);
        set((s) => ({ contexts: { ...s.contexts, [nodeId]: { ...current, ...patch } } }));
      },

      setValue(nodeId, draftConfig, npcId, axisId, value) {
        const current = get().contextFor(nodeId, draftConfig);
        const values = { ...current.values, [String(npcId)]: { ...(current.values[String(npcId)] ?? {}), [axisId]: value } };
        set((s) => ({ contexts: { ...s.contexts, [nodeId]: { ...current, values } } }));
      },

      buildRequest(nodeId, draftConfig) {
        const { document, path } = graph.getState();
        if (!document || typeof draftConfig !== 'object' || draftConfig === null) return null;
        const ctx = get().contextFor(nodeId, draftConfig);
        const request = buildCreateRequest(document, nodeId, draftConfig as Record<string, unknown>, path, {
          ...(ctx.presetId ? { presetId: ctx.presetId } : {}),
          playthroughId: ctx.playthroughId,
          playerId: ctx.playerId,
          npcValues: ctx.values,
        });
        // The sliders are the test context, also after a preset filled them in and one was moved.
        request.npcs = npcIdsOf(draftConfig).map((npcId) => ({ npcId, values: ctx.values[String(npcId)] ?? {} }));
        request.playthroughId = ctx.playthroughId;
        request.playerId = ctx.playerId;
        return request;
      },

      async generate(nodeId, draftConfig) {
        const { document } = graph.getState();
        const request = get().buildRequest(nodeId, draftConfig);
        if (!document || !request) return;
        const { settings, providers } = session.getState();
        const blocking = firstBlockingError(validateGenerationNode(draftConfig, buildValidationContext(document, settings, providers)));
        if (blocking !== null) {
          deps.toast('error', `Cannot generate: ${blocking}`);
          return;
        }
        setRun(nodeId, { phase: 'checking', generationId: null, generation: null, why: null, progress: null, error: null });
        try {
          const dry = await invoke(rpc, 'generations.validate', request);
          if (!dry.ok) {
            const message = dry.error?.message ?? 'the request would be refused';
            setRun(nodeId, { phase: 'error', error: message });
            deps.toast('error', `Cannot generate: ${message}`);
            return;
          }
          const predicted = dry.socialContext?.contentRating ?? null;
          if (needsMatureConfirmation(predicted, settings.user.requireMatureContentConfirmation)) {
            set({ confirmation: { nodeId, request, rating: predicted ?? '' } });
            return;
          }
        } catch (error) {
          setRun(nodeId, { phase: 'error', error: errorMessage(error) });
          deps.toast('error', `Cannot generate: ${errorMessage(error)}`);
          return;
        }
        await create(nodeId, request);
      },

      async confirm(accept, dontAskAgain) {
        const pending = get().confirmation;
        if (!pending) return;
        set({ confirmation: null });
        if (!accept) {
          set((s) => {
            const runs = { ...s.runs };
            delete runs[pending.nodeId];
            return { runs };
          });
          return;
        }
        if (dontAskAgain) {
          try {
            await invoke(rpc, 'settings.update', { patch: { user: { requireMatureContentConfirmation: false } } });
          } catch (error) {
            deps.toast('warning', `The preference was not saved: ${errorMessage(error)}`);
          }
        }
        await create(pending.nodeId, pending.request);
      },

      async cancel(nodeId) {
        const id = get().runs[nodeId]?.generationId;
        if (!id) return;
        try {
          track(await invoke(rpc, 'generations.cancel', { id }));
        } catch (error) {
          deps.toast('error', errorMessage(error));
        }
      },

      start() {
        const offs = [
          rpc.on('generations.onDidChangeStatus', ({ generation }) => track(generation)),
          rpc.on('generations.onDidProgress', ({ generationId, progress }) => {
            const entry = Object.entries(get().runs).find(([, run]) => run.generationId === generationId);
            if (entry && entry[1].phase === 'running') setRun(entry[0], { progress });
          }),
        ];
        // A run that progressed while no panel listened is read once, so it never looks stuck.
        for (const run of Object.values(get().runs)) {
          if (run.phase === 'running' && run.generationId) {
            invoke(rpc, 'generations.get', { id: run.generationId }).then(track, (error: unknown) => deps.toast('error', errorMessage(error)));
          }
        }
        return () => offs.forEach((off) => off());
      },
    };
  });
}

export type PreviewStore = ReturnType<typeof createPreviewStore>;
