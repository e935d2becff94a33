import type { EngineContext } from './engine-context';
import type { JobRunner } from './job-runner';
import type { JobRow } from './queue-store';

// engine.md §3: claim jobs in priority order while their provider has a free slot (counted from live
// leases in the database, so every process shares it) and this engine runs fewer than 8.

export const MAX_RUNNING_PER_ENGINE = 8;
const SAFETY_NET_MS = 1000;

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

  function claimBatch(): JobRow[] {
    const capacity = MAX_RUNNING_PER_ENGINE - active.size;
    if (capacity <= 0) return [];
    const now = ctx.now();
    return ctx.store.commit('claim jobs', () => {
      const leases = ctx.queue.liveLeasesByProvider(now);
      const claimed: JobRow[] = [];
      for (const job of ctx.queue.candidates(now, 64)) {
        if (claimed.length >= capacity) break;
        if (runner.isRunning(job.generationId)) continue;
        const provider = ctx.providers.find(job.providerId);
        // A removed or disabled provider takes no slot: its jobs only fail at dispatch.
        const limit = provider === undefined || !provider.settings.enabled ? Infinity : provider.settings.concurrency;
        const used = leases.get(job.providerId) ?? 0;
        if (used >= limit) continue;
        if (!ctx.queue.claim(job.generationId, now)) continue;
        leases.set(job.providerId, used + 1);
        claimed.push(job);
      }
      return claimed;
    });
  }

  function tick(): void {
    tickQueued = false;
    if (stopped || ctx.isClosed()) return;
    let claimed: JobRow[];
    try {
      claimed = claimBatch();
    } catch (error) {
      console.error('genweave: the scheduler could not claim jobs', error);
      return;
    }
    for (const job of claimed) {
      const run = runner
        .run(job)
        .catch((error: unknown) => console.error(`genweave: job ${job.generationId} failed unexpectedly`, error))
        .finally(() => {
          active.delete(run);
          wake();
        });
      active.add(run);
    }
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
