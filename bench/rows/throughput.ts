import { join } from 'node:path';
import { createAndComplete, dialogueRequest, type FakeEngine, openFakeEngine, rawChat } from '../lib/engine-fixtures';
import type { MeasureSpec, Mode, RowModule } from '../lib/row-types';
import { alternate, runPool } from '../lib/stats';

// Row 3 (PERF-2, throughput): generations per second with 16 create→completed chains in flight against the
// loopback fake, versus raw fetches per second at 16 in flight to the same server. The fake answers at
// once, so the ratio is the engine's own cost per generation at load (the engine runs at most 8 jobs).

type Shared = FakeEngine;

const COUNT = { quick: 300, full: 2_000 };
const IN_FLIGHT = 16;

function measures(mode: Mode): MeasureSpec[] {
  return [{ name: `throughput, ${IN_FLIGHT} in flight (${COUNT[mode]} generations)`, unit: '/s', bound: 'disk', target: { kind: 'min', ratio: 0.6 } }];
}

export const row: RowModule<Shared> = {
  id: 'throughput',
  title: 'throughput at 16 in flight',
  measures,

  async prepare(ctx) {
    const fe = await openFakeEngine(join(ctx.tmpDir, 'data'));
    // Warm the pipeline and the fetch client once at the same width.
    await runPool(2 * IN_FLIGHT, IN_FLIGHT, (i) => createAndComplete(fe.engine, dialogueRequest({ providerId: fe.providerId, strategy: 'always', n: `warm-${i}` })));
    await runPool(2 * IN_FLIGHT, IN_FLIGHT, (i) => rawChat(fe.fake.url, `warm-${i}`));
    return fe;
  },

  async rep(ctx, fe, index) {
    const count = COUNT[ctx.mode];
    const floor = async () => count / ((await runPool(count, IN_FLIGHT, (i) => rawChat(fe.fake.url, `r${index}-${i}`))) / 1000);
    const figure = async () =>
      count /
      ((await runPool(count, IN_FLIGHT, (i) => createAndComplete(fe.engine, dialogueRequest({ providerId: fe.providerId, strategy: 'always', n: `r${index}-${i}` })))) / 1000);
    const [floorRate, figureRate] = await alternate(index, floor, figure);
    return { [measures(ctx.mode)[0]!.name]: { figure: figureRate, floor: floorRate } };
  },

  dispose: (fe) => fe.close(),
};
