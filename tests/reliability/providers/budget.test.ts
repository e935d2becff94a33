import { describe, expect, it } from 'vitest';
import { fakeHttpJobConfig } from '../../fake-provider';
import { createRequest, openTestEngine, startTestFakeProvider } from '../../integration/engine/engine-fixtures';

describe('budgets', () => {
  it('PROV-12 refuses a paid call past the node budget and the fake sees 0 requests', async () => {
    const fake = await startTestFakeProvider();
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url, { pricing: { perCallUsd: 0.1 } })] });
    const request = createRequest({ budget: { nodeUsd: 0.05 } }, { provider: 'fake-job' });
    await expect(engine.generations.create(request)).rejects.toMatchObject({
      code: 'GEN_BUDGET_EXCEEDED',
      message: 'Budget exceeded for node gen-intro: $0.00 spent + $0.00 reserved + $0.10 estimated > $0.05 limit',
      details: { scope: 'node', limitUsd: 0.05, spentUsd: 0, reservedUsd: 0, estimateUsd: 0.1 },
    });
    expect(fake.calls()).toHaveLength(0);
    expect((await engine.generations.list({})).total).toBe(0);
  });

  it('PROV-12 counts pending estimates as reserved against the project budget', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'pending', times: 10_000 }]);
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url, { pricing: { perCallUsd: 0.1 }, concurrency: 1 })] });
    const budget = { projectUsd: 0.25 };
    const a = await engine.generations.create(createRequest({ nodeId: 'n-a', budget }, { provider: 'fake-job' }));
    const b = await engine.generations.create(createRequest({ nodeId: 'n-b', budget }, { provider: 'fake-job' }));
    expect(a.generation.estimatedCostUsd).toBeCloseTo(0.1);
    await expect(engine.generations.create(createRequest({ nodeId: 'n-c', budget }, { provider: 'fake-job' }))).rejects.toMatchObject({
      code: 'GEN_BUDGET_EXCEEDED',
      details: { scope: 'project', reservedUsd: expect.closeTo(0.2, 6) },
    });
    const dry = await engine.generations.validate(createRequest({ nodeId: 'n-c', budget }, { provider: 'fake-job' }));
    expect(dry.ok).toBe(false);
    expect(dry.error?.code).toBe('GEN_BUDGET_EXCEEDED');
    expect(dry.budget.project).toMatchObject({ limitUsd: 0.25 });
    await engine.generations.cancel(a.generation.id);
    await engine.generations.cancel(b.generation.id);
  });

  it('never checks a free provider', async () => {
    const engine = await openTestEngine();
    const { generation } = await engine.generations.create(createRequest({ budget: { nodeUsd: 0 } }));
    expect(generation.estimatedCostUsd).toBe(0);
  });
});
