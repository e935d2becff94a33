import type Database from 'better-sqlite3';
import type { KeyvStoreAdapter } from 'keyv';

// engine.md §4.1: the keyv store is a small adapter over the engine's own better-sqlite3 connection
// (table cache_entries), so SQLite has one owner and one set of pragmas. Expiry is not keyv's: keyv
// would compare against the wall clock, while the engine reads only its own clock. The entry value
// carries `expiresAtMs`, which this adapter copies into the indexed `expiresAt` column for the sweep.

export type SqliteKeyvStore = KeyvStoreAdapter & { namespace?: string | undefined };

export function createSqliteKeyvStore(db: Database.Database): SqliteKeyvStore {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM cache_entries WHERE key = ?');
  const upsert = db.prepare<[string, string, number | null]>(
    'INSERT INTO cache_entries (key, value, expiresAt) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expiresAt = excluded.expiresAt',
  );
  const remove = db.prepare<[string]>('DELETE FROM cache_entries WHERE key = ?');
  const removePrefix = db.prepare<[string, string]>("DELETE FROM cache_entries WHERE substr(key, 1, length(?)) = ?");
  const removeAll = db.prepare('DELETE FROM cache_entries');

  const store: SqliteKeyvStore = {
    opts: { dialect: 'sqlite' },
    namespace: undefined,
    async get<Value>(key: string) {
      // keyv deserializes the stored text itself.
      return select.get(key)?.value as Value | undefined;
    },
    async set(key: string, value: unknown) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      upsert.run(key, text, expiresAtOf(text));
      return true;
    },
    async delete(key: string) {
      return remove.run(key).changes > 0;
    },
    async deleteMany(keys: string[]) {
      let removed = 0;
      db.transaction(() => {
        for (const key of keys) removed += remove.run(key).changes;
      })();
      return removed > 0;
    },
    async clear() {
      if (store.namespace === undefined) removeAll.run();
      else removePrefix.run(`${store.namespace}:`, `${store.namespace}:`);
    },
    async has(key: string) {
      return select.get(key) !== undefined;
    },
    // keyv subscribes to store errors; this store reports failures by throwing instead.
    on() {
      return store;
    },
  };
  return store;
}

function expiresAtOf(serialized: string): number | null {
  const parsed = JSON.parse(serialized) as { value?: { expiresAtMs?: unknown } };
  const expires = parsed.value?.expiresAtMs;
  return typeof expires === 'number' ? expires : null;
}
