import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { compactTimestamp } from './time-stamp';

// engine.md §4.3: a VACUUM INTO copy before migrating a database that has data; the 3 newest are kept.
export const BACKUPS_KEPT = 3;
const TEMP_PREFIX = '.genweave-backup.tmp-';
const BACKUP_NAME = /^genweave-v(\d+)-(\d{8}T\d{6})(?:-(\d+))?\.db$/;

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

export function backupDatabase(db: Database.Database, dataDir: string, fromVersion: number, now: number): string {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const base = `genweave-v${fromVersion}-${compactTimestamp(now)}`;
  let target = join(dir, `${base}.db`);
  for (let n = 2; existsSync(target); n += 1) target = join(dir, `${base}-${n}.db`);
  // The copy is written beside the folder, synced, then renamed in, so backups/ only ever holds whole files.
  const temp = join(dataDir, `${TEMP_PREFIX}${randomUUID()}`);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
  pruneBackups(dataDir);
  return target;
}

/** Copies left by a process killed mid-backup. */
export function removeStaleBackupTemps(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  for (const name of readdirSync(dataDir)) if (name.startsWith(TEMP_PREFIX)) rmSync(join(dataDir, name), { force: true });
}

/** Backups newest first: by the timestamp in the name, then the source version, then the collision counter. */
export function listBackups(dataDir: string): string[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, match: BACKUP_NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .sort((a, b) => {
      const byTime = (b.match[2] ?? '').localeCompare(a.match[2] ?? '');
      if (byTime !== 0) return byTime;
      const byVersion = Number(b.match[1]) - Number(a.match[1]);
      return byVersion !== 0 ? byVersion : Number(b.match[3] ?? 1) - Number(a.match[3] ?? 1);
    })
    .map((entry) => join(dir, entry.name));
}

export function pruneBackups(dataDir: string): void {
  for (const stale of listBackups(dataDir).slice(BACKUPS_KEPT)) rmSync(stale, { force: true });
}
