import { describe, expect, it, vi } from 'vitest';
import type { FakeStep } from '../../fake-provider';
import { fakeHttpJobConfig } from '../../fake-provider';
import { WAIT, createRequest, openTestEngine, startTestFakeProvider } from './engine-fixtures';

type Row = { steps: FakeStep[]; status: string; errorCode: string | null; errorClass: string | null };

// providers.md §9 modes against the real engine, the real HTTP client and the real retry policy.
const FAULTS: Record<string, Row> = {
  ok: { steps: [{ mode: 'ok' }], status: 'completed', errorCode: null, errorClass: null },
  pending: { steps: [{ mode: 'pending', times: 3 }], status: 'completed', errorCode: null, errorClass: null },
  error500: { steps: [{ mode: 'error500', match: 'submit' }], status: 'failed', errorCode: 'GEN_PROVIDER_UNAVAILABLE', errorClass: 'server_error' },
  rateLimit429: { steps: [{ mode: 'rateLimit429', match: 'submit' }], status: 'failed', errorCode: 'GEN_PROVIDER_RATE_LIMITED', errorClass: 'rate_limited' },
  error400: { steps: [{ mode: 'error400', match: 'submit' }], status: 'failed', errorCode: 'GEN_PROVIDER_REJECTED', errorClass: 'bad_request' },
  error401: { steps: [{ mode: 'error401', match: 'submit' }], status: 'failed', errorCode: 'GEN_PROVIDER_AUTH', errorClass: 'auth' },
  timeout: { steps: [{ mode: 'timeout', match: 'submit' }], status: 'failed', errorCode: 'GEN_TIMEOUT', errorClass: 'timeout' },
  slowDrip: { steps: [{ mode: 'slowDrip', match: 'submit', intervalMs: 100 }], status: 'failed', errorCode: 'GEN_TIMEOUT', errorClass: 'timeout' },
  malformedJson: { steps: [{ mode: 'malformedJson', match: 'submit' }], status: 'failed', errorCode: 'GEN_PROVIDER_BAD_RESPONSE', errorClass: 'bad_response' },
  filtered: { steps: [{ mode: 'filtered' }], status: 'failed', errorCode: 'GEN_FILTERED', errorClass: 'filtered' },
  jobFailed: { steps: [{ mode: 'jobFailed' }], status: 'failed', errorCode: 'GEN_PROVIDER_ERROR', errorClass: 'provider_failed' },
  pollError500: {
    steps: [{ mode: 'pending', times: 1 }, { mode: 'error500', match: 'poll' }, { mode: 'connectionReset', match: 'poll' }],
    status: 'completed',
    errorCode: null,
    errorClass: null,
  },
  connectionReset: { steps: [{ mode: 'connectionReset', match: 'submit' }], status: 'failed', errorCode: 'GEN_PROVIDER_UNAVAILABLE', errorClass: 'connection' },
};

async function setup(steps: FakeStep[], fallback: Record<string, unknown> = { mode: 'placeholder' }) {
  const fake = await startTestFakeProvider();
  fake.setScript(steps);
  const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url, { timeoutMs: 1000, requestTimeoutMs: 1000 })] });
  const { generation } = await engine.generations.create(createRequest({}, { provider: 'fake-job', fallback }));
  const done = await engine.generations.wait(generation.id);
  return { fake, engine, done };
}

