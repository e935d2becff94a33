import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../core/engine';
import { MIGRATIONS } from '../../../core/storage';
import { removeDir, request, tempDir } from '../support/engine-kit';
import { figure } from '../support/figure';
import { bundleChild } from './support/child-bundle';
import { killAfterReady } from './support/kill-round';
import { NEXT_MIGRATION, NEXT_ROWS } from './support/next-migration';
import { startChild } from './support/spawn-child';

// RELIABILITY.md DUR-3: a database with data, at this build's version, is opened by a child that knows
// one more (slow) migration; the child is SIGKILLed at a random moment of backup + migration, 50 times,
// each time on a fresh copy. The file must be at the old or the new version with a matching schema,
// and a backup, when there is one, must be a whole copy of the old database.
const ROUNDS = 50;
const AIMED = 10;
const OLD = MIGRATIONS.length;
const NEW = NEXT_MIGRATION.version;

type State = { version: number; schemaOk: boolean; backupOk: boolean; backups: number };

function inspect(dataDir: string, generations: number): State {
  const db = new Database(join(dataDir, 'genweave.db'), { fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasNext = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'next_release'").pluck().get() === 1;
    const ledger = db.prepare('SELECT count(*) FROM migrations').pluck().get() as number;
    const rows = hasNext ? (db.prepare('SELECT count(*) FROM next_release').pluck().get() as number) : 0;
    const kept = db.prepare('SELECT count(*) FROM generations').pluck().get() as number;
    const schemaOk =
      db.pragma('integrity_check', { simple: true }) === 'ok' &&
      kept === generations &&
      (version === OLD ? !hasNext && ledger === OLD : version === NEW && hasNext && rows === NEXT_ROWS && ledger === NEW);
    const dir = join(dataDir, 'backups');
    const files = existsSync(dir) ? readdirSync(dir) : [];
    const backupOk = files.every((name) => {
      const backup = new Database(join(dir, name), { readonly: true, fileMustExist: true });
      try {
        return backup.pragma('integrity_check', { simple: true }) === 'ok' &&
          backup.prepare('SELECT count(*) FROM generations').pluck().get() === generations &&
          backup.pragma('user_version', { simple: true }) === OLD;
      } catch (error) {
        // A torn backup cannot be read at all; that is the failure being counted.
        return !(error instanceof Error);
      } finally {
        backup.close();
      }
    });
    return { version, schemaOk, backupOk, backups: files.length };
  } finally {
    db.close();
  }
}

/** SIGKILL at the first file the backup creates: a temporary copy beside the database, or the backup itself. */
function killWhenBackupStarts(bundle: string, dataDir: string): Promise<void> {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir], { stdio: 'ignore' });
    const kill = (_event: string, name: string | null): void => {
      if (name !== null && !name.startsWith('genweave.db')) child.kill('SIGKILL');
    };
    const watchers = [watch(dataDir, kill), watch(dir, kill)];
    child.on('error', reject);
    child.on('exit', () => {
      for (const watcher of watchers) watcher.close();
      resolve();
    });
  });
}

describe('DUR-3 kill mid-migration', () => {
  let bundle = '';
  let seed = '';
  const GENERATIONS = 4;
  beforeAll(async () => {
    bundle = await bundleChild('./migrate-child.ts');
    seed = tempDir('gw-migrate-seed-');
    const engine = await openEngine({ dataDir: seed, providers: [{ id: 'local-preview', kind: 'local-preview', defaults: { delayMs: 1 } }] });
    for (let i = 0; i < GENERATIONS; i += 1) {
      const { generation } = await engine.generations.create(request({ nodeId: `gen-m-${i}` }));
      await engine.generations.wait(generation.id);
    }
    await engine.close(); // a clean close checkpoints the WAL, so genweave.db alone is the database
    // About 12 MB of cache rows, so that the pre-migration backup (VACUUM INTO) takes long enough to be
    // killed in, too. Expired entries: they are data to copy, never served.
    const db = new Database(join(seed, 'genweave.db'));
    db.exec(`WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 12000)
      INSERT INTO cache_entries (key, value, expiresAt) SELECT 'reliability:filler:' || n, printf('%.1000c', 'x'), 0 FROM c`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  });
  afterAll(() => removeDir(seed));

  function freshCopy(): string {
    const dataDir = tempDir('gw-migrate-');
    mkdirSync(dataDir, { recursive: true });
    copyFileSync(join(seed, 'genweave.db'), join(dataDir, 'genweave.db'));
    return dataDir;
  }

  it(`lands on the old or new version, never between, over ${ROUNDS + AIMED} kills`, { timeout: 180_000 }, async () => {
    // Time one full backup + migration, so that the kills spread over it.
    const timed = freshCopy();
    const started = Date.now();
    const child = await startChild(bundle, [timed], {}, (lines) => lines.includes('OPENED'));
    const migrationMs = Date.now() - started;
    await child.kill();
    expect(inspect(timed, GENERATIONS)).toMatchObject({ version: NEW, schemaOk: true, backupOk: true, backups: 1 });

    const counts = { old: 0, new: 0, between: 0, backup_torn: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      const dataDir = freshCopy();
      await killAfterReady(bundle, [dataDir], migrationMs, 'START');
      const state = inspect(dataDir, GENERATIONS);
      removeDir(dataDir);
      if (!state.schemaOk) counts.between += 1;
      else if (state.version === OLD) counts.old += 1;
      else counts.new += 1;
      if (!state.backupOk) counts.backup_torn += 1;
    }
    // Aimed kills: SIGKILL the moment the backup's first file appears, i.e. while VACUUM INTO is writing it.
    for (let round = 0; round < AIMED; round += 1) {
      const dataDir = freshCopy();
      await killWhenBackupStarts(bundle, dataDir);
      const state = inspect(dataDir, GENERATIONS);
      removeDir(dataDir);
      if (!state.schemaOk) counts.between += 1;
      else if (state.version === OLD) counts.old += 1;
      else counts.new += 1;
      if (!state.backupOk) counts.backup_torn += 1;
    }
    const kills = ROUNDS + AIMED;
    const survived = kills - counts.between - counts.backup_torn;
    figure('DUR-3', { kills, survived, ...counts, aimed_at_backup: AIMED, window_ms: migrationMs });
    expect(counts).toMatchObject({ between: 0, backup_torn: 0 });
  });
});
