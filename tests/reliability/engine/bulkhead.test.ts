import { describe, expect, it } from 'vitest';
import { fakeHttpJobConfig } from '../../fake-provider';
import { engineOn, fakeProvider, request } from '../support/engine-kit';
import { figure } from '../support/figure';

// RELIABILITY.md CONC-7 (provider limit): 100 distinct creates against a provider whose concurrency is 4.
describe('CONC-7 provider limit', () => {
  it('keeps at most 4 in flight for 100 distinct creates and ends all 100', { timeout: 120_000 }, async () => {
    const fake = await fakeProvider();
    fake.setScript(Array.from({ length: 100 }, () => ({ mode: 'pending' as const, times: 2 })));
    const engine = await engineOn({ providers: [fakeHttpJobConfig(fake.url, { concurrency: 4, timeoutMs: 60_000 })] });
    let inFlight = 0;
    let maxInFlight = 0;
    engine.events.subscribe((event) => {
      if (event.type !== 'generation.statusChanged') return;
      if (event.data.to === 'processing') maxInFlight = Math.max(maxInFlight, (inFlight += 1));
      if (event.data.from === 'processing') inFlight -= 1;
    });
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        engine.generations.create(request({ nodeId: `gen-bulk-${index}` }, { provider: 'fake-job', fallback: { mode: 'placeholder', timeoutMs: 60_000 } })),
      ),
    );
    const done = await Promise.all(created.map(({ generation }) => engine.generations.wait(generation.id, { timeoutMs: 100_000 })));
    const terminal = done.filter((g) => ['completed', 'failed', 'cancelled'].includes(g.status)).length;
    figure('CONC-7', { creates: 100, limit: 4, max_in_flight: maxInFlight, terminal });
    expect(new Set(created.map((c) => c.generation.id)).size).toBe(100);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(terminal).toBe(100);
  });
});
