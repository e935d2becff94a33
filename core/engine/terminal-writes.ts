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
import type { ClaimedJob } from './claimed-job';
import { createTurnBatch } from './turn-batch';

// generation.md §11 steps 14–16 and §13.2: the writes that end a generation, then the cache write,
// then telemetry.updated, then the settle signal that `wait()` resolves on.

export type Failure = { error: GenError; errorClass: string | null };

export function storedConfig(row: GenerationRow): GenerationNodeConfig | undefined {
  const request = JSON.parse(row.request) as { config?: unknown };
  const parsed = GenerationNodeConfigSchema.safeParse(request.config);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The attempt timeout a stored config asks for (fallback.timeoutMs), read without parsing the whole config:
 * it was validated when the generation was created, and every attempt needs only this one field.
 */
export function storedTimeoutMs(row: GenerationRow): number | undefined {
  const request = JSON.parse(row.request) as { config?: { fallback?: { timeoutMs?: unknown } } };
  const timeoutMs = request.config?.fallback?.timeoutMs;
  return typeof timeoutMs === 'number' && Number.isInteger(timeoutMs) && timeoutMs > 0 ? timeoutMs : undefined;
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
  /** No wake: the terminal transaction claimed into the slot it freed (scheduler.ts claimWithin). */
  function afterTerminal(row: GenerationRow): void {
    settlement.settle(row.id, row);
  }

  /**
   * The terminal transaction, which also claims the next jobs into the slot it frees (scheduler.ts); a
   * refused transition settles at once so no waiter is left hanging.
   */
  function terminal(id: string, operation: string, fn: (emit: Emit) => GenerationRow): GenerationRow {
    settlement.begin(id);
    try {
      const { ended, claimed } = ctx.store.commit(operation, (emit) => ({ ended: fn(emit), claimed: ctx.dispatch.claimWithin(emit, [id]) }));
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

  // Results that arrive together (several runs answered within one turn of the event loop) are written in one
  // transaction (group commit, generation-store.ts commitEach): a commit costs more than the writes of one
  // completion, and a busy engine finishes several at a time (turn-batch.ts).
  type PendingCompletion = {
    row: GenerationRow;
    result: ProviderResult;
    also: (emit: Emit) => void;
    done: (outcome: { ended: GenerationRow } | { error: unknown }) => void;
  };
  // The result of the only run of this engine has nobody to share a commit with: it is written at once.
  const completions = createTurnBatch<PendingCompletion>(flushCompletions, () => ctx.dispatch.running() <= 1);

  function flushCompletions(batch: PendingCompletion[]): void {
    let written: ReturnType<typeof ctx.store.commitEach<PendingCompletion, GenerationRow, ClaimedJob[]>>;
    try {
      written = ctx.store.commitEach(
        'store the result',
        batch,
        ({ row, result, also }, emit) => {
          also(emit);
          const ended = ctx.store.terminate(row.id, 'processing', 'completed', { result }, emit);
          if (!cacheable(row)) emitTelemetryUpdated(emit, ended);
          return ended;
        },
        (emit) => ctx.dispatch.claimWithin(emit, batch.map(({ row }) => row.id)),
      );
    } catch (error) {
      for (const item of batch) {
        settlement.settle(item.row.id);
        item.done({ error });
      }
      return;
    }
    ctx.dispatch.launch(written.after ?? []);
    written.results.forEach((outcome, i) => {
      const item = batch[i]!;
      if (outcome.ok) return void followUp(outcome.value).then((ended) => item.done({ ended }), (error: unknown) => item.done({ error }));
      settlement.settle(item.row.id);
      item.done({ error: outcome.error });
    });
  }

  /** Step 14 (media already stored by the caller), then step 15 and 16. */
  function complete(row: GenerationRow, result: ProviderResult, also: (emit: Emit) => void): Promise<GenerationRow> {
    settlement.begin(row.id);
    return new Promise((resolve, reject) => {
      completions.add({ row, result, also, done: (outcome) => ('ended' in outcome ? resolve(outcome.ended) : reject(outcome.error)) });
    });
  }

  /** Steps 15 and 16 after the terminal write; the generation is settled whatever happens to them. */
  async function followUp(ended: GenerationRow): Promise<GenerationRow> {
    try {
      if (cacheable(ended)) {
        const written = await writeCache(ended);
        ctx.store.commit('record telemetry', (emit) => {
          if (written) emit('cache.written', ended.id, { projectId: ended.projectId, nodeId: ended.nodeId, key: ended.cacheKey, count: 1 });
          emitTelemetryUpdated(emit, ended);
        });
      }
    } finally {
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
