import { describe, expect, it } from 'vitest';
import { ERROR_CLASSES } from '../../../core/domain';
import {
  codeForProviderError,
  createRedactor,
  genErrorForProviderFailure,
  isRetryableErrorClass,
  JSON_BODY_MAX_BYTES,
  ProviderError,
  providerErrorForUpdate,
} from '../../../core/providers';
import { statusError } from '../../../core/providers/http-client';
import type { HttpExchange } from '../../../core/providers';
import { figure } from '../support/figure';

// RELIABILITY.md PROV-11: (status, headers, network error, body) → { code, retryable, retryAfterMs }.

const NOW = Date.parse('2026-03-01T10:00:00.000Z');
const exchangeFor: HttpExchange = {
  method: 'POST',
  url: new URL('http://127.0.0.1:9/jobs'),
  signal: new AbortController().signal,
  timeoutMs: 1000,
  now: () => NOW,
  maxBytes: JSON_BODY_MAX_BYTES,
  redact: createRedactor(['sk-table']),
  what: 'POST /jobs',
};

function classify(error: ProviderError) {
  return { code: codeForProviderError(error), retryable: isRetryableErrorClass(error.errorClass), retryAfterMs: error.retryAfterMs };
}

function fromStatus(status: number, headers: Record<string, string> = {}, body = '{"error":{"message":"nope"}}') {
  return classify(statusError(status, headers, Buffer.from(body), exchangeFor));
}

describe('PROV-11 classification table', () => {
  it.each([
    [408, {}, { code: 'GEN_TIMEOUT', retryable: true, retryAfterMs: undefined }],
    [429, { 'retry-after': '2' }, { code: 'GEN_PROVIDER_RATE_LIMITED', retryable: true, retryAfterMs: 2000 }],
    [429, { 'retry-after': '2', 'retry-after-ms': '1500' }, { code: 'GEN_PROVIDER_RATE_LIMITED', retryable: true, retryAfterMs: 1500 }],
    [429, { 'retry-after': 'Sun, 01 Mar 2026 10:00:05 GMT' }, { code: 'GEN_PROVIDER_RATE_LIMITED', retryable: true, retryAfterMs: 5000 }],
    [429, { 'retry-after': '3600' }, { code: 'GEN_PROVIDER_RATE_LIMITED', retryable: true, retryAfterMs: 3_600_000 }],
    [500, {}, { code: 'GEN_PROVIDER_UNAVAILABLE', retryable: true, retryAfterMs: undefined }],
    [503, { 'retry-after': '7' }, { code: 'GEN_PROVIDER_UNAVAILABLE', retryable: true, retryAfterMs: 7000 }],
    [599, {}, { code: 'GEN_PROVIDER_UNAVAILABLE', retryable: true, retryAfterMs: undefined }],
    [400, { 'retry-after': '5' }, { code: 'GEN_PROVIDER_REJECTED', retryable: false, retryAfterMs: undefined }],
    [401, {}, { code: 'GEN_PROVIDER_AUTH', retryable: false, retryAfterMs: undefined }],
    [403, {}, { code: 'GEN_PROVIDER_AUTH', retryable: false, retryAfterMs: undefined }],
    [404, {}, { code: 'GEN_PROVIDER_REJECTED', retryable: false, retryAfterMs: undefined }],
    [422, {}, { code: 'GEN_PROVIDER_REJECTED', retryable: false, retryAfterMs: undefined }],
  ] as const)('HTTP %i with %j → %j', (status, headers, expected) => {
    expect(fromStatus(status, headers)).toEqual(expected);
  });

  it.each([
    ['connection', undefined, { code: 'GEN_PROVIDER_UNAVAILABLE', retryable: true }],
    ['timeout', undefined, { code: 'GEN_TIMEOUT', retryable: true }],
    ['filtered', undefined, { code: 'GEN_FILTERED', retryable: false }],
    ['provider_failed', undefined, { code: 'GEN_PROVIDER_ERROR', retryable: false }],
    ['bad_response', 'empty_output', { code: 'GEN_EMPTY_OUTPUT', retryable: false }],
    ['bad_response', 'malformed_json', { code: 'GEN_PROVIDER_BAD_RESPONSE', retryable: false }],
    ['bad_response', 'schema_mismatch', { code: 'GEN_PROVIDER_BAD_RESPONSE', retryable: false }],
    ['bad_response', 'redirect', { code: 'GEN_PROVIDER_BAD_RESPONSE', retryable: false }],
    ['bad_response', 'size_cap', { code: 'GEN_PROVIDER_BAD_RESPONSE', retryable: false }],
  ] as const)('class %s (%s) → %j', (errorClass, reason, expected) => {
    const error = new ProviderError(errorClass, 'x', reason === undefined ? {} : { reason });
    expect(classify(error)).toMatchObject(expected);
  });

  it('retries exactly the four retryable classes of errors.md §4', () => {
    expect(ERROR_CLASSES.filter(isRetryableErrorClass)).toEqual(['timeout', 'rate_limited', 'server_error', 'connection']);
    figure('PROV-11', { classes: ERROR_CLASSES.length, retryable: ERROR_CLASSES.filter(isRetryableErrorClass).length });
  });

  it('keeps the provider text of an error body out of the message and redacts it in providerMessage', () => {
    const error = statusError(400, {}, Buffer.from('{"error":{"message":"bad key sk-table"}}'), exchangeFor);
    expect(error.message).toBe('POST /jobs: HTTP 400');
    expect(error.providerMessage).toBe('bad key ***');
  });
});

