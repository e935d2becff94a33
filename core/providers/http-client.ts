import http from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import https from 'node:https';
import { ProviderError } from './adapter';
import { cutProviderMessage } from './redact';
import type { Redactor } from './redact';
import { parseRetryAfterMs } from './retry-after';
import { USER_AGENT } from './user-agent';

// providers.md §4: one exchange per call, under one overall timer (an idle timer never fires on a slow
// drip), read under a size cap, redirects refused. The engine passes its kept-alive agent
// (connection-pool.ts); without one (`agent: false`) the exchange has a connection of its own that closes with
// it. A failed or abandoned exchange destroys its socket, so only a cleanly finished one is ever reused.

export const JSON_BODY_MAX_BYTES = 4 * 1024 * 1024;
const ERROR_BODY_MAX_BYTES = 64 * 1024;

export type HttpExchange = {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** The engine's signal: cancel, or the attempt deadline. */
  signal: AbortSignal;
  /** requestTimeoutMs, start to last byte; null for none. */
  timeoutMs: number | null;
  /** The attempt deadline when the caller knows it (submit). */
  deadlineAt?: number;
  now: () => number;
  maxBytes: number;
  redact: Redactor;
  /** Names the exchange in error messages, e.g. "POST /jobs"; never the body. */
  what: string;
  /** Pulls the provider's own text out of an error body; default: common JSON shapes, else the text. */
  describeError?: (body: string) => string | undefined;
  /** Bytes of the body received so far (tests check the cap). */
  stats?: { bytesRead: number };
  /** A kept-alive agent to take the connection from; none: a connection of its own. */
  agent?: http.Agent;
};

export type HttpResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer };

export function exchange(request: HttpExchange): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    const cleanups: Array<() => void> = [];
    let settled = false;
    let destroy: () => void = () => undefined;
    const settle = (error: unknown, response?: HttpResponse) => {
      if (settled) return;
      settled = true;
      for (const cleanup of cleanups) cleanup();
      if (response !== undefined) resolve(response);
      else {
        destroy();
        reject(error);
      }
    };

    if (request.signal.aborted) return settle(errorForAbort(request.signal, request.what));
    const onAbort = () => settle(errorForAbort(request.signal, request.what));
    request.signal.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => request.signal.removeEventListener('abort', onAbort));

    const limitMs = overallLimitMs(request);
    if (limitMs !== null) {
      const timer = setTimeout(
        () => settle(new ProviderError('timeout', `${request.what}: no complete response within ${limitMs} ms`)),
        limitMs,
      );
      cleanups.push(() => clearTimeout(timer));
    }

    const transport = request.url.protocol === 'https:' ? https : http;
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*', ...request.headers };
    if (body !== undefined) headers['content-length'] = String(body.byteLength);
    let req: http.ClientRequest;
    try {
      req = transport.request(request.url, { method: request.method, headers, agent: request.agent ?? false });
    } catch (error) {
      // Node refuses a header value with a line break before sending anything; the value is not quoted.
      return settle(new ProviderError('bad_request', `${request.what}: the request could not be built`, { cause: error }));
    }
    destroy = () => req.destroy();
    let received: IncomingMessage | undefined;
    req.on('error', (error) => {
      // Bytes after a complete message (a Content-Length shorter than the body) are a parse error on the
      // socket; the message itself still ends, and its truncated body is judged as a body.
      if (received?.complete) return;
      settle(connectionError(error, request.what));
    });
    req.on('response', (res) => {
      received = res;
      destroy = () => {
        res.destroy();
        req.destroy();
      };
      handleResponse(res, request, settle);
    });
    req.end(body);
  });
}

function overallLimitMs(request: HttpExchange): number | null {
  const remaining = request.deadlineAt === undefined ? null : Math.max(0, request.deadlineAt - request.now());
  if (request.timeoutMs === null) return remaining;
  return remaining === null ? request.timeoutMs : Math.min(request.timeoutMs, remaining);
}

