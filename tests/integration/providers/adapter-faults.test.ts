import { describe, expect, it } from 'vitest';
import type { ProviderConfig } from '../../../core/domain';
import {
  comfyUiAdapter,
  genErrorForProviderFailure,
  httpJobAdapter,
  isRetryableErrorClass,
  openAiCompatibleAdapter,
  ProviderError,
} from '../../../core/providers';
import type { ProviderAdapter } from '../../../core/providers';
import { fakeComfyConfig, fakeHttpJobConfig, fakeOpenAiConfig, startFakeProvider } from '../../fake-provider';
import type { FakeStep } from '../../fake-provider';
import { fakeProviderPerTest, makeContext, makeJob, rejectionOf } from './provider-harness';

// RELIABILITY.md §4: every fault mode of the fake ends a single exchange in the right class. Retries are
// the engine's; here each fault is met exactly once.

const fake = fakeProviderPerTest();

type Kind = { name: string; adapter: ProviderAdapter; config: (url: string) => ProviderConfig; operation: 'text_generation' | 'text_to_image' };
const KINDS: Kind[] = [
  { name: 'openai-compatible', adapter: openAiCompatibleAdapter, config: fakeOpenAiConfig, operation: 'text_generation' },
  { name: 'comfyui', adapter: comfyUiAdapter, config: fakeComfyConfig, operation: 'text_to_image' },
  { name: 'http-job', adapter: httpJobAdapter, config: fakeHttpJobConfig, operation: 'text_generation' },
];

type Row = { fault: string; step: FakeStep; errorClass: string; code: string; httpStatus?: number; retryAfterMs?: number; reason?: string };
const FAULTS: Row[] = [
  { fault: 'HTTP 500', step: { mode: 'error500' }, errorClass: 'server_error', code: 'GEN_PROVIDER_UNAVAILABLE', httpStatus: 500 },
  { fault: 'HTTP 429 with Retry-After: 2', step: { mode: 'rateLimit429', retryAfterSeconds: 2 }, errorClass: 'rate_limited', code: 'GEN_PROVIDER_RATE_LIMITED', retryAfterMs: 2000 },
  { fault: 'HTTP 429 with retry-after-ms: 1500', step: { mode: 'rateLimit429', retryAfterSeconds: 9, retryAfterMs: 1500 }, errorClass: 'rate_limited', code: 'GEN_PROVIDER_RATE_LIMITED', retryAfterMs: 1500 },
  { fault: 'HTTP 400', step: { mode: 'error400' }, errorClass: 'bad_request', code: 'GEN_PROVIDER_REJECTED', httpStatus: 400 },
  { fault: 'HTTP 404', step: { mode: 'error400', status: 404 }, errorClass: 'bad_request', code: 'GEN_PROVIDER_REJECTED', httpStatus: 404 },
  { fault: 'HTTP 422', step: { mode: 'error400', status: 422 }, errorClass: 'bad_request', code: 'GEN_PROVIDER_REJECTED', httpStatus: 422 },
  { fault: 'HTTP 401', step: { mode: 'error401' }, errorClass: 'auth', code: 'GEN_PROVIDER_AUTH', httpStatus: 401 },
  { fault: 'HTTP 403', step: { mode: 'error401', status: 403 }, errorClass: 'auth', code: 'GEN_PROVIDER_AUTH', httpStatus: 403 },
  { fault: 'no response at all', step: { mode: 'timeout' }, errorClass: 'timeout', code: 'GEN_TIMEOUT' },
  { fault: 'a slow drip', step: { mode: 'slowDrip', intervalMs: 20 }, errorClass: 'timeout', code: 'GEN_TIMEOUT' },
  { fault: 'malformed JSON', step: { mode: 'malformedJson' }, errorClass: 'bad_response', code: 'GEN_PROVIDER_BAD_RESPONSE', reason: 'malformed_json' },
  { fault: 'a lying Content-Length', step: { mode: 'lyingLength' }, errorClass: 'bad_response', code: 'GEN_PROVIDER_BAD_RESPONSE', reason: 'malformed_json' },
  { fault: 'a connection reset', step: { mode: 'connectionReset' }, errorClass: 'connection', code: 'GEN_PROVIDER_UNAVAILABLE' },
  { fault: 'a reset mid-body', step: { mode: 'connectionReset', afterBytes: 10 }, errorClass: 'connection', code: 'GEN_PROVIDER_UNAVAILABLE' },
  { fault: 'a redirect', step: { mode: 'redirect' }, errorClass: 'bad_response', code: 'GEN_PROVIDER_BAD_RESPONSE', httpStatus: 302, reason: 'redirect' },
  { fault: 'a 100 MB body', step: { mode: 'hugeBody' }, errorClass: 'bad_response', code: 'GEN_PROVIDER_BAD_RESPONSE', reason: 'size_cap' },
];

