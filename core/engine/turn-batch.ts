// Group commit by event-loop turn: what arrives within one turn is handed to `flush` together at the end
// of it (setImmediate). An item with nobody to share with (`alone()`, asked when the batch is empty) is
// flushed at once, so a lone caller never waits a turn for company.

export type TurnBatch<T> = { add(item: T): void };

export function createTurnBatch<T>(flush: (items: T[]) => void, alone: () => boolean): TurnBatch<T> {
  let pending: T[] = [];
  const flushPending = (): void => {
    const items = pending;
    pending = [];
    flush(items);
  };
  return {
    add(item: T): void {
      const first = pending.length === 0;
      const now = first && alone();
      if (first && !now) setImmediate(flushPending);
      pending.push(item);
      if (now) flushPending();
    },
  };
}
