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
