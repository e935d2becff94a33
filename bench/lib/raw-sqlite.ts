import { join } from 'node:path';
import Database from 'better-sqlite3';

// The floor's database: a raw better-sqlite3 file with the engine's pragmas (engine.md §4.1) and one STRICT
// table, so "one insert" costs what one committed row costs on this disk, nothing more.

export type RawTable = { insert(id: string, body: string): void; close(): void };

export function openRawTable(dir: string, name = 'floor.db'): RawTable {
  const db = new Database(join(dir, name));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS results (id TEXT PRIMARY KEY, body TEXT NOT NULL, at INTEGER NOT NULL) STRICT');
  const insert = db.prepare<[string, string, number]>('INSERT INTO results (id, body, at) VALUES (?, ?, ?)');
  return {
    insert: (id, body) => void insert.run(id, body, Date.now()),
    close: () => db.close(),
  };
}

export type RawLookups = { insert(at: number, projectId: string, nodeId: string, generationId: string): void; close(): void };

/** The telemetry-insert floor of PERF-1: one committed row shaped like the engine's `lookups` (telemetry.md §2). */
export function openRawLookups(dir: string, name = 'floor-lookups.db'): RawLookups {
  const db = new Database(join(dir, name));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS lookups (at INTEGER NOT NULL, projectId TEXT NOT NULL, nodeId TEXT NOT NULL,
    providerId TEXT NOT NULL, generationId TEXT, outcome TEXT NOT NULL) STRICT`);
  db.exec('CREATE INDEX IF NOT EXISTS lookups_at ON lookups (at)');
  db.exec('CREATE INDEX IF NOT EXISTS lookups_node ON lookups (projectId, nodeId, at)');
  const insert = db.prepare<[number, string, string, string, string, string]>(
    'INSERT INTO lookups (at, projectId, nodeId, providerId, generationId, outcome) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return {
    insert: (at, projectId, nodeId, generationId) => void insert.run(at, projectId, nodeId, 'local-preview', generationId, 'cache_hit'),
    close: () => db.close(),
  };
}
