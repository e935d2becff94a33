import type Database from 'better-sqlite3';
import { Keyv } from 'keyv';
import type { CacheNotServableReason, ContentRating, GenerationStrategy } from '../domain';
import { createSqliteKeyvStore } from './sqlite-keyv-store';
import { prepareNumbered } from '../storage';

// generation.md §8: entries scoped to (projectId, nodeId), written through keyv into cache_entries,
// served only after the checks of §8 in order, guarded by invalidation watermarks.

export type CacheEntry = {
  cacheKey: string;
  generationId: string;
  projectId: string;
  nodeId: string;
  hash: string;
  contentRating: ContentRating | null;
  strategy: GenerationStrategy;
  writtenAtMs: number;
  expiresAtMs: number;
};

export type CacheScope = { projectId: string; nodeId: string; cacheKey: string };

/** The engine's view of the generation an entry points at; null when it does not exist. */
export type GenerationProbe = (
  generationId: string,
) => { status: string; projectId: string; nodeId: string; mediaPresent: boolean } | null;

export type ServeCheck = { servable: true } | { servable: false; reason: CacheNotServableReason };

const NAMESPACE = 'gen';
const VALUE = (field: string) => `json_extract(value, '$.value.${field}')`;

export type GenerationCache = ReturnType<typeof openGenerationCache>;

