import type { Emit, GenerationStore } from './generation-store';

// telemetry.md §2 `lookups` and generation.md §10 `generation.reused`: what a cache or dedup lookup of
// create() records. A lookup changes no state — a hit is answered from rows already committed, a miss
// goes on to create — so its rows are group-committed: gathered for at most LOOKUP_FLUSH_MS or
// LOOKUP_MAX_PENDING lookups, then written in one transaction, after which their events are published
// (engine.md §2.6). A commit costs tens of microseconds on its own, several times the rest of a cache
// hit, so one commit per lookup would set the pace of every cached create. Readers never see the gap:
// every engine call but create() flushes first, and close() flushes. A process killed inside the window
// loses at most those telemetry rows, never a generation, a result or a state change.

export const LOOKUP_FLUSH_MS = 5;
export const LOOKUP_MAX_PENDING = 128;

export type LookupRecords = ReturnType<typeof createLookupRecords>;

export function createLookupRecords(store: GenerationStore) {
  let pending: Array<(emit: Emit) => void> = [];
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      store.commit('record lookups', (emit) => {
        for (const write of batch) write(emit);
      });
    } catch (error) {
      // The lookups themselves were answered from committed rows; only their telemetry is lost.
      console.warn(`genweave: ${batch.length} lookup record(s) could not be written`, error);
    }
  }

  return {
    /** Queues the writes of one lookup; they run inside the next flush's transaction. */
    add(write: (emit: Emit) => void): void {
      pending.push(write);
      if (pending.length >= LOOKUP_MAX_PENDING) flush();
      // Referenced on purpose: a CLI that answers from the cache stays up the few ms its records need.
      else if (timer === undefined) timer = setTimeout(flush, LOOKUP_FLUSH_MS);
    },
    flush,
  };
}
