import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer, PROFILE_DIR_ENV, SHARED_RENDERER_ENV } from './lib/browser';
import { describeMachine, machineLine } from './lib/machine';
import { type Mode, RESULT_PREFIX, type WorkerResult } from './lib/row-types';
import { formatMarkdown, formatTable } from './lib/table';
import { type ResultRow, rowsOf, runFailed } from './lib/verdict';
import { ROW_IDS } from './rows';

// `npm run bench [-- --quick] [--only=id,id] [--reps=N] [--cpu-prof] [--verbose] [--markdown]`
// Runs every row in its own worker process, prints the table, writes bench/results/latest.json and exits
// non-zero when a ratio misses its target by more than the noise margin (or a row errors).

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const BROWSER_ROWS = ['graph-paint', 'badge-repaint', 'cold-start'];
/** RELIABILITY.md ids of the rows that carry one (§11 PERF-*, §5 CONC-1), for the FIGURE lines. */
const RELIABILITY_IDS: Record<string, string> = {
  'cached-create': 'PERF-1',
  'uncached-create': 'PERF-2',
  throughput: 'PERF-2',
  'single-flight': 'CONC-1',
  'validate-nodes': 'PERF-4',
  'graph-paint': 'PERF-5',
  'badge-repaint': 'PERF-5',
};

/** `FIGURE <id> <measure>=<value> …` (RELIABILITY.md "Reporting the figures"); bench-only rows use BENCH. */
function figureLine(row: ResultRow, id: string): string {
  const key = row.name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').toLowerCase();
  const value = (v: number | null, unit = '') => (v === null ? 'null' : `${Number(v.toPrecision(4))}${unit}`);
  const target = row.target.replace('≤ ', '<=').replace('≥ ', '>=').replace('= ', '').replace('×', 'x');
  const unit = row.unit.replace(/\s/g, '');
  return `FIGURE ${id} ${key}=${value(row.figure, unit)} floor=${value(row.floor, unit)} ratio=${value(row.ratio)} target=${target} status=${row.status}`;
}
const RESULTS_DIR = join(BENCH_DIR, 'results');
/** Profiles are large and per run: they go to the temp dir, never into the tree. */
const PROFILES_DIR = join(os.tmpdir(), `genweave-bench-profiles-${new Date().toISOString().replace(/[:.]/g, '-')}`);

type Options = { mode: Mode; reps: number; only: string[]; cpuProf: boolean; verbose: boolean; markdown: boolean; rendererDir?: string };

function parseOptions(argv: readonly string[]): Options {
  const mode: Mode = argv.includes('--quick') ? 'quick' : 'full';
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const only = value('only')?.split(',').filter(Boolean) ?? ROW_IDS;
  const unknown = only.filter((id) => !ROW_IDS.includes(id));
  if (unknown.length > 0) throw new Error(`unknown rows: ${unknown.join(', ')} (known: ${ROW_IDS.join(', ')})`);
  const reps = Number(value('reps') ?? (mode === 'full' ? 5 : 3));
  if (!Number.isInteger(reps) || reps < 1) throw new Error('--reps must be a positive integer');
  return { mode, reps, only, cpuProf: argv.includes('--cpu-prof'), verbose: argv.includes('--verbose'), markdown: argv.includes('--markdown') };
}

/** A row that does not answer within this time is an ERROR (a hang is a finding, not a skip). */
const ROW_TIMEOUT_MS: Record<Mode, number> = { quick: 120_000, full: 900_000 };

