import { describe, expect, it, onTestFinished } from 'vitest';
import { createEventBus } from '../../../core/engine/event-bus';
import { createGenerationStore } from '../../../core/engine/generation-store';
import { openDatabase } from '../../../core/storage';
import { makeTempDir } from '../../integration/engine/engine-fixtures';

describe('a database locked by another connection', () => {
  it('DUR-8 gives GEN_STORAGE_BUSY after the busy timeout, never a hang', () => {
    const dir = makeTempDir('gw-busy-');
    const holder = openDatabase(dir, () => 0).db;
    const waiter = openDatabase(dir, () => 0).db;
    onTestFinished(() => {
      holder.close();
      waiter.close();
    });
    holder.exec('BEGIN IMMEDIATE');
    const store = createGenerationStore(waiter, () => 0, createEventBus());
    expect(() => store.commit('claim jobs', () => undefined)).toThrow(
      expect.objectContaining({ code: 'GEN_STORAGE_BUSY', message: 'The database is busy. Try again in a moment.', details: { operation: 'claim jobs' } }),
    );
    expect(waiter.inTransaction).toBe(false);
    holder.exec('ROLLBACK');
    expect(store.commit('claim jobs', () => 'ok')).toBe('ok');
  });
});
