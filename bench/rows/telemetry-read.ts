import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ProviderConfig } from '../../core/domain';
import { insertTelemetrySamples } from '../lib/bulk-rows';
import { type Engine, INSTANT_PREVIEW, loadEngine, openEngineOrSkip } from '../lib/engine-fixtures';
import type { MeasureSpec, Mode, RowModule } from '../lib/row-types';
import { alternate, median, nowMs } from '../lib/stats';

// Row 6: `telemetry.providers({ window: '24h' })` — counts and p50/p95/p99 per provider — over N samples,
// versus a single SELECT of those samples, sorted, on a raw connection to the same file. Samples are bulk
// inserted before the engine opens (bench/lib/bulk-rows.ts).

type Shared = { engine: Engine; raw: Database.Database; select: Database.Statement<[number]>; since: number };

const SAMPLES = { quick: 20_000, full: 100_000 };
const READS = 7;
const PROVIDERS: ProviderConfig[] = ['fake-a', 'fake-b', 'fake-c'].map((id) => ({
  id,
  kind: 'openai-compatible',
  // Never contacted: the row only reads telemetry.
  baseUrl: 'http://127.0.0.1:9/v1',
  model: 'bench-model',
}));

function measures(mode: Mode): MeasureSpec[] {
  return [{ name: `telemetry read, 24h per provider (${SAMPLES[mode] / 1000}k samples)`, unit: 'ms', bound: 'disk', target: { kind: 'max', ratio: 2 } }];
}

function medianTime(fn: () => unknown): number {
  return median(
    Array.from({ length: READS }, () => {
      const start = nowMs();
      fn();
      return nowMs() - start;
    }),
  );
}

export const row: RowModule<Shared> = {
  id: 'telemetry-read',
  title: 'telemetry read',
  measures,

  async prepare(ctx) {
    const deps = await loadEngine();
    const dataDir = join(ctx.tmpDir, 'data');
    const providers = [INSTANT_PREVIEW, ...PROVIDERS];
    // Open once so the engine creates and migrates the file, then fill it with no engine attached.
    await (await openEngineOrSkip(deps, { dataDir, providers })).close();
    const now = Date.now();
    insertTelemetrySamples(dataDir, SAMPLES[ctx.mode], providers.map((p) => p.id), now);
    const engine = await openEngineOrSkip(deps, { dataDir, providers });
    const health = await engine.telemetry.providers({ window: '24h' });
    const total = health.reduce((sum, h) => sum + h.total, 0);
    if (total !== SAMPLES[ctx.mode]) throw new Error(`telemetry.providers counted ${total} samples, expected ${SAMPLES[ctx.mode]}`);
    const raw = new Database(join(dataDir, 'genweave.db'), { readonly: true });
    const select = raw.prepare<[number]>('SELECT providerId, status, latencyMs FROM telemetry_samples WHERE at >= ? ORDER BY providerId, latencyMs');
    return { engine, raw, select, since: now - 86_400_000 };
  },

  async rep(ctx, s, index) {
    const [floor, figure] = await alternate(
      index,
      () => medianTime(() => s.select.all(s.since)),
      async () => {
        const times: number[] = [];
        for (let i = 0; i < READS; i += 1) {
          const start = nowMs();
          await s.engine.telemetry.providers({ window: '24h' });
          times.push(nowMs() - start);
        }
        return median(times);
      },
    );
    return { [measures(ctx.mode)[0]!.name]: { figure, floor } };
  },

  async dispose(s) {
    s.raw.close();
    await s.engine.close();
  },
};
