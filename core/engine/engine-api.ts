import { z } from 'zod';
import {
  GenError,
  GenerationFilterSchema,
  RetryOptionsSchema,
  type CreateGenerationResult,
  type Generation,
  type GenerationDryRun,
  type GenerationEvent,
  type GenerationList,
  parseCacheKey,
  CACHE_TTL_SECONDS,
  CacheClearInputSchema,
  CacheExplainInputSchema,
  CacheInvalidateInputSchema,
  CacheStatsInputSchema,
  NodeMetricsInputSchema,
  PromptUsageInputSchema,
  ProviderErrorsInputSchema,
  TelemetryReadInputSchema,
  type CacheExplanation,
  type CacheStats,
  type NodeMetrics,
  type OperationMetrics,
  type PromptUsageRow,
  type ProviderErrorsRead,
  type ProviderHealth,
  isTerminalStatus,
  type GenerationStatus,
  type ProviderConfig,
} from '../domain';
import type { ProviderCapabilities, ProviderTestResult } from '../providers';
import { isoTime, type StartupNotice } from '../storage';
import type { TelemetryReader } from '../telemetry';
import { notFound, type GenerationFlow } from './create-generation';
import type { EngineContext } from './engine-context';
import type { EngineEvent, EventFilter, EventListener } from './event-bus';
import { rowToGeneration, type GenerationRow } from './generation-row';
import { createGenerationLister } from './list-generations';
import { asGenError } from './internal-error';
import type { JobRunner } from './job-runner';
import { parseRequest, prepareRequest, type ResolvedPromptInfo } from './prepare-request';
import { createPromptUsage } from './prompt-usage';
import { testProvider } from './provider-test';
import { invalidTransition } from './status-machine';
import type { Finisher } from './terminal-writes';

// engine.md §2: the whole surface. Every method validates its input with the RPC schemas, refuses
// calls after close() and throws only GenError.

export type ProviderListItem = ProviderConfig & { hasSecret: boolean; capabilities: ProviderCapabilities };

export type Engine = {
  generations: {
    create(request: unknown): Promise<CreateGenerationResult>;
    get(id: string): Promise<Generation>;
    list(filter?: unknown): Promise<GenerationList>;
    cancel(id: string): Promise<Generation>;
    retry(id: string, options?: unknown): Promise<CreateGenerationResult>;
    validate(request: unknown): Promise<GenerationDryRun>;
    events(id: string): Promise<GenerationEvent[]>;
    wait(id: string, options?: { timeoutMs?: number }): Promise<Generation>;
  };
  prompts: {
    resolve(request: unknown): Promise<ResolvedPromptInfo>;
    usage(input: unknown): Promise<PromptUsageRow[]>;
  };
  telemetry: {
    providers(input: unknown): Promise<ProviderHealth[]>;
    operations(input: unknown): Promise<OperationMetrics[]>;
    nodes(input: unknown): Promise<NodeMetrics[]>;
    cache(input: unknown): Promise<CacheStats>;
    errors(input: unknown): Promise<ProviderErrorsRead>;
  };
  cache: {
    stats(input?: unknown): Promise<CacheStats>;
    explain(input: unknown): Promise<CacheExplanation>;
    invalidate(input: unknown): Promise<{ removed: number }>;
    clear(input?: unknown): Promise<{ removed: number }>;
  };
  providers: {
    list(): Promise<ProviderListItem[]>;
    configure(input: unknown): Promise<ProviderListItem[]>;
    test(id: string): Promise<ProviderTestResult & { latencyMs: number }>;
    setSecret(input: { id: string; secret: string }): Promise<{ hasSecret: boolean; persisted: boolean }>;
    clearSecret(input: { id: string }): Promise<{ hasSecret: boolean; persisted: boolean }>;
  };
  events: { subscribe(listener: (event: EngineEvent) => void, filter?: EventFilter): () => void };
  startupNotices: StartupNotice[];
  close(): Promise<void>;
};

const IdSchema = z.string().min(1);
const CREATE_OPERATION = 'create a generation';
const WaitOptionsSchema = z.object({ timeoutMs: z.int().min(0).optional() }).optional();
const ProviderConfigureSchema = z.union([z.object({ config: z.unknown() }), z.object({ remove: z.string().min(1) })]);
const SetSecretSchema = z.object({ id: z.string().min(1), secret: z.string().min(1) });
const ClearSecretSchema = z.object({ id: z.string().min(1) });

