import { join } from 'node:path';
import { dialogueRequest, type FakeEngine, openFakeEngine } from '../lib/engine-fixtures';
import type { MeasureSpec, RowModule } from '../lib/row-types';

// Row 4 (generation.md §9): 100 identical creates issued together while the fake holds its answer for
// 300 ms make exactly one provider call. The figure is the count of chat requests the fake received.

const CONCURRENT = 100;
const HOLD_MS = 300;

const MEASURES: MeasureSpec[] = [
  { name: `${CONCURRENT} identical concurrent creates → provider calls`, unit: 'calls', bound: 'cpu', target: { kind: 'exact', value: 1 } },
];

export const row: RowModule<FakeEngine> = {
  id: 'single-flight',
  title: '100 identical concurrent creates',
  calibrated: false,
  measures: () => MEASURES,

  prepare: (ctx) => openFakeEngine(join(ctx.tmpDir, 'data')),

  async rep(_ctx, fe, index) {
    fe.fake.reset();
    fe.fake.setScript([{ mode: 'ok', match: 'submit', delayMs: HOLD_MS }]);
    // A node of its own per repetition: a `once` entry cached by an earlier repetition would answer instead.
    const request = dialogueRequest({ providerId: fe.providerId, strategy: 'once', n: 'flight', nodeId: `gen-flight-${index}` });
    const replies = await Promise.all(Array.from({ length: CONCURRENT }, () => fe.engine.generations.create(request)));
    const ids = new Set(replies.map((r) => r.generation.id));
    await Promise.all([...ids].map((id) => fe.engine.generations.wait(id)));
    const calls = fe.fake.calls().filter((c) => c.method === 'POST' && c.path === '/v1/chat/completions').length;
    if (ids.size !== 1) throw new Error(`${CONCURRENT} identical creates made ${ids.size} generations (${calls} provider calls)`);
    return { [MEASURES[0]!.name]: { figure: calls, floor: null } };
  },

  dispose: (fe) => fe.close(),
};
