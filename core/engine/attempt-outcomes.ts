import { GenError, isGenError, type ProviderResult } from '../domain';
import {
  ProviderError,
  cutProviderMessage,
  genErrorForProviderFailure,
  isRetryableErrorClass,
  type ProviderOutput,
  type Usage,
  costFromUsage,
} from '../providers';
import type { EngineContext } from './engine-context';
import type { GenerationRow } from './generation-row';
import type { Emit } from './generation-store';
import type { ResolvedProvider } from './provider-registry';
import { maxAttempts, retryDelayMs } from './retry-policy';
import { storedConfig, type Finisher } from './terminal-writes';

// generation.md §13–§15: what the end of one attempt writes — a result, a retry, a failure with its
// fallback, a discarded late answer, or nothing yet (closed with a known job id).

const DEFERRED_FAILURE_RETRY_MS = 1000;

export const INTERRUPTED_MESSAGE = 'Interrupted before the provider job id was recorded';

export function interruptedError(previousStatus: string): GenError {
  return new GenError('GEN_INTERRUPTED', INTERRUPTED_MESSAGE, { previousStatus });
}

export function emptyFinish(generationId: string, attempt: number) {
  return {
    generationId,
    attempt,
    endedAt: null as number | null,
    outcome: 'running',
    errorClass: null as string | null,
    httpStatus: null as number | null,
    message: null as string | null,
    tokensIn: null,
    tokensOut: null,
    costUsd: null,
  };
}

export type AttemptOutcomes = ReturnType<typeof createAttemptOutcomes>;