function runWorker(id: string, options: Options): Promise<WorkerResult> {
  const nodeArgs = ['--import', 'tsx', '--expose-gc'];
  // One folder per row: the main thread and tsx's module-loader thread each write their own profile there.
  if (options.cpuProf) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${join(PROFILES_DIR, id)}`);
  const args = [...nodeArgs, join(BENCH_DIR, 'worker.ts'), id, `--mode=${options.mode}`, `--reps=${options.reps}`];
  return new Promise((resolve) => {
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      ...(options.rendererDir === undefined ? {} : { [SHARED_RENDERER_ENV]: options.rendererDir }),
      ...(options.cpuProf ? { [PROFILE_DIR_ENV]: join(PROFILES_DIR, id) } : {}),
    };
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.verbose) process.stderr.write(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ROW_TIMEOUT_MS[options.mode]);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line !== undefined) return resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as WorkerResult);
      if (!options.verbose) process.stderr.write(stderr);
      const why = signal === 'SIGKILL' ? `timed out after ${ROW_TIMEOUT_MS[options.mode] / 1000} s` : `worker exited ${code ?? signal}`;
      resolve({ id, status: 'error', reason: why, measures: [] });
    });
  });
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const machine = describeMachine();
  const started = Date.now();
  process.stdout.write(`genweave bench — ${options.mode} mode, ${options.reps} repetitions per row\n${machineLine(machine)}\n\n`);
  // The browser rows share one fresh renderer build; a build that fails is left to the rows to report (SKIP).
  const buildDir = await mkdtemp(join(os.tmpdir(), 'genweave-bench-renderer-'));
  if (options.cpuProf) process.env[PROFILE_DIR_ENV] = PROFILES_DIR;
  if (options.only.some((id) => BROWSER_ROWS.includes(id))) {
    try {
      options.rendererDir = await buildRenderer(join(buildDir, 'renderer'));
    } catch (thrown) {
      process.stdout.write(`renderer build failed: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`);
    }
  }
  const rows: ResultRow[] = [];
  const figures: string[] = [];
  let discarded = 0;
  for (const id of options.only) {
    const rowStart = Date.now();
    process.stdout.write(`▸ ${id} … `);
    const result = await runWorker(id, options);
    const produced = rowsOf(result, options.reps);
    for (const r of produced) figures.push(figureLine(r, RELIABILITY_IDS[id] ?? 'BENCH'));
    if (result.status === 'ok') discarded += result.reps.filter((r) => r.discarded).length;
    // A worker that died before naming its measures still gets one line in the table.
    rows.push(...(produced.length > 0 ? produced : [{ name: id, figure: null, floor: null, unit: '', ratio: null, target: '—', pass: null, status: 'ERROR', bound: 'cpu', reason: result.status === 'ok' ? 'no measures' : result.reason, reps: [] } satisfies ResultRow]));
    process.stdout.write(`${((Date.now() - rowStart) / 1000).toFixed(1)} s${result.status === 'ok' ? '' : ` (${result.status}: ${result.reason})`}\n`);
  }
  await rm(buildDir, { recursive: true, force: true });
  const durationS = Math.round((Date.now() - started) / 100) / 10;
  process.stdout.write(`\n${options.markdown ? formatMarkdown(rows) : formatTable(rows)}\n\n${figures.join('\n')}\n`);
  const failed = runFailed(rows);
  const judged = rows.filter((r) => r.pass !== null);
  const calibration = discarded === 0 ? 'calibration ok' : `${discarded} repetitions re-run after calibration drift`;
  process.stdout.write(`perf ratios within budget ${judged.filter((r) => r.pass).length}/${judged.length} (median of ${options.reps}, ${calibration})\n`);
  const counts = ['PASS', 'NOISE', 'FAIL', 'REPORT', 'SKIP', 'VOID', 'ERROR'].map((s) => `${s.toLowerCase()} ${rows.filter((r) => r.status === s).length}`);
  process.stdout.write(`${counts.join(' · ')} — ${durationS} s — ${failed ? 'FAILED' : 'ok'}\n`);
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, 'latest.json');
  await writeFile(file, `${JSON.stringify({ machine, mode: options.mode, reps: options.reps, durationS, rows }, null, 2)}\n`);
  process.stdout.write(`results: ${file}\n`);
  if (options.cpuProf) process.stdout.write(`profiles: ${PROFILES_DIR} (read one with: npx tsx bench/profile.ts <file>)\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (thrown: unknown) => {
    process.stderr.write(`${thrown instanceof Error ? thrown.message : String(thrown)}\n`);
    process.exit(2);
  },
);