export function openGenerationCache(db: Database.Database, now: () => number) {
  const store = createSqliteKeyvStore(db);
  // Entries are plain JSON (no Buffers or BigInts), so keyv's reviving (de)serializer is replaced by JSON's own:
  // the same text, read without a reviver call per value.
  const keyv = new Keyv<CacheEntry>({
    store,
    namespace: NAMESPACE,
    throwOnErrors: true,
    emitErrors: false,
    serialize: (data) => JSON.stringify(data),
    deserialize: (text) => JSON.parse(text) as ReturnType<typeof JSON.parse>,
  });

  const selectStored = db.prepare<[string], { value: string }>('SELECT value FROM cache_entries WHERE key = ?');
  const byKey = db.prepare<[string], { value: string }>(`SELECT value FROM cache_entries WHERE ${VALUE('cacheKey')} = ?`);
  const watermarkAt = db.prepare<string[], { at: number | null }>(
    'SELECT max(at) AS at FROM cache_invalidations WHERE scope IN (?, ?, ?, ?, ?, ?)',
  );
  const setWatermark = db.prepare<[string, number]>(
    'INSERT INTO cache_invalidations (scope, at) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET at = max(at, excluded.at)',
  );
  const deleteNode = db.prepare<[string, string]>(
    `DELETE FROM cache_entries WHERE ${VALUE('projectId')} = ? AND ${VALUE('nodeId')} = ?`,
  );
  const deleteKey = prepareNumbered<[string, string | null, string | null]>(db, `DELETE FROM cache_entries WHERE ${VALUE('cacheKey')} = ?1 AND (?2 IS NULL OR ${VALUE('projectId')} = ?2) AND (?3 IS NULL OR ${VALUE('nodeId')} = ?3)`,
  );
  const deleteProject = db.prepare<[string]>(`DELETE FROM cache_entries WHERE ${VALUE('projectId')} = ?`);
  const deleteAll = db.prepare('DELETE FROM cache_entries');
  const sweepExpired = db.prepare<[number]>('DELETE FROM cache_entries WHERE expiresAt IS NOT NULL AND expiresAt <= ?');
  const liveEntries = prepareNumbered<[number, string | null, string | null], { value: string }>(db, `SELECT value FROM cache_entries WHERE (expiresAt IS NULL OR expiresAt > ?1) AND (?2 IS NULL OR ${VALUE('projectId')} = ?2) AND (?3 IS NULL OR ${VALUE('nodeId')} = ?3)`,
  );

  function storageKey(scope: CacheScope): string {
    return JSON.stringify([scope.projectId, scope.nodeId, scope.cacheKey]);
  }

  function watermarkScopes(scope: CacheScope): string[] {
    const { projectId, nodeId, cacheKey } = scope;
    return [
      'all',
      `project:${projectId}`,
      `node:${JSON.stringify([projectId, nodeId])}`,
      `key:${JSON.stringify([null, null, cacheKey])}`,
      `key:${JSON.stringify([projectId, null, cacheKey])}`,
      `key:${JSON.stringify([projectId, nodeId, cacheKey])}`,
    ];
  }

  return {
    /** A cache store failure alone never fails a generation: it reads as a miss (engine.md §4.1). */
    async read(scope: CacheScope): Promise<CacheEntry | undefined> {
      try {
        return await keyv.get(storageKey(scope));
      } catch (error) {
        console.warn('genweave: cache read failed; treated as a miss', error);
        return undefined;
      }
    },

    /**
     * read() without the promise, for create()'s hot path: the same row of the same keyv store (namespace
     * prefix and JSON envelope as keyv writes them), parsed as keyv's get would, without a microtask hop.
     */
    readNow(scope: CacheScope): CacheEntry | undefined {
      try {
        const stored = selectStored.get(`${NAMESPACE}:${storageKey(scope)}`);
        return stored === undefined ? undefined : parseEntry(stored.value);
      } catch (error) {
        console.warn('genweave: cache read failed; treated as a miss', error);
        return undefined;
      }
    },

    async remove(scope: CacheScope): Promise<void> {
      try {
        await keyv.delete(storageKey(scope));
      } catch (error) {
        console.warn('genweave: cache delete failed', error);
      }
    },

    /** §8 serve-time checks, in order; the caller supplies the generation and cap checks it owns. */
    check(entry: CacheEntry, probe: GenerationProbe, withinCaps: (rating: ContentRating) => boolean): ServeCheck {
      if (entry.expiresAtMs <= now()) return { servable: false, reason: 'expired' };
      const generation = probe(entry.generationId);
      if (generation === null) return { servable: false, reason: 'generation_missing' };
      if (generation.status !== 'completed' || generation.projectId !== entry.projectId || generation.nodeId !== entry.nodeId) {
        return { servable: false, reason: 'not_completed' };
      }
      if (!generation.mediaPresent) return { servable: false, reason: 'media_missing' };
      if (!withinCaps(entry.contentRating ?? 'sfw')) return { servable: false, reason: 'rating_above_cap' };
      return { servable: true };
    },

    /** True when no invalidation covering this node or key was issued at or after `createdAtMs`. */
    writable(scope: CacheScope, createdAtMs: number): boolean {
      const at = watermarkAt.get(...watermarkScopes(scope))?.at ?? null;
      return at === null || at < createdAtMs;
    },

    /** Writes the entry; a store failure is a skipped write. Returns whether it was written. */
    async write(entry: CacheEntry): Promise<boolean> {
      try {
        await keyv.set(storageKey(entry), entry);
        return true;
      } catch (error) {
        console.warn('genweave: cache write failed; skipped', error);
        return false;
      }
    },

    entriesForKey(cacheKey: string): CacheEntry[] {
      return byKey.all(cacheKey).map((row) => parseEntry(row.value));
    },

    invalidateNode(projectId: string, nodeId: string): number {
      return db.transaction(() => {
        setWatermark.run(`node:${JSON.stringify([projectId, nodeId])}`, now());
        return deleteNode.run(projectId, nodeId).changes;
      })();
    },

    invalidateKey(cacheKey: string, projectId: string | null, nodeId: string | null): number {
      return db.transaction(() => {
        setWatermark.run(`key:${JSON.stringify([projectId, nodeId, cacheKey])}`, now());
        return deleteKey.run(cacheKey, projectId, nodeId).changes;
      })();
    },

    clear(projectId: string | null): number {
      return db.transaction(() => {
        setWatermark.run(projectId === null ? 'all' : `project:${projectId}`, now());
        return projectId === null ? deleteAll.run().changes : deleteProject.run(projectId).changes;
      })();
    },

    sweep(): number {
      return sweepExpired.run(now()).changes;
    },

    liveEntries(projectId: string | null, nodeId: string | null): CacheEntry[] {
      return liveEntries.all(now(), projectId, nodeId).map((row) => parseEntry(row.value));
    },
  };
}

function parseEntry(serialized: string): CacheEntry {
  return (JSON.parse(serialized) as { value: CacheEntry }).value;
}
