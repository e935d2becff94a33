import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isGenError } from '../../../core/domain/gen-error';
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  listBackups,
  openDatabase,
  readPragmas,
  readUserVersion,
  type Migration,
} from '../../../core/storage';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gw-storage-'));
}

const clock = () => Date.UTC(2026, 0, 2, 3, 4, 5);

function open(dir: string, migrations?: readonly Migration[]) {
  const opened = openDatabase(dir, clock, migrations);
  onTestFinished(() => {
    if (opened.db.open) opened.db.close();
  });
  return opened;
}

async function rejection(fn: () => unknown): Promise<unknown> {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('opening the database', () => {
  it('DUR-1 sets the pragmas on first open and on reopen', () => {
    const dir = tempDir();
    const first = open(dir);
    expect(readPragmas(first.db)).toEqual({ journal_mode: 'wal', synchronous: 1, foreign_keys: 1, busy_timeout: 5000 });
    first.db.close();
    const second = open(dir);
    const readings = readPragmas(second.db);
    expect(readings.journal_mode).toBe('wal');
    expect(readings.synchronous).toBe(1);
    expect(readings.foreign_keys).toBe(1);
    expect(readings.busy_timeout).toBeGreaterThanOrEqual(5000);
  });

  it('applies every migration with its ledger row and user_version', () => {
    const { db } = open(tempDir());
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const ledger = db.prepare('SELECT version FROM migrations').all();
    expect(ledger).toHaveLength(MIGRATIONS.length);
    const strict = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%STRICT%'").all();
    expect(strict).toEqual([]);
  });

  it('refuses a database newer than this build without touching it', async () => {
    const dir = tempDir();
    open(dir).db.close();
    const raw = new Database(join(dir, 'genweave.db'));
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const error = await rejection(() => openDatabase(dir, clock));
    expect(isGenError(error) && error.code).toBe('GEN_DB_TOO_NEW');
    expect(isGenError(error) && error.details).toEqual({ found: LATEST_SCHEMA_VERSION + 1, supported: LATEST_SCHEMA_VERSION });
    const check = new Database(join(dir, 'genweave.db'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    check.close();
  });

  it('refuses a database whose migration ledger differs from this build', async () => {
    const dir = tempDir();
    open(dir).db.close();
    const changed = MIGRATIONS.map((m) => (m.version === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    const error = await rejection(() => openDatabase(dir, clock, changed));
    expect(isGenError(error) && error.code).toBe('GEN_STORAGE_CORRUPT');
    expect(isGenError(error) && error.details).toEqual({ migration: 1, dataDir: dir });
  });

  it('backs up a database with data before migrating it and keeps the 3 newest backups', () => {
    const dir = tempDir();
    open(dir).db.close();
    let migrations: Migration[] = [...MIGRATIONS];
    for (let step = 0; step < 4; step += 1) {
      const version = migrations.length + 1;
      migrations = [...migrations, { version, name: `extra ${version}`, sql: `CREATE TABLE extra${version} (x INTEGER) STRICT;` }];
      const { db } = open(dir, migrations);
      expect(readUserVersion(db)).toBe(version);
      db.close();
    }
    const backups = listBackups(dir);
    expect(backups).toHaveLength(3);
    const newest = new Database(backups[0]!, { readonly: true });
    expect(newest.pragma('user_version', { simple: true })).toBe(migrations.length - 1);
    newest.close();
  });

  it('sets aside a file that is not a database and starts with a fresh one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'genweave.db'), 'this is not sqlite '.repeat(300));
    const { db, notices } = open(dir);
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.code).toBe('GEN_STORAGE_CORRUPT');
    const quarantined = readdirSync(dir).filter((name) => name.startsWith('genweave.db.corrupt-'));
    expect(quarantined).toEqual(['genweave.db.corrupt-20260102T030405']);
    expect(notices[0]?.message).toContain(quarantined[0]);
    expect(notices[0]?.message).toContain('A new empty database was created.');
  });

  it('sets aside a database joined by a foreign -wal exactly as it was found', () => {
    const dir = tempDir();
    open(dir).db.close();
    const before = readFileSync(join(dir, 'genweave.db'));
    const other = new Database(join(tempDir(), 'other.db'));
    other.pragma('journal_mode = WAL');
    other.pragma('wal_autocheckpoint = 0');
    other.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('foreign')");
    copyFileSync(`${other.name}-wal`, join(dir, 'genweave.db-wal'));
    other.close();
    const { notices } = open(dir);
    expect(notices[0]?.code).toBe('GEN_STORAGE_CORRUPT');
    expect(readFileSync(join(dir, 'genweave.db.corrupt-20260102T030405'))).toEqual(before);
    expect(existsSync(join(dir, 'genweave.db.corrupt-20260102T030405-wal'))).toBe(true);
  });

  it('restores the newest backup when the database is damaged', () => {
    const dir = tempDir();
    open(dir).db.close();
    const extra = [...MIGRATIONS, { version: 2, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER) STRICT;' }];
    open(dir, extra).db.close();
    expect(listBackups(dir)).toHaveLength(1);
    writeFileSync(join(dir, 'genweave.db'), Buffer.alloc(8192, 7));
    const { db, notices } = open(dir, extra);
    expect(notices[0]?.message).toContain('Restored from the backup of');
    expect(readUserVersion(db)).toBe(2);
    expect(existsSync(join(dir, 'genweave.db'))).toBe(true);
  });
});
