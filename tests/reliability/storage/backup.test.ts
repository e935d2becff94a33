import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openEngine } from '../../../core/engine';
import { BACKUPS_KEPT, listBackups } from '../../../core/storage';
import { backupDatabase } from '../../../core/storage/backups';
import { bundleChild } from '../faults/support/child-bundle';
import { startChild } from '../faults/support/spawn-child';
import { tempDir } from '../support/engine-kit';
import { figure } from '../support/figure';

// RELIABILITY.md DUR-8 (backup): VACUUM INTO copies taken while the writer child keeps committing
// generations are whole databases that restore with their row counts; only the 3 newest are kept.
describe('DUR-8 backup', () => {
  let bundle = '';
  beforeAll(async () => {
    bundle = await bundleChild('./writer-child.ts');
  });

  it('takes whole backups under writes, restores them and keeps the 3 newest', { timeout: 120_000 }, async () => {
    const dataDir = tempDir('gw-backup-');
    const acks = (lines: string[]): number => lines.filter((l) => l.startsWith('ACK ')).length;
    const writer = await startChild(bundle, [dataDir, 'b'], {}, (lines) => acks(lines) >= 5);
    onTestFinished(() => writer.kill());
    const db = new Database(join(dataDir, 'genweave.db'));
    db.pragma('busy_timeout = 5000');
    const count = db.prepare('SELECT count(*) FROM generations').pluck();
    const taken: Array<{ file: string; low: number; high: number }> = [];
    const start = Date.UTC(2026, 0, 1);
    const first = count.get() as number;
    // Each backup waits for the writer's next commit, so that every copy is taken between writes.
    const ackCount = (n: number): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => {
          if (acks(writer.lines()) < n) return;
          writer.child.stdout?.off('data', check);
          resolve();
        };
        writer.child.stdout?.on('data', check);
        check();
      });
    for (let i = 0; i < BACKUPS_KEPT + 2; i += 1) {
      await ackCount(6 + i);
      const low = count.get() as number;
      const file = backupDatabase(db, dataDir, 1, start + i * 1000);
      taken.push({ file, low, high: count.get() as number });
    }
    const written = (count.get() as number) - first;
    await writer.kill();
    db.close();
    expect(written).toBeGreaterThan(0);

    const kept = listBackups(dataDir);
    expect(kept).toEqual(taken.slice(-BACKUPS_KEPT).map((t) => t.file).reverse());
    let whole = 0;
    for (const { file, low, high } of taken.slice(-BACKUPS_KEPT)) {
      const backup = new Database(file, { readonly: true });
      const rows = backup.prepare('SELECT count(*) FROM generations').pluck().get() as number;
      const integrity = backup.pragma('integrity_check', { simple: true });
      backup.close();
      expect(integrity).toBe('ok');
      expect(rows).toBeGreaterThanOrEqual(low);
      expect(rows).toBeLessThanOrEqual(high);
      // Restore: the backup becomes the database of a fresh data dir and the engine reads the same rows.
      const restoredDir = tempDir('gw-restored-');
      mkdirSync(restoredDir, { recursive: true });
      copyFileSync(file, join(restoredDir, 'genweave.db'));
      const engine = await openEngine({ dataDir: restoredDir });
      const total = (await engine.generations.list({ limit: 1 })).total;
      await engine.close();
      expect(total).toBe(rows);
      whole += 1;
    }
    figure('DUR-8', { backups_taken: taken.length, kept: kept.length, whole_and_restored: whole, writes_during: written });
  });
});
