import type { EngineContext } from './engine-context';
import type { GenerationRow } from './generation-row';
import type { Emit } from './generation-store';
import type { ClaimedJob } from './claimed-job';
import type { JobRunner } from './job-runner';

// engine.md §3: claim jobs in priority order while their provider has a free slot (counted from live
// leases in the database, so every process shares it) and this engine runs fewer than 8.
//
// Claims ride in the transactions that make work claimable when they can: create() claims inside the
// transaction that inserts the job, and a terminal transition inside the one that ends its job (whose
// slot it frees). A commit is most of what a claim costs, so this saves one per generation; the
// wake-driven tick still claims whatever those missed (another process's jobs, retries coming due).

export const MAX_RUNNING_PER_ENGINE = 8;
const SAFETY_NET_MS = 1000;
/** Candidates read beyond the free slots, for jobs of a provider that fills up within one batch. */
const CLAIM_LOOKAHEAD = 16;

export type Scheduler = ReturnType<typeof createScheduler>;


export function createScheduler(ctx: EngineContext, runner: JobRunner) {
  const active = new Set<Promise<void>>();
  let stopped = true;
  let tickQueued = false;
  let safetyNet: NodeJS.Timeout | undefined;
  let nextTimer: NodeJS.Timeout | undefined;

  function wake(): void {
    if (stopped || tickQueued) return;
    tickQueued = true;
    queueMicrotask(tick);
  }

  /**
   * Inside the caller's write transaction: claims jobs and starts those that need nothing but a first
   * attempt (runner.startInClaim). `freeing` names generations whose runs end in this transaction, so
   * their slots count as free. The caller hands the result to launch() after its commit.
   */
  function claimWithin(emit: Emit, freeing: readonly string[] = [], fresh?: ReadonlyMap<string, GenerationRow>): ClaimedJob[] {
    const capacity = freeSlots(freeing);
    // Jobs inserted in this very transaction are candidates already; otherwise a cheap look first.
    if (capacity <= 0 || ((fresh === undefined || fresh.size === 0) && !ctx.queue.hasCandidate(ctx.now()))) return [];
    return claimInto(emit, capacity, fresh);
  }

  /** Slots free for new runs, the runs ending in the caller's transaction (`freeing`) counted as free. */
  function freeSlots(freeing: readonly string[]): number {
    if (stopped || ctx.isClosed()) return 0;
    return MAX_RUNNING_PER_ENGINE - active.size + freeing.filter((id) => runner.isRunning(id)).length;
  }

  /** Claims up to `capacity` jobs inside the caller's write transaction, in the order of engine.md §3. */
  function claimInto(emit: Emit, capacity: number, fresh?: ReadonlyMap<string, GenerationRow>): ClaimedJob[] {
    const now = ctx.now();
    const leases = ctx.queue.liveLeasesByProvider(now);
    // A removed or disabled provider takes no slot: its jobs only fail at dispatch.
    const limitOf = (providerId: string) => {
      const provider = ctx.providers.find(providerId);
      return provider === undefined || !provider.settings.enabled ? Infinity : provider.settings.concurrency;
    };
    const saturated = () => [...leases].filter(([providerId, used]) => used >= limitOf(providerId)).map(([providerId]) => providerId);
    const claimed: ClaimedJob[] = [];
    // A provider that fills up within this batch can leave its later jobs ahead of another provider's: the
    // second pass asks again without it.
    for (let pass = 0; pass < 2 && claimed.length < capacity; pass += 1) {
      let skipped = false;
      for (const job of ctx.queue.candidates(now, capacity - claimed.length + CLAIM_LOOKAHEAD, saturated())) {
        if (claimed.length >= capacity) break;
        if (runner.isRunning(job.generationId)) continue;
        const used = leases.get(job.providerId) ?? 0;
        if (used >= limitOf(job.providerId)) {
          skipped = true;
          continue;
        }
        if (!ctx.queue.claim(job.generationId, now)) continue;
        leases.set(job.providerId, used + 1);
        claimed.push({ job, started: runner.startInClaim(job, emit, fresh?.get(job.generationId)) });
      }
      if (!skipped) break;
    }
    return claimed;
  }

  /** Runs what claimWithin claimed, once its transaction has committed. */
  function launch(claimed: ClaimedJob[]): void {
    for (const { job, started } of claimed) {
      const run = runner
        .run(job, started)
        .catch((error: unknown) => console.error(`genweave: job ${job.generationId} failed unexpectedly`, error))
        .finally(() => {
          active.delete(run);
          wake();
        });
      active.add(run);
    }
  }

  function tick(): void {
    tickQueued = false;
    if (stopped || ctx.isClosed()) return;
    let claimed: ClaimedJob[];
    try {
      // A queue with nothing claimable is seen by a read, without opening a write transaction.
      const capacity = freeSlots([]);
      claimed = capacity > 0 && ctx.queue.hasCandidate(ctx.now()) ? ctx.store.commit('claim jobs', (emit) => claimInto(emit, capacity)) : [];
    } catch (error) {
      console.error('genweave: the scheduler could not claim jobs', error);
      return;
    }
    launch(claimed);
    planNextWake();
  }

  /** Wakes at the next notBefore or lease expiry, besides the 1 s safety net. */
  function planNextWake(): void {
    if (nextTimer !== undefined) clearTimeout(nextTimer);
    nextTimer = undefined;
    const now = ctx.now();
    const at = ctx.queue.nextWakeAt(now);
    if (at === null) return;
    nextTimer = setTimeout(wake, Math.max(0, at - now));
    nextTimer.unref();
  }

  return {
    wake,
    claimWithin,
    launch,
    start(): void {
      stopped = false;
      safetyNet = setInterval(wake, SAFETY_NET_MS);
      safetyNet.unref();
      wake();
    },
    /** Stops claiming; running jobs continue until they finish or are aborted. */
    stop(): void {
      stopped = true;
      if (safetyNet !== undefined) clearInterval(safetyNet);
      if (nextTimer !== undefined) clearTimeout(nextTimer);
      safetyNet = undefined;
      nextTimer = undefined;
    },
    idle: () => Promise.allSettled([...active]).then(() => undefined),
    activeCount: () => active.size,
  };
}
