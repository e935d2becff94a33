import { GenError, isGenError, type GenerationInput, type OperationType } from '../domain';
import { ProviderError, createRedactor, isProviderError } from '../providers';
import type { ModelParamValues } from './canonical-params';
import type { EngineContext } from './engine-context';
import type { StartedJob } from './claimed-job';
import type { GenerationRow } from './generation-row';
import type { Emit } from './generation-store';
import type { ResolvedProvider } from './provider-registry';
import { buildProviderJob } from './provider-job';
import { runExchange } from './provider-exchange';
import { LEASE_RENEW_MS, type JobRow } from './queue-store';
import { attemptTimeoutMs } from './retry-policy';
import { boundedSignal } from './bounded-signal';
import { storedTimeoutMs, type Finisher } from './terminal-writes';
import { createAttemptOutcomes, emptyFinish, interruptedError } from './attempt-outcomes';

// engine.md §3 dispatch and generation.md §13: one claimed job, one attempt (or a resumed poll).

type AbortKind = 'cancel' | 'close' | 'deadline';
class EngineAbort extends Error {
  constructor(readonly kind: AbortKind) {
    super(`aborted: ${kind}`);
    this.name = kind === 'deadline' ? 'TimeoutError' : 'AbortError';
  }
}

type Running = { controller: AbortController; provider: ResolvedProvider; done: Promise<void> };


export function unavailableAtDispatch(providerId: string): GenError {
  return new GenError('GEN_PROVIDER_UNAVAILABLE', `Provider '${providerId}' is unavailable. Check that it is running and reachable.`, {
    providerId,
    reason: 'removed_or_disabled',
  });
}

export type JobRunner = ReturnType<typeof createJobRunner>;