describe.each(KINDS)('$name submit', ({ adapter, config, operation }) => {
  it.each(FAULTS)('ends $fault in class $errorClass after exactly one request', async (row) => {
    fake().setScript([{ ...row.step, match: 'submit' }]);
    const providerConfig = { ...config(fake().url), requestTimeoutMs: 300 };
    const error = await rejectionOf(adapter.submit(makeJob({ operation }), makeContext(providerConfig, { secret: 'sk-fault' })));
    expect(error).toBeInstanceOf(ProviderError);
    const providerError = error as ProviderError;
    expect(providerError.errorClass).toBe(row.errorClass);
    if (row.httpStatus !== undefined) expect(providerError.httpStatus).toBe(row.httpStatus);
    if (row.retryAfterMs !== undefined) expect(providerError.retryAfterMs).toBe(row.retryAfterMs);
    if (row.reason !== undefined) expect(providerError.reason).toBe(row.reason);
    const genError = genErrorForProviderFailure(providerConfig.id, providerError, { timeoutMs: 300, attempt: 1 });
    expect(genError.code).toBe(row.code);
    expect(genError.message).not.toMatch(/fake (internal|bad|rate)|invalid credentials|Required input|sk-fault/);
    expect(fake().calls().filter((call) => call.kind === 'submit')).toHaveLength(1);
  });
});

describe('faults outside a response', () => {
  it('classifies a refused connection as connection, which is retryable', async () => {
    const closed = await startFakeProvider();
    const url = closed.url;
    await closed.close();
    const error = await rejectionOf(httpJobAdapter.submit(makeJob(), makeContext(fakeHttpJobConfig(url))));
    expect(error).toMatchObject({ errorClass: 'connection' });
    expect(isRetryableErrorClass((error as ProviderError).errorClass)).toBe(true);
  });

  it('ends an exchange as timeout when the engine aborts at the attempt deadline', async () => {
    fake().setScript([{ mode: 'timeout' }]);
    const controller = new AbortController();
    const pending = httpJobAdapter.submit(makeJob(), makeContext(fakeHttpJobConfig(fake().url), { signal: controller.signal }));
    await waitForCalls(1);
    controller.abort(new DOMException('deadline', 'TimeoutError'));
    expect(await rejectionOf(pending)).toMatchObject({ errorClass: 'timeout' });
  });

  it('rethrows the reason of a cancel abort instead of inventing a provider failure', async () => {
    fake().setScript([{ mode: 'timeout' }]);
    const controller = new AbortController();
    const pending = openAiCompatibleAdapter.submit(makeJob(), makeContext(fakeOpenAiConfig(fake().url), { signal: controller.signal }));
    await waitForCalls(1);
    const reason = new Error('cancelled by the user');
    controller.abort(reason);
    expect(await rejectionOf(pending)).toBe(reason);
  });

  it('ends an exchange at the job deadline even when requestTimeoutMs is longer', async () => {
    fake().setScript([{ mode: 'slowDrip', intervalMs: 20 }]);
    const job = makeJob({ deadlineAt: Date.now() + 250 });
    const config = { ...fakeOpenAiConfig(fake().url), requestTimeoutMs: 60_000 };
    expect(await rejectionOf(openAiCompatibleAdapter.submit(job, makeContext(config)))).toMatchObject({ errorClass: 'timeout' });
  });

  it('fails a job that vanished (HTTP 404 on poll) as bad_request', async () => {
    const ctx = makeContext(fakeHttpJobConfig(fake().url));
    await expect(httpJobAdapter.poll!('job-404', ctx)).rejects.toMatchObject({ errorClass: 'bad_request', httpStatus: 404 });
  });

  it('fails a /view that answers 500 as server_error', async () => {
    fake().setScript([{ mode: 'error500', match: 'fetch' }]);
    const ctx = makeContext(fakeComfyConfig(fake().url));
    const { providerJobId } = await comfyUiAdapter.submit(makeJob({ operation: 'text_to_image' }), ctx);
    const polled = await comfyUiAdapter.poll!(providerJobId!, ctx);
    await expect(comfyUiAdapter.fetch(polled.resultRef, ctx)).rejects.toMatchObject({ errorClass: 'server_error' });
  });
});

async function waitForCalls(count: number): Promise<void> {
  const { vi } = await import('vitest');
  await vi.waitFor(() => expect(fake().calls().length).toBeGreaterThanOrEqual(count));
}
