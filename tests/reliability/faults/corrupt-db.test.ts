import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../core/engine';
import { request, tempDir } from '../support/engine-kit';
import { figure } from '../support/figure';

// RELIABILITY.md DUR-4: five kinds of damaged database. Each time the engine starts, says
// GEN_STORAGE_CORRUPT naming the set-aside file, keeps that file, restores the newest backup, and
// leaves the project file beside it alone.
const LOCAL = [{ id: 'local-preview', kind: 'local-preview' as const, defaults: { delayMs: 1 } }];
const PAGE = 4096;

function sha(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A data dir with 6 completed generations, a backup holding the first 3, and a project file. */
async function seeded(): Promise<{ dataDir: string; projectSha: string }> {
  const dataDir = tempDir('gw-corrupt-');
  const engine = await openEngine({ dataDir, providers: LOCAL });
  const make = async (index: number): Promise<void> => {
    const { generation } = await engine.generations.create(request({ nodeId: `gen-c-${index}` }));
    await engine.generations.wait(generation.id);
  };
  for (let i = 0; i < 3; i += 1) await make(i);
  await engine.close();
  mkdirSync(join(dataDir, 'backups'));
  const db = new Database(join(dataDir, 'genweave.db'));
  db.prepare('VACUUM INTO ?').run(join(dataDir, 'backups', 'genweave-v1-20260101T000000.db'));
  db.close();
  const again = await openEngine({ dataDir, providers: LOCAL });
  for (let i = 3; i < 6; i += 1) {
    const { generation } = await again.generations.create(request({ nodeId: `gen-c-${i}` }));
    await again.generations.wait(generation.id);
  }
  await again.close();
  const project = Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'Harbor' }));
  writeFileSync(join(dataDir, 'harbor.genweave.json'), project);
  return { dataDir, projectSha: sha(project) };
}

function foreignWal(into: string): void {
  const other = tempDir('gw-foreign-');
  const db = new Database(join(other, 'other.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (x TEXT)');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  for (let i = 0; i < 200; i += 1) insert.run('x'.repeat(500));
  copyFileSync(join(other, 'other.db-wal'), join(into, 'genweave.db-wal'));
  db.close();
}

const DAMAGE: Record<string, (dataDir: string) => void> = {
  random_page_bytes: (dataDir) => {
    const file = join(dataDir, 'genweave.db');
    const bytes = readFileSync(file);
    let seed = 7;
    for (let i = PAGE; i < 3 * PAGE && i < bytes.length; i += 1) bytes[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    writeFileSync(file, bytes);
  },
  zeroed_header: (dataDir) => {
    const file = join(dataDir, 'genweave.db');
    const bytes = readFileSync(file);
    bytes.fill(0, 0, 100);
    writeFileSync(file, bytes);
  },
  truncated: (dataDir) => truncateSync(join(dataDir, 'genweave.db'), PAGE + 100),
  text_file: (dataDir) => writeFileSync(join(dataDir, 'genweave.db'), 'This is not a database.\n'),
  foreign_wal: (dataDir) => foreignWal(dataDir),
};

describe('DUR-4 corrupt database', () => {
  it('starts, explains and restores from backup', { timeout: 120_000 }, async () => {
    const outcomes: Record<string, boolean> = {};
    for (const [name, damage] of Object.entries(DAMAGE)) {
      const { dataDir, projectSha } = await seeded();
      damage(dataDir);
      const damaged = readFileSync(join(dataDir, 'genweave.db'));
      const engine = await openEngine({ dataDir, providers: LOCAL });
      const notices = engine.startupNotices.filter((n) => n.code === 'GEN_STORAGE_CORRUPT');
      const restored = (await engine.generations.list({ limit: 50 })).total;
      await engine.close();
      const setAside = readdirSync(dataDir).filter((f) => /^genweave\.db\.corrupt-\d{8}T\d{6}$/.test(f));
      const ok =
        notices.length === 1 &&
        setAside.length === 1 &&
        notices[0]!.message.includes(`'${setAside[0]}'`) &&
        notices[0]!.message.includes('Restored from the backup') &&
        sha(readFileSync(join(dataDir, setAside[0]!))) === sha(damaged) &&
        restored === 3 &&
        sha(readFileSync(join(dataDir, 'harbor.genweave.json'))) === projectSha;
      outcomes[name] = ok;
      expect.soft({ name, notices, setAside, restored }).toMatchObject({ notices: [expect.objectContaining({ code: 'GEN_STORAGE_CORRUPT' })], restored: 3 });
    }
    const passed = Object.values(outcomes).filter(Boolean).length;
    figure('DUR-4', { cases: Object.keys(DAMAGE).length, recovered: passed, ...Object.fromEntries(Object.entries(outcomes).map(([k, v]) => [k, v])) });
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(DAMAGE).map((k) => [k, true])));
  });
});
