import {
  CACHE_TTL_SECONDS,
  GenerationNodeConfigSchema,
  isContentRating,
  type GenError,
  type GenerationNodeConfig,
  type GenerationStatus,
  type ProviderResult,
} from '../domain';
import type { EngineContext } from './engine-context';
import type { GenerationRow } from './generation-row';
import type { Emit } from './generation-store';
import { fallbackResult } from './fallback';
import type { CacheEntry } from '../cache';

// generation.md §11 steps 14–16 and §13.2: the writes that end a generation, then the cache write,
// then telemetry.updated, then the settle signal that `wait()` resolves on.

export type Failure = { error: GenError; errorClass: string | null };

export function storedConfig(row: GenerationRow): GenerationNodeConfig | undefined {
  const request = JSON.parse(row.request) as { config?: unknown };
  const parsed = GenerationNodeConfigSchema.safeParse(request.config);
  return parsed.success ? parsed.data : undefined;
}

function toSceneIdOf(row: GenerationRow): string | null {
  const request = JSON.parse(row.request) as { toScene?: { id?: string } };
  return request.toScene?.id ?? null;
}

export type Finisher = ReturnType<typeof createFinisher>;

/** `begin` marks a generation whose terminal effects are being written; `settle` says they all are. */
export type Settlement = { begin(id: string): void; settle(id: string, ended?: GenerationRow): void };

/** Step 16's event. It rides in the last transaction of the ending (the terminal one, or the cache write's). */
function emitTelemetryUpdated(emit: Emit, row: GenerationRow): void {
  emit('telemetry.updated', row.id, { providerId: row.providerId, operation: row.operation, projectId: row.projectId, nodeId: row.nodeId });
}

/** Step 15 applies: the result is written to the cache unless an invalidation since creation forbids it. */
function cacheable(row: GenerationRow): boolean {
  return row.cacheKey !== null && row.preview !== 1 && row.strategy !== 'always';
}

export function createFinisher(ctx: EngineContext, settlement: Settlement) {
  function afterTerminal(row: GenerationRow): void {
    settlement.settle(row.id, row);
    ctx.wake();
  }

  /**
   * The terminal transaction, which also claims the next jobs into the slot it frees (scheduler.ts); a
   * refused transition settles at once so no waiter is left hanging.
   */
  function terminal(id: string, operation: string, fn: (emit: Emit) => GenerationRow): GenerationRow {
    settlement.begin(id);
    try {
      const { ended, claimed } = ctx.store.commit(operation, (emit) => ({ ended: fn(emit), claimed: ctx.dispatch.claimWithin(emit, id) }));
      ctx.dispatch.launch(claimed);
      return ended;
    } catch (error) {
      settlement.settle(id);
      throw error;
    }
  }

  /** Ends a generation as failed with its fallback; `also` adds writes to the same transaction. */
  function fail(row: GenerationRow, from: GenerationStatus, failure: Failure, also?: (emit: Emit) => void): GenerationRow {
    const result = fallbackResult(storedConfig(row), toSceneIdOf(row), ctx.media);
    const ended = terminal(row.id, 'record the failure', (emit) => {
      also?.(emit);
      const done = ctx.store.terminate(row.id, from, 'failed', {
        result,
        errorCode: failure.error.code,
        errorClass: failure.errorClass,
        errorMessage: failure.error.message,
      }, emit);
      if (result !== null) emit('generation.fallbackApplied', row.id, { generationId: row.id, fallbackMode: result.fallbackMode });
      emitTelemetryUpdated(emit, done);
      return done;
    });
    afterTerminal(ended);
    return ended;
  }

  function cancel(row: GenerationRow, from: GenerationStatus, also?: (emit: Emit) => void): GenerationRow {
    const ended = terminal(row.id, 'cancel the generation', (emit) => {
      also?.(emit);
      const done = ctx.store.terminate(row.id, from, 'cancelled', {}, emit);
      emitTelemetryUpdated(emit, done);
      return done;
    });
    afterTerminal(ended);
    return ended;
  }

  /** Step 14 (media already stored by the caller), then step 15 and 16. */
  async function complete(row: GenerationRow, result: ProviderResult, also: (emit: Emit) => void): Promise<GenerationRow> {
    const toCache = cacheable(row);
    const ended = terminal(row.id, 'store the result', (emit) => {
      also(emit);
      const done = ctx.store.terminate(row.id, 'processing', 'completed', { result }, emit);
      if (!toCache) emitTelemetryUpdated(emit, done);
      return done;
    });
    try {
      if (toCache) {
        const written = await writeCache(ended);
        ctx.store.commit('record telemetry', (emit) => {
          if (written) emit('cache.written', ended.id, { projectId: ended.projectId, nodeId: ended.nodeId, key: ended.cacheKey, count: 1 });
          emitTelemetryUpdated(emit, ended);
        });
      }
    } finally {
      // The generation is completed whatever happens to its follow-up writes: its waiters are released.
      afterTerminal(ended);
    }
    return ended;
  }

  /** Whether the entry was written. */
  async function writeCache(row: GenerationRow): Promise<boolean> {
    if (row.cacheKey === null) return false;
    const scope = { projectId: row.projectId, nodeId: row.nodeId, cacheKey: row.cacheKey };
    if (!ctx.cache.writable(scope, row.createdAt)) return false;
    const writtenAtMs = ctx.now();
    const ttl = CACHE_TTL_SECONDS[row.strategy as keyof typeof CACHE_TTL_SECONDS];
    const rating = row.socialContext === null ? undefined : (JSON.parse(row.socialContext) as { contentRating?: unknown }).contentRating;
    const written = await ctx.cache.write({
      ...scope,
      generationId: row.id,
      hash: row.hash,
      contentRating: isContentRating(rating) ? rating : null,
      strategy: row.strategy as CacheEntry['strategy'],
      writtenAtMs,
      expiresAtMs: writtenAtMs + ttl * 1000,
    });
    return written;
  }

  return { fail, cancel, complete };
}
