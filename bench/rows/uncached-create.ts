import { join } from 'node:path';
import { createAndComplete, dialogueRequest, type FakeEngine, openFakeEngine, rawChat } from '../lib/engine-fixtures';
import { openRawTable, type RawTable } from '../lib/raw-sqlite';
import type { MeasureSpec, Mode, RowModule } from '../lib/row-types';
import { alternate, percentile, timeEach } from '../lib/stats';

// Row 2 (PERF-2, latency): an uncached create run to `completed` against the loopback fake, one at a time.
// Strategy `always` with a fresh prompt variable: no dedup, no cache, no in-flight join, so every call is
// the whole pipeline (create → queue → scheduler → HTTP exchange → completion transaction → wait).
// Floor per call: one raw fetch of the same chat request to the same server plus one SQLite insert.

type Shared = { fe: FakeEngine; raw: RawTable };

const CALLS = { quick: 60, full: 200 };
const WARMUP = 20;

function measures(mode: Mode): MeasureSpec[] {
  return [{ name: `uncached create → completed p50 (${CALLS[mode]} calls)`, unit: 'ms', bound: 'disk', target: { kind: 'max', ratio: 1.5 } }];
}

export const row: RowModule<Shared> = {
  id: 'uncached-create',
  title: 'uncached create → completed',
  measures,

  async prepare(ctx) {
    const fe = await openFakeEngine(join(ctx.tmpDir, 'data'));
    const raw = openRawTable(ctx.tmpDir);
    for (let i = 0; i < WARMUP; i += 1) {
      await createAndComplete(fe.engine, dialogueRequest({ providerId: fe.providerId, strategy: 'always', n: `warm-${i}` }));
      raw.insert(`warm-${i}`, await rawChat(fe.fake.url, `warm-${i}`));
    }
    return { fe, raw };
  },

  async rep(ctx, { fe, raw }, index) {
    const ns = Array.from({ length: CALLS[ctx.mode] }, (_, i) => `r${index}-${i}`);
    const floor = () =>
      timeEach(ns, async (n) => {
        raw.insert(`floor-${n}`, await rawChat(fe.fake.url, n));
      });
    const figure = () => timeEach(ns, (n) => createAndComplete(fe.engine, dialogueRequest({ providerId: fe.providerId, strategy: 'always', n })));
    const [floorTimes, figureTimes] = await alternate(index, floor, figure);
    return { [measures(ctx.mode)[0]!.name]: { figure: percentile(figureTimes, 0.5), floor: percentile(floorTimes, 0.5) } };
  },

  async dispose({ fe, raw }) {
    raw.close();
    await fe.close();
  },
};