describe('genErrorForProviderFailure', () => {
  const ctx = { timeoutMs: 30_000, attempt: 2 };

  it('fills every errors.md template with its details', () => {
    const cases: Array<[ProviderError, string, Record<string, unknown>]> = [
      [new ProviderError('timeout', 'x'), "Provider 'p' did not finish within 30000 ms.", { providerId: 'p', timeoutMs: 30_000, attempt: 2 }],
      [new ProviderError('rate_limited', 'x', { retryAfterMs: 1500 }), "Provider 'p' is rate limiting requests. Try again in 2 s.", { providerId: 'p', retryAfterMs: 1500 }],
      [new ProviderError('rate_limited', 'x'), "Provider 'p' is rate limiting requests.", { providerId: 'p' }],
      [new ProviderError('server_error', 'x', { httpStatus: 502, providerMessage: 'gateway' }), "Provider 'p' is unavailable. Check that it is running and reachable.", { providerId: 'p', errorClass: 'server_error', httpStatus: 502, providerMessage: 'gateway' }],
      [new ProviderError('connection', 'x'), "Provider 'p' is unavailable. Check that it is running and reachable.", { providerId: 'p', errorClass: 'connection' }],
      [new ProviderError('auth', 'x', { httpStatus: 401, providerMessage: 'no' }), "Provider 'p' rejected the credentials. Check its API key under Providers.", { providerId: 'p', httpStatus: 401 }],
      [new ProviderError('bad_request', 'x', { httpStatus: 422 }), "Provider 'p' rejected the request (HTTP 422).", { providerId: 'p', httpStatus: 422 }],
      [new ProviderError('bad_request', 'x'), "Provider 'p' rejected the request.", { providerId: 'p' }],
      [new ProviderError('filtered', 'x'), "Provider 'p' filtered the content. Adjust the prompt or the node's constraints.", { providerId: 'p' }],
      [new ProviderError('bad_response', 'x', { reason: 'empty_output' }), "Provider 'p' returned no content.", { providerId: 'p' }],
      [new ProviderError('bad_response', 'x', { reason: 'size_cap' }), "Provider 'p' returned a response that could not be read.", { providerId: 'p', reason: 'size_cap' }],
      [new ProviderError('provider_failed', 'x', { providerMessage: 'OOM' }), "Provider 'p' reported that the job failed.", { providerId: 'p', providerMessage: 'OOM' }],
    ];
    for (const [error, message, details] of cases) {
      const genError = genErrorForProviderFailure('p', error, ctx);
      expect(genError.message).toBe(message);
      expect(genError.details).toEqual(details);
      expect(genError.cause).toBe(error);
    }
  });

  it('redacts and cuts providerMessage to 500 characters', () => {
    const error = new ProviderError('provider_failed', 'x', { providerMessage: `key sk-zz ${'a'.repeat(900)}` });
    const genError = genErrorForProviderFailure('p', error, { ...ctx, redact: createRedactor(['sk-zz']) });
    const text = genError.details!.providerMessage as string;
    expect(text.startsWith('key *** ')).toBe(true);
    expect(text).toHaveLength(500);
  });

  it('turns failed and filtered job updates into their classes and ignores the rest', () => {
    expect(providerErrorForUpdate('p', { status: 'failed', errorMessage: 'boom' })).toMatchObject({ errorClass: 'provider_failed', providerMessage: 'boom' });
    expect(providerErrorForUpdate('p', { status: 'filtered' })).toMatchObject({ errorClass: 'filtered' });
    expect(providerErrorForUpdate('p', { status: 'processing' })).toBeNull();
    expect(providerErrorForUpdate('p', { status: 'cancelled' })).toBeNull();
  });
});
