import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CALIBRATION_DRIFT_LIMIT, calibrationProbe, drift } from './lib/calibration';
import { type Mode, type RepRecord, RESULT_PREFIX, type RowContext, SkipRow, type WorkerResult } from './lib/row-types';
import { loadRow } from './rows';

// One row in its own process (spawned by run.ts): prepare once, then repetitions bracketed by the
// calibration probe, then one `BENCH_ROW <json>` line on stdout. A fresh process per row keeps one row's
// heap, JIT state and open handles from colouring the next.

function argValue(name: string): string | undefined {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
}

function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  return String(thrown);
}

async function main(): Promise<void> {
  // The engine's timers are unref'd (a host's sockets keep its process alive), so a bare `await wait()`
  // would let this process exit mid-row. This interval stands in for the host until the row is done.
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    await runRow();
  } finally {
    clearInterval(keepAlive);
  }
}

async function runRow(): Promise<void> {
  const id = process.argv[2];
  if (id === undefined) throw new Error('usage: worker.ts <row-id> --mode=quick|full --reps=N');
  const mode: Mode = argValue('mode') === 'full' ? 'full' : 'quick';
  const reps = Number(argValue('reps') ?? (mode === 'full' ? 5 : 3));
  const row = await loadRow(id);
  const measures = row.measures(mode);
  const tmpDir = await mkdtemp(join(os.tmpdir(), `genweave-bench-${id}-`));
  const ctx: RowContext = { mode, tmpDir, log: (message) => process.stderr.write(`[${id}] ${message}\n`) };
  const emit = (result: WorkerResult): void => void process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);

  try {
    let shared: unknown;
    try {
      shared = await row.prepare(ctx);
    } catch (thrown) {
      if (thrown instanceof SkipRow) return emit({ id, status: 'skip', reason: thrown.message, measures });
      throw thrown;
    }
    try {
      const records: RepRecord[] = [];
      // A repetition spoiled by a drifting machine is run again: in full mode up to as many extra times as
      // repetitions asked, in quick mode once, to stay within its time budget.
      const attempts = mode === 'full' ? reps * 2 : reps + 1;
      for (let attempt = 0; records.filter((r) => !r.discarded).length < reps && attempt < attempts; attempt += 1) {
        const calibrated = row.calibrated !== false;
        const probe = async () => {
          if (!calibrated) return 1;
          if (row.settleMs !== undefined) await sleep(row.settleMs);
          return calibrationProbe();
        };
        const before = await probe();
        const samples = await row.rep(ctx, shared, attempt);
        const after = await probe();
        const d = drift(before, after);
        records.push({ samples, calibrationDrift: d, discarded: d > CALIBRATION_DRIFT_LIMIT });
        ctx.log(`rep ${attempt + 1}: ${JSON.stringify(samples)} drift ${(d * 100).toFixed(1)}%`);
      }
      emit({ id, status: 'ok', measures, reps: records });
    } finally {
      await row.dispose?.(shared);
    }
  } catch (thrown) {
    ctx.log(thrown instanceof Error && thrown.stack ? thrown.stack : messageOf(thrown));
    emit({ id, status: 'error', reason: messageOf(thrown), measures });
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
}

main().then(
  // Rows close what they open; exiting explicitly keeps a stray handle in a dependency from hanging the run.
  () => process.exit(0),
  (thrown: unknown) => {
    process.stderr.write(`${messageOf(thrown)}\n`);
    process.exit(1);
  },
);
