import { describe, expect, it, onTestFinished } from 'vitest';
import { openGenerationCache, type CacheEntry } from '../../../core/cache';
import { openDatabase } from '../../../core/storage';
import { makeTempDir } from '../../integration/engine/engine-fixtures';

function setup() {
  let t = 1_000_000;
  const { db } = openDatabase(makeTempDir('gw-cache-'), () => t);
  onTestFinished(() => {
    db.close();
  });
  const cache = openGenerationCache(db, () => t);
  return { db, cache, advance: (ms: number) => (t += ms), now: () => t };
}

function entry(overrides: Partial<CacheEntry> = {}): CacheEntry {
  return {
    cacheKey: 'generation:text_generation|adaptive|a|b|once|v1',
    generationId: 'gen_1',
    projectId: 'p',
    nodeId: 'n',
    hash: 'f'.repeat(64),
    contentRating: null,
    strategy: 'once',
    writtenAtMs: 1_000_000,
    expiresAtMs: 2_000_000,
    ...overrides,
  };
}

const scope = { projectId: 'p', nodeId: 'n', cacheKey: 'generation:text_generation|adaptive|a|b|once|v1' };
const alive = () => ({ status: 'completed', projectId: 'p', nodeId: 'n', mediaPresent: true });

describe('the generation cache', () => {
  it('stores entries through keyv in cache_entries, scoped to project and node', async () => {
    const { db, cache } = setup();
    await cache.write(entry());
    expect(await cache.read(scope)).toEqual(entry());
    expect(await cache.read({ ...scope, nodeId: 'other' })).toBeUndefined();
    // The synchronous read of create()'s hot path sees exactly what keyv wrote and reads.
    expect(cache.readNow(scope)).toEqual(await cache.read(scope));
    expect(cache.readNow({ ...scope, nodeId: 'other' })).toBeUndefined();
    const row = db.prepare('SELECT key, expiresAt FROM cache_entries').get() as { key: string; expiresAt: number };
    expect(row.expiresAt).toBe(2_000_000);
    expect(row.key).toContain('"p","n"');
  });

  it('checks an entry in the documented order', () => {
    const { cache, advance } = setup();
    const withinAll = () => true;
    expect(cache.check(entry(), alive, withinAll)).toEqual({ servable: true });
    expect(cache.check(entry(), () => null, withinAll)).toEqual({ servable: false, reason: 'generation_missing' });
    expect(cache.check(entry(), () => ({ ...alive(), status: 'failed' }), withinAll)).toMatchObject({ reason: 'not_completed' });
    expect(cache.check(entry(), () => ({ ...alive(), nodeId: 'x' }), withinAll)).toMatchObject({ reason: 'not_completed' });
    expect(cache.check(entry(), () => ({ ...alive(), mediaPresent: false }), withinAll)).toMatchObject({ reason: 'media_missing' });
    expect(cache.check(entry({ contentRating: 'romantic' }), alive, (r) => r === 'sfw')).toMatchObject({ reason: 'rating_above_cap' });
    expect(cache.check(entry(), alive, (r) => r === 'sfw')).toEqual({ servable: true });
    advance(1_000_000);
    expect(cache.check(entry(), () => null, () => false)).toMatchObject({ reason: 'expired' });
  });

  it('refuses writes for generations created before an invalidation of their node or key', async () => {
    const { cache, advance, now } = setup();
    const createdAt = now();
    advance(5);
    expect(cache.writable(scope, createdAt)).toBe(true);
    cache.invalidateKey(scope.cacheKey, null, null);
    expect(cache.writable(scope, createdAt)).toBe(false);
    expect(cache.writable({ ...scope, cacheKey: 'other' }, createdAt)).toBe(true);
    // Created in the same millisecond as the invalidation: treated as before it.
    expect(cache.writable(scope, now())).toBe(false);
    expect(cache.writable(scope, now() + 1)).toBe(true);
    cache.invalidateNode('p', 'n');
    expect(cache.writable({ ...scope, cacheKey: 'other' }, now())).toBe(false);
  });

  it('removes by node, key and project, and sweeps expired entries', async () => {
    const { cache, advance } = setup();
    await cache.write(entry());
    await cache.write(entry({ nodeId: 'n2' }));
    await cache.write(entry({ projectId: 'p2', expiresAtMs: 9_000_000 }));
    expect(cache.liveEntries(null, null)).toHaveLength(3);
    expect(cache.invalidateNode('p', 'n2')).toBe(1);
    expect(cache.invalidateKey(scope.cacheKey, 'p', null)).toBe(1);
    expect(cache.liveEntries('p2', null)).toHaveLength(1);
    await cache.write(entry());
    advance(1_000_000);
    expect(cache.sweep()).toBe(1);
    expect(cache.clear(null)).toBe(1);
    expect(cache.liveEntries(null, null)).toEqual([]);
  });
});
