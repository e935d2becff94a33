import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { isGenError } from '../../../core/domain';
import { engineOn, request, tempDir } from '../support/engine-kit';
import { figure } from '../support/figure';

// RELIABILITY.md DUR-5: the engine's own connection gets `PRAGMA max_page_count` at its current size, so
// the next page SQLite needs is refused with SQLITE_FULL. The connection is the one the engine opened
// (captured from its pragma calls); nothing else about the engine is replaced.
const LOCAL = [{ id: 'local-preview', kind: 'local-preview' as const, defaults: { delayMs: 1 } }];

describe('DUR-5 disk full, database', () => {
  it('fails the generation cleanly when SQLite is full', { timeout: 60_000 }, async () => {
    const spy = vi.spyOn(Database.prototype, 'pragma');
    const dataDir = tempDir('gw-full-');
    const engine = await engineOn({ dataDir, providers: LOCAL });
    const db = spy.mock.contexts.find((c): c is Database.Database => c instanceof Database && c.name.startsWith(dataDir));
    spy.mockRestore();
    expect(db).toBeDefined();
    const pages = db!.pragma('page_count', { simple: true }) as number;
    db!.pragma(`max_page_count = ${pages}`);

    const outcomes = { thrown_full: 0, failed_full: 0, other_errors: [] as string[], stuck: 0 };
    const ids: string[] = [];
    // Each create adds rows, events, attempts and telemetry; within a few hundred the pages run out.
    for (let i = 0; i < 400 && outcomes.thrown_full + outcomes.failed_full === 0; i += 1) {
      try {
        const { generation } = await engine.generations.create(request({ nodeId: `gen-full-${i}`, projectId: 'proj-full' }, { prompt: { inline: `Line ${i} ${'x'.repeat(2000)}` } }));
        ids.push(generation.id);
        const done = await engine.generations.wait(generation.id, { timeoutMs: 10_000 });
        if (done.errorCode === 'GEN_STORAGE_FULL') outcomes.failed_full += 1;
        else if (done.status !== 'completed' && done.status !== 'failed') outcomes.stuck += 1;
      } catch (error) {
        if (isGenError(error) && error.code === 'GEN_STORAGE_FULL') outcomes.thrown_full += 1;
        else outcomes.other_errors.push(isGenError(error) ? error.code : String(error));
      }
    }
    const inTransaction = db!.inTransaction;
    const integrity = db!.pragma('integrity_check', { simple: true });
    // Nothing left half-way: every generation that exists is terminal.
    const nonTerminal = (await engine.generations.list({ status: ['pending', 'processing'], limit: 200 })).total;

    db!.pragma('max_page_count = 1073741823');

    // The disk fills while a generation runs: its terminal writes meet SQLITE_FULL.
    const running = await engine.generations.create(
      request({ nodeId: 'gen-full-running', projectId: 'proj-full' }, { modelParams: { delayMs: 300 }, prompt: { inline: `Run ${'y'.repeat(4000)}` } }),
    );
    db!.exec('CREATE TABLE IF NOT EXISTS reliability_filler (x BLOB)');
    db!.pragma(`max_page_count = ${db!.pragma('page_count', { simple: true }) as number}`);
    const fill = db!.prepare('INSERT INTO reliability_filler VALUES (randomblob(1000))');
    for (;;) {
      try {
        fill.run();
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_FULL') break;
        throw error;
      }
    }
    const whileFull = await engine.generations.wait(running.generation.id, { timeoutMs: 20_000 });
    db!.exec('DROP TABLE reliability_filler');
    db!.pragma('max_page_count = 1073741823');
    const runningOutcome = `${whileFull.status}:${whileFull.errorCode ?? 'none'}`;

    const { generation } = await engine.generations.create(request({ nodeId: 'gen-after-full', projectId: 'proj-full' }));
    const after = await engine.generations.wait(generation.id);
    figure('DUR-5', { running_when_full: runningOutcome, ...outcomes, other_errors: outcomes.other_errors.join(',') || 'none', in_transaction: inTransaction, integrity, non_terminal: nonTerminal, after_raise: after.status });
    expect(outcomes.thrown_full + outcomes.failed_full).toBe(1);
    expect(outcomes.other_errors).toEqual([]);
    expect(outcomes.stuck).toBe(0);
    expect(inTransaction).toBe(false);
    expect(integrity).toBe('ok');
    expect(nonTerminal).toBe(0);
    expect(after.status).toBe('completed');
    // Terminal either way: completed if the writes still fitted, else failed with GEN_STORAGE_FULL.
    expect(['completed:none', 'failed:GEN_STORAGE_FULL']).toContain(runningOutcome);
  });
});
