import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { GenError } from '../domain/gen-error';
import { SCHEMA_V1 } from './schema-v1';
import { SCHEMA_V2 } from './schema-v2';

// engine.md §4.3: numbered migrations that live in code. Each runs in one transaction together with
// its ledger row and the user_version bump, so a crash lands on the old or the new version.

export type Migration = { version: number; name: string; sql: string };

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: SCHEMA_V1 },
  { version: 2, name: 'telemetry percentile indexes', sql: SCHEMA_V2 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function migrationSha256(migration: Migration): string {
  return createHash('sha256').update(migration.sql, 'utf8').digest('hex');
}

export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a database written by a newer build, or one whose ledger differs from this build's text. */
export function checkMigrationState(db: Database.Database, dataDir: string, migrations = MIGRATIONS): number {
  const found = readUserVersion(db);
  const supported = migrations.length;
  if (found > supported) {
    throw new GenError(
      'GEN_DB_TOO_NEW',
      `This data folder was written by a newer version of Genweave Studio (database version ${found}; this version supports up to ${supported}). Update the app or choose another data folder.`,
      { found, supported },
    );
  }
  if (found === 0) return found;
  const ledger = db.prepare('SELECT version, sha256 FROM migrations ORDER BY version').all() as Array<{
    version: number;
    sha256: string;
  }>;
  const byVersion = new Map(ledger.map((row) => [row.version, row.sha256]));
  for (const migration of migrations.slice(0, found)) {
    if (byVersion.get(migration.version) !== migrationSha256(migration)) {
      throw new GenError(
        'GEN_STORAGE_CORRUPT',
        `The database in ${dataDir} was changed by a different build (migration ${migration.version} differs); it was not modified.`,
        { migration: migration.version, dataDir },
      );
    }
  }
  return found;
}

export function applyMigrations(db: Database.Database, from: number, now: number, migrations = MIGRATIONS): void {
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      // Another process opening the same folder may have applied it while we waited for the lock.
      if (readUserVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO migrations (version, name, sha256, appliedAt) VALUES (?, ?, ?, ?)').run(
        migration.version,
        migration.name,
        migrationSha256(migration),
        now,
      );
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
