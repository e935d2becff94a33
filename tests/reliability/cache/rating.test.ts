import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openGenerationCache } from '../../../core/cache';
import { createRequest, makeTempDir, openTestEngine } from '../../integration/engine/engine-fixtures';

const social = { socialContext: { intimacyBand: 'deep', contentRating: 'mature_implied' } };
const capsAt = (rating: string) => ({ world: { maxContentRating: rating }, user: { maxContentRating: rating } });

describe('cache serving under content caps', () => {
  it('RATE-3 never serves a cached result above the current caps', async () => {
    const dataDir = makeTempDir();
    const engine = await openTestEngine({ dataDir });
    const mature = await engine.generations.create(createRequest(capsAt('mature_implied'), social));
    const made = await engine.generations.wait(mature.generation.id);
    expect(made.cacheKey).toContain('|r:mature_implied|');

    // Lowering the cap changes the key: the mature result is simply not found.
    const lowered = await engine.generations.create(createRequest(capsAt('romantic'), social));
    expect(lowered.why.source).toBe('created');
    expect(lowered.why.cacheKey).toContain('|r:romantic|');
    expect(lowered.generation.socialContext).toMatchObject({ contentRating: 'romantic', ratingClamped: true });
    await engine.generations.wait(lowered.generation.id);

    // Plant the mature result under the romantic key (replacing its entry): the serve-time re-check must refuse it.
    const side = new Database(join(dataDir, 'genweave.db'));
    const planted = openGenerationCache(side, () => Date.now());
    await planted.write({
      cacheKey: lowered.why.cacheKey as string,
      generationId: made.id,
      projectId: made.projectId,
      nodeId: made.nodeId,
      hash: made.hash,
      contentRating: 'mature_implied',
      strategy: 'once',
      writtenAtMs: Date.now(),
      expiresAtMs: Date.now() + 3_600_000,
    });
    side.close();
    const again = await engine.generations.create(createRequest({ ...capsAt('romantic'), variables: { npcName: 'Ines' } }, social));
    expect(again.why.source).toBe('created');
    expect(again.why.skipped).toContainEqual({ step: 'cache', generationId: made.id, reason: 'rating_above_cap' });
    const stats = await engine.cache.stats({ window: 'all' });
    expect(stats.stale).toBe(1);
    const explained = await engine.cache.explain({ key: lowered.why.cacheKey as string });
    expect(explained.entries).toEqual([expect.objectContaining({ generationId: made.id, contentRating: 'mature_implied' })]);
  });
});
