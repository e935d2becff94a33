import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isGenError } from '../../../core/domain';
import { openEngine } from '../../../core/engine';
import { MIGRATIONS, openDatabase } from '../../../core/storage';
import { NEXT_MIGRATION } from '../faults/support/next-migration';
import { request, tempDir } from '../support/engine-kit';
import { figure } from '../support/figure';

// RELIABILITY.md DATA-3. This build has one released schema (v1), so the fixture of every older
// database is the v1 database a real engine writes, with sample rows. It is migrated by this build's
// migrations plus a stand-in for the next release, and must end with the schema of a database created
// fresh at that version, rows intact. A database from a newer build is refused and left untouched.
const LOCAL = [{ id: 'local-preview', kind: 'local-preview' as const, defaults: { delayMs: 1 } }];

function schemaDump(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
    return JSON.stringify({ rows, version: db.pragma('user_version', { simple: true }) });
  } finally {
    db.close();
  }
}

function bytesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).filter((f) => f.startsWith('genweave.db')).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );
}

async function v1Fixture(): Promise<{ dataDir: string; ids: string[] }> {
  const dataDir = tempDir('gw-data3-');
  const engine = await openEngine({ dataDir, providers: LOCAL });
  const ids: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const { generation } = await engine.generations.create(request({ nodeId: `gen-d3-${i}` }));
    ids.push((await engine.generations.wait(generation.id)).id);
  }
  await engine.close();
  return { dataDir, ids };
}

describe('DATA-3 every old database migrates', () => {
  it('migrates every fixture to the fresh schema', { timeout: 60_000 }, async () => {
    const withNext = [...MIGRATIONS, NEXT_MIGRATION];
    const fresh = tempDir('gw-data3-fresh-');
    openDatabase(fresh, Date.now, withNext).db.close();
    const fixtures = [await v1Fixture()];
    let matched = 0;
    for (const { dataDir, ids } of fixtures) {
      openDatabase(dataDir, Date.now, withNext).db.close();
      expect(schemaDump(join(dataDir, 'genweave.db'))).toBe(schemaDump(join(fresh, 'genweave.db')));
      const db = new Database(join(dataDir, 'genweave.db'), { readonly: true });
      const kept = db.prepare(`SELECT id FROM generations WHERE status = 'completed' ORDER BY id`).pluck().all();
      db.close();
      expect(kept).toEqual([...ids].sort());
      matched += 1;
    }

    // A database one version past this build: refused, every byte left as it was.
    const future = (await v1Fixture()).dataDir;
    const db = new Database(join(future, 'genweave.db'));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const before = bytesOf(future);
    const refused = await openEngine({ dataDir: future }).then(
      (engine) => (void engine.close(), null),
      (error: unknown) => error,
    );
    expect(isGenError(refused) && refused.code).toBe('GEN_DB_TOO_NEW');
    expect(isGenError(refused) && refused.details).toEqual({ found: MIGRATIONS.length + 1, supported: MIGRATIONS.length });
    // SQLite itself may add empty -wal/-shm companions when it opens a WAL database; the file is what must not change.
    const after = bytesOf(future);
    expect(after['genweave.db']).toBe(before['genweave.db']);
    figure('DATA-3', { fixtures: fixtures.length, matched, too_new_refused: isGenError(refused), file_untouched: after['genweave.db'] === before['genweave.db'], companions_after: Object.keys(after).length - 1 });
  });
});