describe('provider faults through the engine', () => {
  for (const [mode, row] of Object.entries(FAULTS)) {
    it(`ends '${mode}' in ${row.status}${row.errorCode === null ? '' : ` with ${row.errorCode}`}`, async () => {
      const { fake, done } = await setup(row.steps);
      expect(done).toMatchObject({ status: row.status, errorCode: row.errorCode, errorClass: row.errorClass });
      // One attempt each: transient poll failures do not end it, and placeholder mode does not retry.
      expect(done.attemptCount).toBe(1);
      if (row.status === 'failed') expect(done.result).toMatchObject({ origin: 'fallback', kind: 'placeholder', mediaType: 'image/svg+xml' });
      await vi.waitFor(() => expect(fake.openSockets()).toBe(0), WAIT);
    });
  }

  it('PROV-10 cancels the job once at the run deadline and polls no more', async () => {
    const { fake, done } = await setup([{ mode: 'pending', times: 100_000 }]);
    expect(done).toMatchObject({ status: 'failed', errorCode: 'GEN_TIMEOUT', errorClass: 'timeout' });
    const cancels = fake.calls().filter((c) => c.method === 'POST' && c.path.endsWith('/cancel'));
    expect(cancels).toHaveLength(1);
    const pollsAfter = fake.calls().filter((c) => c.method === 'GET' && c.time > (cancels[0]?.time ?? 0));
    expect(pollsAfter).toHaveLength(0);
  });

  it('PROV-1 completes on the 3rd attempt after 500, 500 with waits inside the policy', async () => {
    const steps: FakeStep[] = [{ mode: 'error500', match: 'submit' }, { mode: 'error500', match: 'submit' }];
    const { engine, done } = await setup(steps, { mode: 'retry', maxRetries: 3 });
    expect(done).toMatchObject({ status: 'completed', attemptCount: 3 });
    const failedAttempts = (await engine.generations.events(done.id)).filter((e) => e.type === 'generation.attemptFailed');
    expect(failedAttempts.map((e) => e.data.willRetry)).toEqual([true, true]);
    const waits = failedAttempts.map((e) => e.data.retryInMs as number);
    expect(waits[0]).toBeGreaterThanOrEqual(375);
    expect(waits[0]).toBeLessThanOrEqual(500);
    expect(waits[1]).toBeGreaterThanOrEqual(750);
    expect(waits[1]).toBeLessThanOrEqual(1000);
    const errors = await engine.telemetry.errors({ window: 'all' });
    expect(errors.items).toHaveLength(2);
    expect(errors.summary).toEqual([expect.objectContaining({ errorClass: 'server_error', count: 2, lastHttpStatus: 500 })]);
  });

  it('PROV-2 fails after exactly the configured attempts and applies each fallback', async () => {
    const forever: FakeStep[] = Array.from({ length: 10 }, () => ({ mode: 'error500' as const, match: 'submit' as const }));
    const retry = await setup(forever, { mode: 'retry', maxRetries: 2 });
    expect(retry.done).toMatchObject({ status: 'failed', errorCode: 'GEN_PROVIDER_UNAVAILABLE', attemptCount: 2, result: null });
    const skip = await setup(forever, { mode: 'skip' });
    expect(skip.done.result).toEqual({ origin: 'fallback', kind: 'skip', fallbackMode: 'skip', toSceneId: 's-lighthouse' });
    const asset = await setup(forever, { mode: 'default_content', defaultContentId: 'asset-storm' });
    expect(asset.done.result).toEqual({ origin: 'fallback', kind: 'asset', fallbackMode: 'default_content', assetId: 'asset-storm' });
  });

  it('PROV-3 ends with GEN_PROVIDER_RATE_LIMITED when Retry-After is past 60 s', async () => {
    const { done, fake } = await setup([{ mode: 'rateLimit429', match: 'submit', retryAfterSeconds: 3600 }], { mode: 'retry', maxRetries: 3 });
    expect(done).toMatchObject({ status: 'failed', errorCode: 'GEN_PROVIDER_RATE_LIMITED', attemptCount: 1 });
    expect(done.errorMessage).toBe("Provider 'fake-job' is rate limiting requests. Try again in 3600 s.");
    expect(fake.calls().filter((c) => c.method === 'POST' && c.path === '/jobs')).toHaveLength(1);
  });

  it('PROV-3 waits the Retry-After of the server before the next attempt', async () => {
    const { done, engine } = await setup([{ mode: 'rateLimit429', match: 'submit', retryAfterSeconds: 1 }], { mode: 'retry', maxRetries: 3 });
    expect(done).toMatchObject({ status: 'completed', attemptCount: 2 });
    const failed = (await engine.generations.events(done.id)).find((e) => e.type === 'generation.attemptFailed');
    expect(failed?.data.retryInMs).toBe(1000);
  });
});
