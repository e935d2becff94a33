import { createHash, randomBytes } from 'node:crypto';
import { cp, readdir, readFile } from 'node:fs/promises';
import type * as NodeFs from 'node:fs';
import * as nodeFsPromises from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { isGenError } from '../../../core/domain';
import { BUNDLE_FILE, EXPORT_TEMP_PREFIX, runExport } from '../../../core/export';
import { readProjectFile, saveProjectFile } from '../../../core/project';
import { countTempFiles, openMediaStore } from '../../../core/storage';
import { engineOn, request, tempDir } from '../support/engine-kit';
import { figure } from '../support/figure';

// DUR-6 needs ENOSPC inside the media store's synchronous writes: node:fs is wrapped so that, once
// armed, writeSync fails after a byte budget. Unarmed, it is node:fs.
const disk = vi.hoisted(() => ({ budget: Number.POSITIVE_INFINITY }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof NodeFs>();
  const writeSync = ((fd: number, buffer: NodeJS.ArrayBufferView, offset?: number, length?: number, position?: number | null) => {
    const wanted = length ?? buffer.byteLength - (offset ?? 0);
    if (disk.budget <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
    const allowed = Math.min(wanted, disk.budget);
    disk.budget -= allowed;
    return real.writeSync(fd, buffer, offset, allowed, position);
  }) as typeof real.writeSync;
  return { ...real, default: { ...real, writeSync }, writeSync };
});

const SAMPLE_DIR = new URL('../../../resources/sample/', import.meta.url).pathname;
const OFFSETS = [0, 1, 100, 1000, 4095, 4096, 10_000, 30_000, 65_535, 100_000];

/** node:fs/promises whose file handles fail with ENOSPC once `limit` bytes have been written through them. */
function fullAfter(limit: number): typeof nodeFsPromises {
  let written = 0;
  return {
    ...nodeFsPromises,
    open: (async (...args: Parameters<typeof nodeFsPromises.open>) => {
      const handle = await nodeFsPromises.open(...args);
      const write = handle.write.bind(handle) as (b: Uint8Array, o: number, l: number) => Promise<{ bytesWritten: number }>;
      return Object.assign(handle, {
        write: async (buffer: Uint8Array, offset = 0, length = buffer.byteLength - offset) => {
          const room = limit - written;
          if (room <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          const n = Math.min(room, length);
          written += n;
          return write(buffer, offset, n);
        },
      });
    }) as typeof nodeFsPromises.open,
  };
}

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

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
    const whileFull = await engine.generations.wait(running.generation.id, { timeoutMs: 3_000 });
    db!.exec('DROP TABLE reliability_filler');
    db!.pragma('max_page_count = 1073741823');
    // While the database is full even the failure may not fit; it is written as soon as it does (the job is
    // retried every second), so the generation never stays stuck once space returns.
    const settled = await engine.generations.wait(running.generation.id, { timeoutMs: 10_000 });
    const runningOutcome = `${settled.status}:${settled.errorCode ?? 'none'}`;

    const { generation } = await engine.generations.create(request({ nodeId: 'gen-after-full', projectId: 'proj-full' }));
    const after = await engine.generations.wait(generation.id);
    figure('DUR-5', { running_while_full: whileFull.status, running_after_space: runningOutcome, ...outcomes, other_errors: outcomes.other_errors.join(',') || 'none', in_transaction: inTransaction, integrity: String(integrity), non_terminal: nonTerminal, after_raise: after.status });
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

describe('DUR-6 disk full, files', () => {
  it('never leaves a torn file', { timeout: 120_000 }, async () => {
    const results = { save: 0, export: 0, media: 0 };
    const dir = tempDir('gw-enospc-');
    const projectDir = join(dir, 'project');
    await cp(SAMPLE_DIR, projectDir, { recursive: true });
    const projectPath = join(projectDir, 'harbor-lights.genweave.json');
    const { document } = await readProjectFile(projectPath);
    const outDir = join(dir, 'out');
    await runExport({ document, projectPath, outDir });
    let bundleBefore = await snapshot(outDir);

    for (const limit of OFFSETS) {
      // Save: the project file is the old bytes, whole, and no temp file is left.
      const before = await readFile(projectPath);
      const bigger = { ...document, name: `Harbor ${'x'.repeat(120_000)}` };
      const save = await saveProjectFile({ path: projectPath, document: bigger, force: true, fs: fullAfter(limit) }).then(() => null, (e: unknown) => e);
      const after = await readFile(projectPath);
      const temps = (await readdir(projectDir)).filter((n) => n.includes('.tmp'));
      if (isGenError(save) && save.code === 'GEN_STORAGE_FULL' && sha(after) === sha(before) && temps.length === 0) results.save += 1;

      // Export: the previous bundle intact, or (when the budget sufficed) the new one whole; no temp folder.
      const name = `Export at ${limit}`;
      const exported = await runExport({ document: { ...document, name }, projectPath, outDir }, { fs: fullAfter(limit) }).then(() => null, (e: unknown) => e);
      const bundleAfter = await snapshot(outDir);
      const exportTemps = (await readdir(outDir)).filter((n) => n.startsWith(EXPORT_TEMP_PREFIX));
      const kept = isGenError(exported) && exported.code === 'GEN_STORAGE_FULL' && JSON.stringify(bundleAfter) === JSON.stringify(bundleBefore);
      const replaced = exported === null && (JSON.parse(await readFile(join(outDir, BUNDLE_FILE), 'utf8')) as { project: { name: string } }).project.name === name;
      if ((kept || replaced) && exportTemps.length === 0) results.export += 1;
      if (replaced) bundleBefore = bundleAfter;

      // Media: the content-addressed file is absent or whole, and .tmp is empty.
      const store = openMediaStore(join(dir, `data-${limit}`));
      const bytes = randomBytes(120_000);
      disk.budget = limit;
      const put = (() => {
        try {
          return store.put(bytes, 'image/png');
        } catch (error) {
          return error;
        } finally {
          disk.budget = Number.POSITIVE_INFINITY;
        }
      })();
      const target = store.pathOf(sha(bytes), 'image/png');
      const stored = await readFile(target).then((b) => b, () => null);
      if (isGenError(put) && put.code === 'GEN_STORAGE_FULL' && stored === null && countTempFiles(store) === 0) results.media += 1;
    }
    figure('DUR-6', { offsets: OFFSETS.length, save_whole: results.save, export_whole: results.export, media_whole: results.media });
    expect(results).toEqual({ save: OFFSETS.length, export: OFFSETS.length, media: OFFSETS.length });
  });
});

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).map(String).sort()) {
    const bytes = await readFile(join(dir, name)).catch(() => null);
    if (bytes !== null) out[name] = sha(bytes);
  }
  return out;
}
