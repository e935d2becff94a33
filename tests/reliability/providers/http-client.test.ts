import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedactor, exchange, JSON_BODY_MAX_BYTES, ProviderError } from '../../../core/providers';
import type { HttpExchange } from '../../../core/providers';
import { startFakeProvider } from '../../fake-provider';
import type { FakeProvider } from '../../fake-provider';
import { activeTimers, expectNoLeaks, rejectionOf } from '../../integration/providers/provider-harness';
import { figure } from '../support/figure';

let fake: FakeProvider;
let timersBefore: number;

beforeEach(async () => {
  timersBefore = activeTimers();
  fake = await startFakeProvider();
});
afterEach(async () => {
  await expectNoLeaks(fake, timersBefore);
  await fake.close();
});

function request(overrides: Partial<HttpExchange> = {}): HttpExchange {
  return {
    method: 'GET',
    url: new URL(`${fake.url}/v1/models`),
    signal: new AbortController().signal,
    timeoutMs: 5_000,
    now: () => Date.now(),
    maxBytes: JSON_BODY_MAX_BYTES,
    redact: createRedactor(['sk-client']),
    what: 'GET /v1/models',
    ...overrides,
  };
}

describe('HTTP client', () => {
  it('PROV-7 cuts a 100 MB stream at the cap plus at most 64 KiB and destroys the connection', async () => {
    fake.setScript([{ mode: 'hugeBody' }]);
    const stats = { bytesRead: 0 };
    const cap = 4 * 1024 * 1024;
    const error = await rejectionOf(exchange(request({ maxBytes: cap, stats })));
    expect(error).toMatchObject({ errorClass: 'bad_response', reason: 'size_cap' });
    expect(stats.bytesRead).toBeGreaterThan(cap);
    expect(stats.bytesRead).toBeLessThanOrEqual(cap + 64 * 1024);
    await expectNoLeaks(fake, timersBefore);
    // The server stopped writing long before 100 MB because the socket went away.
    expect(fake.calls()[0]!.bytesSent).toBeLessThan(100 * 1024 * 1024);
    figure('PROV-7', { cap_bytes: cap, bytes_read: stats.bytesRead, over_cap: stats.bytesRead - cap });
  });

  it('PROV-6 ends a slow drip with the overall timer although bytes keep arriving', async () => {
    fake.setScript([{ mode: 'slowDrip', intervalMs: 10 }]);
    const stats = { bytesRead: 0 };
    const error = await rejectionOf(exchange(request({ timeoutMs: 200, stats })));
    expect(error).toMatchObject({ errorClass: 'timeout' });
    // More than one byte arrived, so an idle timer of 200 ms would never have fired.
    expect(stats.bytesRead).toBeGreaterThan(1);
    figure('PROV-6', { client_deadline_ms: 200, bytes: stats.bytesRead });
  });

  it('reads the provider message of an error body, redacted and without quoting it in the message', async () => {
    fake.setScript([{ mode: 'error401', echoAuthorization: true }]);
    const error = (await rejectionOf(
      exchange(request({ headers: { authorization: 'Bearer sk-client' } })),
    )) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.errorClass).toBe('auth');
    expect(error.providerMessage).toBe('invalid credentials: Bearer ***');
    expect(error.message).not.toContain('invalid credentials');
  });

  it('reads Retry-After given as an HTTP-date', async () => {
    const at = new Date(Date.now() + 5_000);
    at.setMilliseconds(0);
    fake.setScript([{ mode: 'rateLimit429', retryAfterDate: at.toUTCString() }]);
    const now = Date.now();
    const error = (await rejectionOf(exchange(request({ now: () => now })))) as ProviderError;
    expect(error.errorClass).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(Math.max(0, at.getTime() - now));
  });

  it('sends the User-Agent and never follows a redirect', async () => {
    fake.setScript([{ mode: 'redirect', location: `${fake.url}/v1/models` }]);
    const error = await rejectionOf(exchange(request()));
    expect(error).toMatchObject({ errorClass: 'bad_response', reason: 'redirect', httpStatus: 302 });
    expect(fake.calls()).toHaveLength(1);
    expect(fake.calls()[0]!.headers['user-agent']).toMatch(/^GenweaveStudio\//);
  });

  it('fails at once, without a request, when the signal is already aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled');
    controller.abort(reason);
    expect(await rejectionOf(exchange(request({ signal: controller.signal })))).toBe(reason);
    expect(fake.calls()).toHaveLength(0);
  });
});
