import type { EventName, StudioRpc } from '../../rpc/rpc-types';

/**
 * Calls `refresh` once, `delayMs` after the first of a burst of events: a run emits many events and each
 * refresh is an RPC read, so one read per burst is enough. Returns the stop function of a store's start().
 */
export function refreshOnEvents(rpc: StudioRpc, events: readonly EventName[], delayMs: number, refresh: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      refresh();
    }, delayMs);
  };
  const offs = events.map((event) => rpc.on(event, schedule));
  return () => {
    for (const off of offs) off();
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
