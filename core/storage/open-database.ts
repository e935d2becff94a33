import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { GenError, isGenError } from '../domain/gen-error';
import { backupDatabase, listBackups, removeStaleBackupTemps } from './backups';
import { applyMigrations, checkMigrationState, MIGRATIONS, type Migration } from './migrations';
import { applyPragmas } from './pragmas';
import { isCorruptionError, toStorageError } from './sqlite-errors';
import { compactTimestamp, isoTime } from './time-stamp';

export type StartupNotice = { code: string; message: string };
export type OpenedDatabase = { db: Database.Database; file: string; notices: StartupNotice[] };

export const DATABASE_FILE = 'genweave.db';

class CorruptDatabase extends Error {}

/**
 * engine.md §4: opens `<dataDir>/genweave.db`, sets and reads back the pragmas, applies migrations
 * (with a pre-migration backup), and sets aside a file that is not a readable SQLite database.
 */
export function openDatabase(dataDir: string, now: () => number, migrations: readonly Migration[] = MIGRATIONS): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  removeStaleBackupTemps(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  try {
    return { db: openChecked(file, dataDir, now, migrations), file, notices: [] };
  } catch (error) {
    if (!(error instanceof CorruptDatabase)) throw error;
  }
  const notice = quarantine(file, dataDir, now());
  return { db: openChecked(file, dataDir, now, migrations), file, notices: [notice] };
}

function openChecked(file: string, dataDir: string, now: () => number, migrations: readonly Migration[]): Database.Database {
  if (existsSync(file)) probe(file, dataDir, migrations);
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    if (isCorruptionError(error)) throw new CorruptDatabase();
    throw toStorageError(error, 'open the database');
  }
  try {
    const from = checkMigrationState(db, dataDir, migrations);
    applyPragmas(db);
    if (from < migrations.length) {
      if (from > 0) backupDatabase(db, dataDir, from, now());
      applyMigrations(db, from, now(), migrations);
    }
    return db;
  } catch (error) {
    db.close();
    if (isCorruptionError(error)) throw new CorruptDatabase();
    if (isGenError(error)) throw error;
    throw toStorageError(error, 'open the database');
  }
}

/**
 * Looks at an existing file through a read-only connection first: closing it never checkpoints, so a
 * damaged file (or one joined by a foreign -wal) is set aside exactly as found, and a too-new or
 * foreign-ledger file is refused without being touched (engine.md §4.1, §4.3).
 */
function probe(file: string, dataDir: string, migrations: readonly Migration[]): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true });
  } catch (error) {
    if (isCorruptionError(error)) throw new CorruptDatabase();
    throw toStorageError(error, 'open the database');
  }
  try {
    db.pragma('busy_timeout = 5000');
    const version = checkMigrationState(db, dataDir, migrations);
    // Version 0 with objects in it is not a database this application started.
    const objects = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
    if (version === 0 && objects > 0) throw new CorruptDatabase();
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new CorruptDatabase();
  } catch (error) {
    if (error instanceof CorruptDatabase || isCorruptionError(error)) throw new CorruptDatabase();
    throw error;
  } finally {
    db.close();
  }
}

function quarantine(file: string, dataDir: string, at: number): StartupNotice {
  const target = `${file}.corrupt-${compactTimestamp(at)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  const backup = listBackups(dataDir)[0];
  let restored = '';
  const details: Record<string, unknown> = { file: target };
  if (backup !== undefined) {
    copyFileSync(backup, file);
    details.restoredFrom = backup;
    restored = `Restored from the backup of ${backupDate(backup)}.`;
  } else {
    restored = 'A new empty database was created.';
  }
  const error = new GenError(
    'GEN_STORAGE_CORRUPT',
    `The generation database was damaged and was set aside as '${basename(target)}'. ${restored}`,
    details,
  );
  return { code: error.code, message: error.message };
}

function backupDate(backupPath: string): string {
  const match = /-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/.exec(basename(backupPath));
  if (match === null) return basename(backupPath);
  const [, y, mo, d, h, mi, s] = match;
  return isoTime(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}
