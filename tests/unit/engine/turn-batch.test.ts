import { describe, expect, it } from 'vitest';
import { createTurnBatch } from '../../../core/engine/turn-batch';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createTurnBatch', () => {
  it('flushes what arrives within one turn together, at the end of it', async () => {
    const flushed: number[][] = [];
    const batch = createTurnBatch<number>((items) => flushed.push(items), () => false);
    batch.add(1);
    batch.add(2);
    expect(flushed).toEqual([]);
    await nextTurn();
    batch.add(3);
    await nextTurn();
    expect(flushed).toEqual([[1, 2], [3]]);
  });

  it('flushes an item at once when it is alone, and never waits a turn for it', async () => {
    const flushed: number[][] = [];
    let alone = true;
    const batch = createTurnBatch<number>((items) => flushed.push(items), () => alone);
    batch.add(1);
    expect(flushed).toEqual([[1]]);
    alone = false;
    batch.add(2);
    alone = true; // asked only when the batch is empty: 3 joins 2
    batch.add(3);
    expect(flushed).toEqual([[1]]);
    await nextTurn();
    expect(flushed).toEqual([[1], [2, 3]]);
  });
});