export function createEngineApi(parts: {
  ctx: EngineContext;
  flow: GenerationFlow;
  retry: { retry(id: string, options: z.infer<typeof RetryOptionsSchema>): Promise<CreateGenerationResult> };
  validate(request: unknown): Promise<GenerationDryRun>;
  runner: JobRunner;
  finisher: Finisher;
  telemetry: TelemetryReader;
  notices: StartupNotice[];
  settlement: { isSettling(id: string): boolean; listeners: Set<(id: string, ended?: GenerationRow) => void> };
  close(): Promise<void>;
}): Engine {
  const { ctx, flow, runner, finisher, telemetry, settlement } = parts;
  const usage = createPromptUsage(ctx.db);
  const listGenerations = createGenerationLister(ctx.db);

  async function call<T>(operation: string, fn: () => T | Promise<T>): Promise<T> {
    if (ctx.isClosed()) throw new GenError('GEN_ENGINE_CLOSED', 'The engine is closed.', {});
    // Group-committed reuse records are written before anything else reads or writes (lookup-records.ts).
    if (operation !== CREATE_OPERATION) ctx.lookups.flush();
    try {
      return await fn();
    } catch (error) {
      throw asGenError(error, operation);
    }
  }

  function mustGet(id: string) {
    const row = ctx.store.get(parseRequest(IdSchema, id));
    if (row === undefined) throw notFound(id);
    return row;
  }

  async function cancel(id: string): Promise<Generation> {
    for (let tries = 0; ; tries += 1) {
      const row = mustGet(id);
      const status = row.status as GenerationStatus;
      if (isTerminalStatus(status)) throw invalidTransition(id, status, 'cancelled');
      try {
        if (status === 'pending') return rowToGeneration(finisher.cancel(row, 'pending'));
        await runner.abortForCancel(row);
        return rowToGeneration(finisher.cancel(row, 'processing', () => runner.finishCancelledAttempt(id)));
      } catch (error) {
        // The scheduler may have started it between our read and our write: look again.
        if (!(error instanceof GenError && error.code === 'GEN_INVALID_TRANSITION') || tries >= 3) throw error;
      }
    }
  }

  function wait(id: string, timeoutMs: number): Promise<Generation> {
    const settled = () => {
      const status = ctx.store.status(parseRequest(IdSchema, id));
      if (status === undefined) throw notFound(id);
      return isTerminalStatus(status) && !settlement.isSettling(id);
    };
    if (settled()) return Promise.resolve(rowToGeneration(mustGet(id)));
    return new Promise((resolve, reject) => {
      const finish = (ended?: GenerationRow) => {
        clearTimeout(timer);
        clearInterval(poll);
        settlement.listeners.delete(onSettled);
        try {
          resolve(rowToGeneration(ended ?? mustGet(id)));
        } catch (error) {
          // close() may have shut the database while this wait was pending.
          reject(ctx.isClosed() ? new GenError('GEN_ENGINE_CLOSED', 'The engine is closed.', {}) : asGenError(error, 'wait for the generation'));
        }
      };
      const check = () => {
        if (ctx.isClosed()) return finish();
        if (settled()) finish();
      };
      // The settling terminal row is the final state (terminal rows never change), so no read is needed.
      const onSettled = (settledId: string, ended?: GenerationRow) => {
        if (settledId === id) queueMicrotask(() => (ended !== undefined && !settlement.isSettling(id) ? finish(ended) : check()));
      };
      settlement.listeners.add(onSettled);
      // Another process may finish it: look at the database too.
      const poll = setInterval(check, 250);
      // The deadline timer stays referenced: a caller awaiting wait() (the CLI's --wait) must keep the process
      // alive until the generation settles or the deadline passes.
      const timer = setTimeout(() => finish(), timeoutMs);
      poll.unref();
    });
  }

  function explain(input: z.infer<typeof CacheExplainInputSchema>): CacheExplanation {
    const parsed = parseCacheKey(input.key);
    const entries = ctx.cache
      .entriesForKey(input.key)
      .filter((e) => (input.projectId === undefined || e.projectId === input.projectId) && (input.nodeId === undefined || e.nodeId === input.nodeId))
      .map((entry) => {
        // Serving re-checks caps against the request; without one, the entry is judged at its own rating.
        const check = ctx.cache.check(entry, flow.probe, () => true);
        return {
          projectId: entry.projectId,
          nodeId: entry.nodeId,
          generationId: entry.generationId,
          hash: entry.hash,
          contentRating: entry.contentRating,
          writtenAt: isoTime(entry.writtenAtMs),
          expiresAt: isoTime(entry.expiresAtMs),
          servable: check.servable,
          notServableReason: check.servable ? null : check.reason,
        };
      });
    return {
      key: input.key,
      parsed: {
        operation: parsed.operation,
        purpose: parsed.purpose,
        fromSceneId: parsed.fromSceneId ?? null,
        toSceneId: parsed.toSceneId ?? null,
        strategy: parsed.strategy,
        ...(parsed.playthroughId === undefined ? {} : { playthroughId: parsed.playthroughId }),
        ...(parsed.playerId === undefined ? {} : { playerId: parsed.playerId }),
        ...(parsed.contentRating === undefined ? {} : { contentRating: parsed.contentRating }),
        version: parsed.version,
      },
      ttlSeconds: CACHE_TTL_SECONDS[parsed.strategy],
      entries,
    };
  }

  function invalidated(removed: number, scope: Record<string, unknown>): { removed: number } {
    ctx.store.commit('announce the invalidation', (emit) => emit('cache.invalidated', null, { ...scope, count: removed }, false));
    return { removed };
  }

  return {
    generations: {
      create: (request) => call(CREATE_OPERATION, () => flow.create(request)),
      get: (id) => call('read a generation', () => rowToGeneration(mustGet(id))),
      list: (filter) => call('list generations', () => listGenerations(parseRequest(GenerationFilterSchema, filter ?? {}))),
      cancel: (id) => call('cancel a generation', () => cancel(id)),
      retry: (id, options) => call('retry a generation', () => parts.retry.retry(parseRequest(IdSchema, id), parseRequest(RetryOptionsSchema, options ?? {}))),
      validate: (request) => call('validate a request', () => parts.validate(request)),
      events: (id) => call('read the timeline', () => (mustGet(id), ctx.store.events(id))),
      wait: (id, options) => call('wait for a generation', () => wait(id, parseRequest(WaitOptionsSchema, options)?.timeoutMs ?? 60_000)),
    },
    prompts: {
      resolve: (request) =>
        call('resolve a prompt', async () => {
          const prepared = await prepareRequest(request, { providers: ctx.providers, now: ctx.now, media: null, stopAfterPrompt: true });
          return prepared.prompt;
        }),
      usage: (input) => call('count prompt usage', () => usage(parseRequest(PromptUsageInputSchema, input))),
    },
    telemetry: {
      providers: (input) => call('read provider health', () => telemetry.providers(parseRequest(TelemetryReadInputSchema, input))),
      operations: (input) => call('read operation metrics', () => telemetry.operations(parseRequest(TelemetryReadInputSchema, input))),
      nodes: (input) => call('read node metrics', () => telemetry.nodes(parseRequest(NodeMetricsInputSchema, input))),
      cache: (input) => call('read cache statistics', () => cacheStats(input)),
      errors: (input) => call('read provider errors', () => telemetry.errors(parseRequest(ProviderErrorsInputSchema, input))),
    },
    cache: {
      stats: (input) => call('read cache statistics', () => cacheStats(input ?? {})),
      explain: (input) => call('explain a cache key', () => explain(parseRequest(CacheExplainInputSchema, input))),
      invalidate: (input) =>
        call('invalidate cache entries', () => {
          const parsed = parseRequest(CacheInvalidateInputSchema, input);
          if (parsed.key === undefined) {
            return invalidated(ctx.cache.invalidateNode(parsed.projectId as string, parsed.nodeId as string), { projectId: parsed.projectId, nodeId: parsed.nodeId });
          }
          parseCacheKey(parsed.key);
          const removed = ctx.cache.invalidateKey(parsed.key, parsed.projectId ?? null, parsed.nodeId ?? null);
          return invalidated(removed, { key: parsed.key, projectId: parsed.projectId ?? null, nodeId: parsed.nodeId ?? null });
        }),
      clear: (input) =>
        call('clear the cache', () => {
          const parsed = parseRequest(CacheClearInputSchema, input ?? {});
          return invalidated(ctx.cache.clear(parsed.projectId ?? null), { projectId: parsed.projectId ?? null });
        }),
    },
    providers: {
      list: () => call('list providers', () => ctx.providers.list()),
      configure: (input) =>
        call('configure providers', () => {
          ctx.providers.configure(parseRequest(ProviderConfigureSchema, input) as { config: unknown } | { remove: string });
          // Pending jobs of a removed or disabled provider fail at dispatch: let the scheduler see them.
          ctx.wake();
          return ctx.providers.list();
        }),
      test: (id) => call('test a provider', () => testProvider(ctx, parseRequest(IdSchema, id))),
      setSecret: (input) =>
        call('store a provider key', () => {
          const parsed = parseRequest(SetSecretSchema, input);
          return ctx.providers.setSecret(parsed.id, parsed.secret);
        }),
      clearSecret: (input) =>
        call('clear a provider key', () => ctx.providers.clearSecret(parseRequest(ClearSecretSchema, input).id)),
    },
    events: {
      subscribe(listener: EventListener, filter?: EventFilter) {
        if (ctx.isClosed()) throw new GenError('GEN_ENGINE_CLOSED', 'The engine is closed.', {});
        return ctx.bus.subscribe(listener, filter);
      },
    },
    startupNotices: parts.notices,
    close: () => parts.close(),
  };

  function cacheStats(input: unknown): CacheStats {
    const parsed = parseRequest(CacheStatsInputSchema, input);
    return telemetry.cache({ window: parsed.window ?? '24h', projectId: parsed.projectId, nodeId: parsed.nodeId });
  }
}
