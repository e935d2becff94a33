import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isGenError } from '../../../core/domain/gen-error';
import { GENERATION_STATUSES, type GenerationStatus } from '../../../core/domain/vocabulary';
import { createEventBus } from '../../../core/engine/event-bus';
import { createGenerationStore } from '../../../core/engine/generation-store';
import { newGenerationRow } from '../../../core/engine/new-generation-row';
import { openDatabase } from '../../../core/storage';
import { makeTempDir } from '../../integration/engine/engine-fixtures';

// generation.md §12, written out independently of the engine's table.
const DOCUMENTED = new Set(['pending>processing', 'pending>cancelled', 'pending>failed', 'processing>completed', 'processing>failed', 'processing>cancelled']);
const TERMINAL = new Set<GenerationStatus>(['completed', 'failed', 'cancelled']);

function openStore() {
  const { db } = openDatabase(makeTempDir('gw-status-'), () => 1_000);
  onTestFinished(() => {
    db.close();
  });
  const store = createGenerationStore(db, () => 2_000, createEventBus());
  let n = 0;
  const insert = (): string => {
    n += 1;
    const id = `gen_${String(n).padStart(26, '0')}`;
    const row = newGenerationRow({
      id, projectId: 'p', nodeId: 'n', worldId: null, providerId: 'local-preview', operation: 'text_generation',
      generationType: 'dialogue', purpose: 'adaptive', strategy: 'once', priority: 5, preview: false, request: {},
      canonicalParams: {}, inputs: [], hash: '0'.repeat(64), cacheKey: null, seed: 1, finalPrompt: 'x', promptSource: 'inline',
      promptVersionId: null, socialContext: null, playthroughId: null, playerId: null, parentGenerationId: null, retryCount: 0,
      estimatedCostUsd: 0, createdAt: 1_000,
    });
    store.commit('insert', (emit) => store.insert(row, emit));
    return id;
  };
  return { store, insert };
}

/** One move as the engine makes it: a conditional update from the status it believes is current. */
function move(store: ReturnType<typeof openStore>['store'], id: string, believed: GenerationStatus, to: GenerationStatus): void {
  store.commit('move', (emit) => {
    if (to === 'processing' && believed === 'pending') {
      if (!store.start(id, emit)) throw new Error('start refused');
      return;
    }
    store.terminate(id, believed, to, {}, emit);
  });
}

describe('the generation status machine', () => {
  it('CONC-5 allows only the documented transitions', () => {
    const { store, insert } = openStore();
    const status = fc.constantFrom(...GENERATION_STATUSES);
    fc.assert(
      fc.property(fc.array(fc.tuple(status, fc.boolean(), status), { minLength: 1, maxLength: 6 }), (moves) => {
        const id = insert();
        for (const [to, honest, stale] of moves) {
          const before = store.get(id)?.status as GenerationStatus;
          const believed = honest ? before : stale;
          let threw: unknown = null;
          try {
            move(store, id, believed, to);
          } catch (error) {
            threw = error;
          }
          const after = store.get(id)?.status as GenerationStatus;
          const allowed = believed === before && DOCUMENTED.has(`${before}>${to}`);
          if (allowed) {
            expect(threw).toBeNull();
            expect(after).toBe(to);
          } else {
            expect(after).toBe(before);
            if (!(to === 'processing' && believed === 'pending')) expect(isGenError(threw) && threw.code).toBe('GEN_INVALID_TRANSITION');
          }
          if (TERMINAL.has(before)) expect(after).toBe(before);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
