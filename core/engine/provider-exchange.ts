import {
  ProviderError,
  isProviderError,
  isRetryableErrorClass,
  providerErrorForUpdate,
  type ProviderContext,
  type ProviderJob,
  type ProviderOutput,
  type ProviderUpdate,
  type Usage,
} from '../providers';
import type { ResolvedProvider } from './provider-registry';

// providers.md §1 and generation.md §13.1: one attempt = submit, poll until terminal, fetch. The
// engine owns the loop; adapters make one exchange per call.

export type ExchangeOutcome =
  | { kind: 'completed'; output: ProviderOutput; usage: Usage | undefined }
  | { kind: 'cancelled'; usage: Usage | undefined };

export type ExchangeHooks = {
  /** Commits the provider job id before anything else happens (providers.md §1). */
  onJobId(jobId: string): void;
  /** Polling stops when the generation is no longer processing (cancelled elsewhere). */
  stillWanted(): boolean;
};

const TERMINAL = new Set(['completed', 'failed', 'filtered', 'cancelled']);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export async function runExchange(
  provider: ResolvedProvider,
  job: ProviderJob,
  pctx: ProviderContext,
  hooks: ExchangeHooks,
  resumeJobId: string | null,
): Promise<ExchangeOutcome> {
  const { adapter } = provider;
  let update: ProviderUpdate;
  let jobId = resumeJobId;
  if (resumeJobId === null) {
    update = await adapter.submit(job, pctx);
    if (update.providerJobId !== undefined) {
      jobId = update.providerJobId;
      hooks.onJobId(jobId);
    }
  } else {
    update = { status: 'processing', providerJobId: resumeJobId };
  }
  const pollMs = provider.settings.pollIntervalMs ?? 1000;
  while (!TERMINAL.has(update.status)) {
    if (jobId === null || adapter.poll === undefined) {
      throw new ProviderError('bad_response', `Provider '${provider.config.id}' reported '${update.status}' without a job to poll`, {
        reason: 'unmapped_status',
      });
    }
    await sleep(pollMs, pctx.signal);
    if (!hooks.stillWanted()) return { kind: 'cancelled', usage: update.usage };
    try {
      update = await adapter.poll(jobId, pctx);
    } catch (error) {
      // A transient poll failure does not end the attempt: the job is still running (§13.1).
      if (isProviderError(error) && isRetryableErrorClass(error.errorClass) && !pctx.signal.aborted) continue;
      throw error;
    }
    if (update.progress !== undefined) pctx.progress(update.progress);
  }
  if (update.status === 'cancelled') return { kind: 'cancelled', usage: update.usage };
  const failure = providerErrorForUpdate(provider.config.id, update);
  if (failure !== null) throw failure;
  const output = await adapter.fetch(update.resultRef, pctx);
  return { kind: 'completed', output, usage: output.usage ?? update.usage };
}
