import type Database from 'better-sqlite3';
import { GenError } from '../domain/gen-error';

// engine.md §4.1: set on every open, then read back. A reopened WAL database otherwise silently keeps
// a different `synchronous` than a new one, so a value that does not read back fails the open.
// busy_timeout comes first: switching to WAL needs a lock another opening process may hold.
const REQUIRED: ReadonlyArray<{ set: string; name: string; expected: string | number }> = [
  { set: 'busy_timeout = 5000', name: 'busy_timeout', expected: 5000 },
  { set: 'journal_mode = WAL', name: 'journal_mode', expected: 'wal' },
  { set: 'synchronous = NORMAL', name: 'synchronous', expected: 1 },
  { set: 'foreign_keys = ON', name: 'foreign_keys', expected: 1 },
];

export type PragmaReadings = { journal_mode: string; synchronous: number; foreign_keys: number; busy_timeout: number };

/**
 * Pages in the WAL before a commit checkpoints it. SQLite's default (1000 pages, 4 MB) makes a busy engine
 * stop every few dozen generations to copy pages back and fsync; at 4000 the hot index pages rewritten
 * between checkpoints are copied once, and the WAL stays under 16 MB (it is truncated to that size).
 */
const WAL_AUTOCHECKPOINT_PAGES = 4000;

export function applyPragmas(db: Database.Database): PragmaReadings {
  const readings: Record<string, unknown> = {};
  for (const pragma of REQUIRED) {
    db.pragma(pragma.set);
    const value = db.pragma(pragma.name, { simple: true });
    const normalized = typeof value === 'string' ? value.toLowerCase() : value;
    if (normalized !== pragma.expected) {
      throw new GenError('GEN_STORAGE_ERROR', `Could not open the database: ${pragma.name} reads back as ${String(value)}.`, {
        operation: 'open the database',
        reason: `${pragma.name} reads back as ${String(value)}`,
      });
    }
    readings[pragma.name] = normalized;
  }
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_AUTOCHECKPOINT_PAGES * 4096}`);
  return readings as PragmaReadings;
}

export function readPragmas(db: Database.Database): PragmaReadings {
  return {
    journal_mode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    foreign_keys: db.pragma('foreign_keys', { simple: true }) as number,
    busy_timeout: db.pragma('busy_timeout', { simple: true }) as number,
  };
}
