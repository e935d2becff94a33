import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { backupDatabase, listBackups, openDatabase } from '../../../core/storage';
import { makeTempDir } from '../../integration/engine/engine-fixtures';

describe('pre-migration backups', () => {
  it('DUR-8 takes a VACUUM INTO copy under writes that passes integrity_check with equal row counts', () => {
    const dir = makeTempDir('gw-backup-');
    const { db } = openDatabase(dir, () => Date.UTC(2026, 0, 1));
    const writer = openDatabase(dir, () => 0).db;
    onTestFinished(() => {
      db.close();
      writer.close();
    });
    const insert = writer.prepare("INSERT INTO lookups (at, projectId, nodeId, providerId, generationId, outcome) VALUES (?, 'p', 'n', 'x', NULL, 'cache_miss')");
    for (let i = 0; i < 500; i += 1) insert.run(i);
    writer.exec('BEGIN');
    for (let i = 500; i < 600; i += 1) insert.run(i);
    // The writer's open transaction is not part of the copy; the committed 500 rows are.
    const target = backupDatabase(db, dir, 1, Date.UTC(2026, 0, 1));
    writer.exec('COMMIT');
    const copy = new Database(target, { readonly: true });
    onTestFinished(() => {
      copy.close();
    });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT count(*) AS n FROM lookups').get() as { n: number }).n).toBe(500);
    expect(listBackups(dir)).toEqual([target]);
  });
});