export function createAttemptOutcomes(ctx: EngineContext, finisher: Finisher) {
  function onProviderCancelled(row: GenerationRow, n: number, usage: Usage | undefined, provider: ResolvedProvider): void {
    const current = ctx.store.get(row.id);
    if (current?.status !== 'processing') return;
    finisher.cancel(current, 'processing', () => finishAttempt(row.id, n, 'cancelled', usage, provider));
  }

  async function onCompleted(
    row: GenerationRow,
    n: number,
    output: ProviderOutput,
    usage: Usage | undefined,
    provider: ResolvedProvider,
    redact: (s: string) => string,
  ): Promise<void> {
    // Only the status can have changed: every field the finisher reads is insert-only, so `row` serves. The
    // terminal write is guarded by status (a cancel meanwhile makes it GEN_INVALID_TRANSITION, below); this
    // early look only keeps a late result from writing media files.
    const writesMedia = output.bytes !== undefined || output.thumbnail !== undefined;
    if (writesMedia && ctx.store.status(row.id) !== 'processing') {
      // A late answer after a cancel: discarded, but its cost stays on the attempt (§15).
      ctx.store.commit('record a discarded result', () => finishAttempt(row.id, n, 'discarded', usage, provider, output.durationSec));
      return;
    }
    let result: ProviderResult;
    try {
      result = storeOutput(output);
    } catch (error) {
      const failure = isGenError(error) ? error : new GenError('GEN_STORAGE_ERROR', 'Could not write a media file.', { operation: 'write a media file', reason: 'unknown' });
      finisher.fail(row, 'processing', { error: failure, errorClass: null }, () =>
        finishAttempt(row.id, n, 'failed', usage, provider, output.durationSec, { errorClass: null, message: redact(failure.message) }),
      );
      return;
    }
    try {
      await finisher.complete(row, result, () => finishAttempt(row.id, n, 'completed', usage, provider, output.durationSec));
    } catch (error) {
      if (!(isGenError(error) && error.code === 'GEN_INVALID_TRANSITION')) throw error;
      ctx.store.commit('record a discarded result', () => finishAttempt(row.id, n, 'discarded', usage, provider, output.durationSec));
    }
  }

  function storeOutput(output: ProviderOutput): ProviderResult {
    const result: ProviderResult = { origin: 'provider', kind: output.kind, mediaType: output.mediaType };
    if (output.bytes !== undefined) {
      const stored = ctx.media.put(output.bytes, output.mediaType);
      result.mediaSha256 = stored.sha256;
      result.byteLength = stored.byteLength;
    }
    if (output.text !== undefined) result.text = output.text;
    if (output.width !== undefined) result.width = output.width;
    if (output.height !== undefined) result.height = output.height;
    if (output.durationSec !== undefined) result.durationSec = output.durationSec;
    if (output.thumbnail !== undefined) result.thumbnailSha256 = ctx.media.put(output.thumbnail.bytes, output.thumbnail.mediaType).sha256;
    return result;
  }

  function onFailed(
    row: GenerationRow,
    n: number,
    error: ProviderError,
    timeoutMs: number,
    provider: ResolvedProvider,
    redact: (s: string) => string,
  ): void {
    const current = ctx.store.get(row.id);
    if (current?.status !== 'processing') return;
    const genError = genErrorForProviderFailure(provider.config.id, error, { timeoutMs, attempt: n, redact });
    const providerMessage = typeof genError.details?.providerMessage === 'string' ? ` ${genError.details.providerMessage}` : '';
    const message = cutProviderMessage(`${genError.message}${providerMessage}`, redact);
    const retryable = isRetryableErrorClass(error.errorClass);
    const delay = retryable ? retryDelayMs(n, error.retryAfterMs) : null;
    const willRetry = retryable && delay !== null && n < maxAttempts(storedConfig(row));
    const record = (emit: Emit) => {
      finishAttempt(row.id, n, 'failed', undefined, provider, undefined, { errorClass: error.errorClass, message, httpStatus: error.httpStatus });
      ctx.log.providerError({
        at: ctx.now(),
        providerId: row.providerId,
        operation: row.operation,
        generationId: row.id,
        attempt: n,
        errorClass: error.errorClass,
        httpStatus: error.httpStatus ?? null,
        message,
      });
      emit('generation.attemptFailed', row.id, {
        generationId: row.id,
        attempt: n,
        errorClass: error.errorClass,
        message,
        willRetry,
        ...(willRetry ? { retryInMs: delay } : {}),
      });
    };
    if (willRetry) {
      ctx.store.commit('schedule a retry', (emit) => {
        record(emit);
        ctx.queue.release(row.id, ctx.now() + (delay ?? 0), n);
      });
      ctx.wake();
      return;
    }
    // A Retry-After past the cap ends the generation as rate limited (§13.1).
    const final =
      retryable && delay === null
        ? genErrorForProviderFailure(provider.config.id, new ProviderError('rate_limited', error.message, { retryAfterMs: error.retryAfterMs ?? 0 }), {
            timeoutMs,
            attempt: n,
            redact,
          })
        : genError;
    finisher.fail(current, 'processing', { error: final, errorClass: error.errorClass }, record);
  }

  // Failures whose own write met a full or busy database: the scheduler runs the job again shortly and the
  // failure is written then, so the generation ends failed with the storage code instead of staying stuck.
  const deferredFailures = new Map<string, { error: GenError; attempt: number }>();

  function onStorageFailure(row: GenerationRow, n: number, error: GenError): void {
    const current = ctx.store.get(row.id);
    if (current?.status !== 'processing') {
      // Settled some other way meanwhile (a cancel): nothing is left to write.
      deferredFailures.delete(row.id);
      return;
    }
    try {
      finisher.fail(current, 'processing', { error, errorClass: null }, () =>
        ctx.log.finish({ ...emptyFinish(row.id, n), endedAt: ctx.now(), outcome: 'failed', message: error.message }),
      );
      deferredFailures.delete(row.id);
    } catch (writeError) {
      if (!(isGenError(writeError) && writeError.code.startsWith('GEN_STORAGE_'))) throw writeError;
      deferredFailures.set(row.id, { error, attempt: n });
      // Releasing the lease shrinks the job row, so it fits even in a full database.
      ctx.queue.release(row.id, ctx.now() + DEFERRED_FAILURE_RETRY_MS, n);
    }
  }

  /** Writes a failure deferred by onStorageFailure; false when there is none for this generation. */
  function retryDeferredFailure(row: GenerationRow): boolean {
    const deferred = deferredFailures.get(row.id);
    if (deferred === undefined) return false;
    onStorageFailure(row, deferred.attempt, deferred.error);
    return true;
  }

  function onClosed(row: GenerationRow, n: number, jobId: string | null): void {
    const current = ctx.store.get(row.id);
    if (current?.status !== 'processing') return;
    // With a job id the generation stays processing and resumes at the next open (engine.md §1).
    if (jobId !== null) return;
    finisher.fail(current, 'processing', { error: interruptedError('processing'), errorClass: null }, () => {
      ctx.log.finish({ ...emptyFinish(row.id, n), endedAt: ctx.now(), outcome: 'interrupted' });
    });
  }

  function finishAttempt(
    generationId: string,
    n: number,
    outcome: string,
    usage: Usage | undefined,
    provider: ResolvedProvider,
    durationSec?: number,
    failure?: { errorClass: string | null; message: string; httpStatus?: number | undefined },
  ): void {
    const cost = outcome === 'failed' && usage === undefined ? { costUsd: 0, costSource: 'none' as const } : costFromUsage(usage, provider.config, durationSec);
    ctx.log.finish({
      generationId,
      attempt: n,
      endedAt: ctx.now(),
      outcome,
      errorClass: failure?.errorClass ?? null,
      httpStatus: failure?.httpStatus ?? null,
      message: failure?.message ?? null,
      tokensIn: usage?.tokensIn ?? null,
      tokensOut: usage?.tokensOut ?? null,
      costUsd: cost.costUsd,
    });
    ctx.store.addCost(generationId, {
      costUsd: cost.costUsd,
      tokensIn: usage?.tokensIn ?? null,
      tokensOut: usage?.tokensOut ?? null,
      costSource: cost.costSource,
    });
  }

  return { onProviderCancelled, onCompleted, onFailed, onStorageFailure, retryDeferredFailure, onClosed };
}