export function createJobRunner(ctx: EngineContext, finisher: Finisher) {
  const running = new Map<string, Running>();
  const outcomes = createAttemptOutcomes(ctx, finisher);

  function budgetFailure(row: GenerationRow): GenError | null {
    try {
      const request = JSON.parse(row.request) as { budget?: { nodeUsd?: number; projectUsd?: number } };
      ctx.budgets.check(request.budget, row, row.estimatedCostUsd, row.id);
      return null;
    } catch (error) {
      if (isGenError(error) && error.code === 'GEN_BUDGET_EXCEEDED') return error;
      throw error;
    }
  }

  /** An unexpected error here must not abort the whole claim: run() meets it again and reports it. */
  function withinBudgetForClaim(row: GenerationRow): boolean {
    try {
      return budgetFailure(row) === null;
    } catch {
      return false; // not swallowed: run() takes the full path, meets the same error and reports it
    }
  }

  /** The writes that open attempt `n`, in the caller's transaction. */
  function recordAttemptStart(row: GenerationRow, n: number, at: number): void {
    ctx.log.start(row.id, n, at);
    // providerJobId is the current attempt's; a new attempt has none until its submit answers.
    if (row.providerJobId !== null) ctx.store.setProviderJobId(row.id, null);
    if (row.attemptCount !== n) ctx.store.setAttemptCount(row.id, n);
    ctx.queue.setAttempt(row.id, n);
  }

  /**
   * Inside the scheduler's claim transaction: the common case — a pending job whose provider is usable and
   * whose budget allows it — moves to processing with its first attempt recorded, so claiming and starting
   * cost one commit. Anything else answers null and takes run()'s full path after the commit, which
   * writes failures and resumptions in their own transactions.
   */
  function startInClaim(job: JobRow, emit: Emit, fresh?: GenerationRow): StartedJob | null {
    // `fresh`: the row as inserted in this very transaction (create's claim), so it need not be read.
    const row = fresh ?? ctx.store.get(job.generationId);
    if (row === undefined || row.status !== 'pending') return null;
    const provider = ctx.providers.find(row.providerId);
    if (provider === undefined || !provider.settings.enabled) return null;
    // A row inserted in this transaction has no attempts, and its budget was checked by that insert (step 10).
    if (fresh === undefined && (ctx.log.last(row.id) !== undefined || !withinBudgetForClaim(row))) return null;
    const started = ctx.store.start(row.id, emit, 1, row);
    if (started === undefined) return null;
    const startedAt = ctx.now();
    recordAttemptStart(started, 1, startedAt);
    return { row: started, provider, attempt: 1, startedAt };
  }

  /** Runs one claimed job to its next resting point: terminal, waiting for a retry, or resumable. */
  async function run(job: JobRow, started: StartedJob | null = null): Promise<void> {
    if (started !== null) return attempt(started.row, started.provider, started.attempt, null, started.startedAt);
    const row = ctx.store.get(job.generationId);
    if (row === undefined || (row.status !== 'pending' && row.status !== 'processing')) return;
    const provider = ctx.providers.find(row.providerId);
    const usable = provider !== undefined && provider.settings.enabled;
    if (row.status === 'pending') {
      if (!usable) return void finisher.fail(row, 'pending', { error: unavailableAtDispatch(row.providerId), errorClass: null });
      const overBudget = budgetFailure(row);
      if (overBudget !== null) return void finisher.fail(row, 'pending', { error: overBudget, errorClass: null });
      if (!ctx.store.commit('start the generation', (emit) => ctx.store.start(row.id, emit))) return;
    }
    const current = ctx.store.get(row.id);
    if (current === undefined || current.status !== 'processing') return;
    if (outcomes.retryDeferredFailure(current)) return;
    const last = ctx.log.last(row.id);
    // A running attempt row here means its owner is gone (or closed): resume it or end it (§16).
    if (last !== undefined && last.outcome === 'running') {
      if (last.providerJobId !== null && usable && provider.adapter.poll !== undefined) {
        return attempt(current, provider, last.attempt, last.providerJobId, null);
      }
      return void finisher.fail(current, 'processing', { error: interruptedError('processing'), errorClass: null }, () =>
        ctx.log.finish({ ...emptyFinish(row.id, last.attempt), endedAt: ctx.now(), outcome: 'interrupted' }),
      );
    }
    if (!usable) return void finisher.fail(current, 'processing', { error: unavailableAtDispatch(row.providerId), errorClass: null });
    const overBudget = budgetFailure(current);
    if (overBudget !== null) return void finisher.fail(current, 'processing', { error: overBudget, errorClass: null });
    return attempt(current, provider, (last?.attempt ?? 0) + 1, null, null);
  }

  /** `recordedAt`: when the attempt row was already written (startInClaim), else null. */
  async function attempt(
    row: GenerationRow,
    provider: ResolvedProvider,
    n: number,
    resumeJobId: string | null,
    recordedAt: number | null,
  ): Promise<void> {
    const timeoutMs = attemptTimeoutMs(storedTimeoutMs(row), provider.settings.timeoutMs);
    const started = recordedAt ?? ctx.now();
    const deadlineAt = started + timeoutMs;
    if (resumeJobId === null && recordedAt === null) {
      ctx.store.commit('start an attempt', () => recordAttemptStart(row, n, started));
    }
    const controller = new AbortController();
    const deadline = setTimeout(() => controller.abort(new EngineAbort('deadline')), timeoutMs);
    deadline.unref();
    const renew = setInterval(() => ctx.queue.renew(row.id, ctx.now()), LEASE_RENEW_MS);
    renew.unref();
    const secret = ctx.providers.secret(provider.config.id);
    const redact = createRedactor([secret, ...ctx.providers.allSecrets()]);
    let lastProgressAt = -Infinity;
    const canonicalParams = JSON.parse(row.canonicalParams) as Record<string, unknown>;
    const job = buildProviderJob({
      generationId: row.id,
      operation: row.operation as OperationType,
      prompt: row.finalPrompt,
      seed: row.seed,
      modelParams: (canonicalParams.modelParams ?? {}) as ModelParamValues,
      canonicalParams,
      inputs: JSON.parse(row.inputs) as GenerationInput[],
      media: ctx.media,
      attempt: n,
      deadlineAt,
    });
    let jobId = resumeJobId;
    const pctx = {
      config: provider.config,
      secret,
      signal: controller.signal,
      now: ctx.now,
      connections: ctx.connections,
      progress(value: number, message?: string) {
        const at = ctx.now();
        if (at - lastProgressAt < 100 || !(value >= 0 && value <= 1)) return; // at most 10 per second
        lastProgressAt = at;
        try {
          ctx.store.commit('report progress', (emit) => {
            ctx.store.setProgress(row.id, value);
            emit('generation.progress', row.id, { generationId: row.id, progress: value, ...(message === undefined ? {} : { message }) }, false);
          });
        } catch (error) {
          // Progress is advisory and this runs in the adapter's timer: a full or busy database must not throw
          // there (it would be an uncaught exception); the attempt's terminal write reports the storage error.
          if (!(isGenError(error) && error.code.startsWith('GEN_STORAGE_'))) throw error;
        }
      },
    };
    const done = (async () => {
      try {
        const outcome = await runExchange(provider, job, pctx, {
          onJobId(id) {
            jobId = id;
            ctx.store.commit('record the provider job id', () => {
              ctx.store.setProviderJobId(row.id, id);
              ctx.log.setJobId(row.id, n, id);
            });
          },
          stillWanted: () => ctx.store.status(row.id) === 'processing',
        }, resumeJobId);
        if (outcome.kind === 'cancelled') return outcomes.onProviderCancelled(row, n, outcome.usage, provider);
        await outcomes.onCompleted(row, n, outcome.output, outcome.usage, provider, redact);
      } catch (error) {
        const reason = controller.signal.reason;
        if (reason instanceof EngineAbort && reason.kind === 'cancel') return; // cancel() writes the outcome
        if (reason instanceof EngineAbort && reason.kind === 'close') return outcomes.onClosed(row, n, jobId);
        // Our own storage failing (disk full, busy) ends the generation with that code, not a provider class.
        if (isGenError(error) && error.code.startsWith('GEN_STORAGE_')) return outcomes.onStorageFailure(row, n, error);
        const providerError =
          reason instanceof EngineAbort && reason.kind === 'deadline'
            ? new ProviderError('timeout', `Provider '${provider.config.id}' did not finish in time`)
            : asProviderError(error, provider.config.id);
        if (providerError.errorClass === 'timeout' && jobId !== null) await cancelAtProvider(provider, jobId, secret);
        outcomes.onFailed(row, n, providerError, timeoutMs, provider, redact);
      } finally {
        clearTimeout(deadline);
        clearInterval(renew);
        running.delete(row.id);
      }
    })();
    running.set(row.id, { controller, provider, done });
    await done;
  }

  async function cancelAtProvider(provider: ResolvedProvider, jobId: string, secret: string | null): Promise<void> {
    if (provider.adapter.cancel === undefined) return;
    const bounded = boundedSignal(provider.settings.requestTimeoutMs ?? 10_000);
    try {
      await provider.adapter.cancel(jobId, {
        config: provider.config,
        secret,
        signal: bounded.signal,
        now: ctx.now,
        connections: ctx.connections,
        progress: () => undefined,
      });
    } catch (error) {
      console.warn(`genweave: cancelling job at provider '${provider.config.id}' failed`, error instanceof Error ? error.message : error);
    } finally {
      bounded.dispose();
    }
  }

  return {
    run,
    startInClaim,
    running,
    isRunning: (id: string) => running.has(id),
    /** §15: abort the local exchange (if any) and cancel the provider job; the caller writes the outcome. */
    async abortForCancel(row: GenerationRow): Promise<void> {
      const local = running.get(row.id);
      local?.controller.abort(new EngineAbort('cancel'));
      const provider = local?.provider ?? ctx.providers.find(row.providerId);
      const jobId = ctx.store.get(row.id)?.providerJobId ?? null;
      if (provider !== undefined && jobId !== null) await cancelAtProvider(provider, jobId, ctx.providers.secret(provider.config.id));
    },
    /** Inside cancel()'s transaction: a running attempt row ends as cancelled. */
    finishCancelledAttempt(generationId: string): void {
      const last = ctx.log.last(generationId);
      if (last?.outcome === 'running') ctx.log.finish({ ...emptyFinish(generationId, last.attempt), endedAt: ctx.now(), outcome: 'cancelled' });
    },
    abortAll(): void {
      for (const entry of running.values()) entry.controller.abort(new EngineAbort('close'));
    },
  };
}

function asProviderError(error: unknown, providerId: string): ProviderError {
  if (isProviderError(error)) return error;
  // Anything else from an adapter is a defect or an unreadable answer; never retried.
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError('bad_response', `Provider '${providerId}' failed unexpectedly`, { providerMessage: message, reason: 'unexpected_status' });
}
