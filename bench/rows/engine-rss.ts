import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloneGenerations } from '../lib/bulk-rows';
import { createAndComplete, dialogueRequest, INSTANT_PREVIEW, loadEngine, openEngineOrSkip } from '../lib/engine-fixtures';
import type { MeasureSpec, Mode, RowModule } from '../lib/row-types';

// Row 9: process RSS of an engine whose database holds N generations, after a typical session's reads,
// versus the RSS of an idle engine (empty data dir, same reads) measured first in the same process. Every
// repetition is a fresh process (bench/probes/engine-rss.ts), since RSS never shrinks back within one.
// Setup: 40 real generations through the engine (local-preview, no delay), cloned in SQL up to N with
// their events, attempts and telemetry samples (bench/lib/bulk-rows.ts).

type Shared = { bigDir: string };

const GENERATIONS = { quick: 10_000, full: 100_000 };
const SEEDS = 40;
const PROBE = join(dirname(fileURLToPath(import.meta.url)), '..', 'probes', 'engine-rss.ts');

function measures(mode: Mode): MeasureSpec[] {
  return [{ name: `engine RSS with ${GENERATIONS[mode] / 1000}k generations in the DB`, unit: 'MiB', bound: 'disk', target: { kind: 'max', ratio: 1.5 } }];
}

function runProbe(idleDir: string, bigDir: string): Promise<{ idle: number; big: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', PROBE, idleDir, bigDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => {
      const match = /^RSS (\d+) (\d+)$/m.exec(out);
      if (code !== 0 || match === null) return reject(new Error(`RSS probe exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
      resolve({ idle: Number(match[1]), big: Number(match[2]) });
    });
  });
}

export const row: RowModule<Shared> = {
  id: 'engine-rss',
  title: 'engine RSS at scale',
  calibrated: false,
  measures,

  async prepare(ctx) {
    const deps = await loadEngine();
    const bigDir = join(ctx.tmpDir, 'big');
    const engine = await openEngineOrSkip(deps, { dataDir: bigDir, providers: [INSTANT_PREVIEW] });
    try {
      for (let i = 0; i < SEEDS; i += 1) {
        await createAndComplete(engine, dialogueRequest({ providerId: 'local-preview', strategy: 'always', n: `seed-${i}`, nodeId: `gen-node-${i % 20}` }));
      }
    } finally {
      await engine.close();
    }
    cloneGenerations(bigDir, GENERATIONS[ctx.mode], Date.now());
    return { bigDir };
  },

  async rep(ctx, s) {
    const idleDir = await mkdtemp(join(ctx.tmpDir, 'idle-'));
    const { idle, big } = await runProbe(idleDir, s.bigDir);
    const mib = (bytes: number) => bytes / 1024 ** 2;
    return { [measures(ctx.mode)[0]!.name]: { figure: mib(big), floor: mib(idle) } };
  },
};
