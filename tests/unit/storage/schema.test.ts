import { describe, expect, it, onTestFinished } from 'vitest';
import { createEventBus } from '../../../core/engine/event-bus';
import { createGenerationStore } from '../../../core/engine/generation-store';
import { newGenerationRow } from '../../../core/engine/new-generation-row';
import { openDatabase } from '../../../core/storage';
import { makeTempDir } from '../../integration/engine/engine-fixtures';

describe('the generations table', () => {
  it('aborts any update of an insert-only column and any rewrite of a once column', () => {
    const { db } = openDatabase(makeTempDir('gw-schema-'), () => 0);
    onTestFinished(() => {
      db.close();
    });
    const store = createGenerationStore(db, () => 5, createEventBus());
    const row = newGenerationRow({
      id: 'gen_1', projectId: 'p', nodeId: 'n', worldId: null, providerId: 'local-preview', operation: 'text_generation',
      generationType: 'dialogue', purpose: 'adaptive', strategy: 'once', priority: 5, preview: false, request: {}, canonicalParams: {},
      inputs: [], hash: 'a'.repeat(64), cacheKey: null, seed: 1, finalPrompt: 'x', promptSource: 'inline', promptVersionId: null,
      socialContext: null, playthroughId: null, playerId: null, parentGenerationId: null, retryCount: 0, estimatedCostUsd: 0, createdAt: 1,
    });
    store.commit('insert', (emit) => store.insert(row, emit));
    const changes: Array<[string, string | number]> = [
      ['projectId', 'other'], ['nodeId', 'other'], ['hash', 'b'.repeat(64)], ['finalPrompt', 'y'], ['request', '{"x":1}'],
      ['cacheKey', 'k'], ['seed', 2], ['createdAt', 2], ['retryCount', 1],
    ];
    for (const [column, value] of changes) {
      expect(() => db.prepare(`UPDATE generations SET ${column} = ? WHERE id = 'gen_1'`).run(value)).toThrow(/insert-only/);
    }
    store.commit('start', (emit) => store.start('gen_1', emit));
    expect(() => db.prepare('UPDATE generations SET startedAt = 99 WHERE id = ?').run('gen_1')).toThrow(/insert-only or once/);
    expect(db.prepare('UPDATE generations SET progress = 0.5 WHERE id = ?').run('gen_1').changes).toBe(1);
  });
});