function handleResponse(
  res: IncomingMessage,
  request: HttpExchange,
  settle: (error: unknown, response?: HttpResponse) => void,
): void {
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400) {
    // Never followed: the credentials must not travel to another origin (providers.md §4).
    return settle(new ProviderError('bad_response', `${request.what}: redirect (HTTP ${status}) not followed`, { httpStatus: status, reason: 'redirect' }));
  }
  const ok = status >= 200 && status < 300;
  const cap = ok ? request.maxBytes : ERROR_BODY_MAX_BYTES;
  const declared = Number(res.headers['content-length']);
  if (ok && Number.isFinite(declared) && declared > cap) {
    return settle(sizeCapError(request.what, cap));
  }
  const chunks: Buffer[] = [];
  let length = 0;
  res.on('data', (chunk: Buffer) => {
    length += chunk.byteLength;
    if (request.stats) request.stats.bytesRead += chunk.byteLength;
    if (length > cap) {
      // An error body is only read for its message; past the cap we keep what we have.
      if (!ok) return settle(statusError(status, res.headers, Buffer.concat(chunks), request));
      return settle(sizeCapError(request.what, cap));
    }
    chunks.push(chunk);
  });
  res.on('error', (error) => settle(connectionError(error, request.what)));
  res.on('close', () => {
    if (!res.complete) settle(new ProviderError('connection', `${request.what}: the connection closed before the response ended`));
  });
  res.on('end', () => {
    const bodyBytes = Buffer.concat(chunks);
    if (ok) settle(null, { status, headers: res.headers, body: bodyBytes });
    else settle(statusError(status, res.headers, bodyBytes, request));
  });
}

function sizeCapError(what: string, cap: number): ProviderError {
  return new ProviderError('bad_response', `${what}: the response is larger than ${cap} bytes`, { reason: 'size_cap' });
}

/** providers.md §3: status → class; Retry-After is read from every retryable response. */
export function statusError(status: number, headers: IncomingHttpHeaders, body: Buffer, request: HttpExchange): ProviderError {
  const describe = request.describeError ?? describeErrorBody;
  const text = describe(body.toString('utf8'));
  const providerMessage = text === undefined ? undefined : cutProviderMessage(text, request.redact);
  const base = { httpStatus: status, ...(providerMessage ? { providerMessage } : {}) };
  const message = `${request.what}: HTTP ${status}`;
  const retryable = status === 408 || status === 429 || status >= 500;
  const retryAfterMs = retryable ? parseRetryAfterMs(headers, request.now()) : undefined;
  const withRetry = retryAfterMs === undefined ? base : { ...base, retryAfterMs };
  if (status === 408) return new ProviderError('timeout', message, withRetry);
  if (status === 429) return new ProviderError('rate_limited', message, withRetry);
  if (status >= 500 && status <= 599) return new ProviderError('server_error', message, withRetry);
  if (status === 401 || status === 403) return new ProviderError('auth', message, base);
  if (status >= 400 && status <= 499) return new ProviderError('bad_request', message, base);
  return new ProviderError('bad_response', message, { ...base, reason: 'unexpected_status' });
}

/** The provider's own words from an error body: `error.message`, `error`, `message` or `detail`, else the text. */
export function describeErrorBody(body: string): string | undefined {
  const trimmed = body.trim();
  if (trimmed === '') return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      const error = record.error;
      if (typeof error === 'string') return error;
      if (typeof error === 'object' && error !== null && typeof (error as Record<string, unknown>).message === 'string') {
        return (error as Record<string, string>).message;
      }
      for (const key of ['message', 'detail']) if (typeof record[key] === 'string') return record[key] as string;
    }
  } catch (error) {
    // Not JSON: the raw text is the provider's message (redacted and cut by the caller).
    if (!(error instanceof SyntaxError)) throw error;
  }
  return trimmed;
}

function connectionError(error: Error, what: string): ProviderError {
  const code = (error as NodeJS.ErrnoException).code;
  return new ProviderError('connection', `${what}: connection failed (${code ?? error.message})`, { cause: error });
}

/**
 * The engine aborts its signal on cancel or at the attempt deadline. A deadline (a `TimeoutError` reason,
 * as from AbortSignal.timeout, or a ProviderError) is class `timeout`; any other reason is rethrown as is,
 * because a cancelled call is not a provider failure.
 */
export function errorForAbort(signal: AbortSignal, what: string): unknown {
  const reason: unknown = signal.reason;
  if (reason instanceof ProviderError) return reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new ProviderError('timeout', `${what}: the attempt deadline passed`, { cause: reason });
  }
  return reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
