import type { z } from 'zod';
import { effectiveProviderSettings } from '../domain';
import { ProviderError } from './adapter';
import type { ProviderContext } from './adapter';
import { exchange, JSON_BODY_MAX_BYTES } from './http-client';
import type { HttpExchange, HttpResponse } from './http-client';
import { createRedactor } from './redact';
import type { Redactor } from './redact';

// The exchanges of one adapter call, bound to its provider: base URL, timers, caps, secret header and
// redactor. The secret is attached only to URLs of the configured origin (providers.md §6, §8.4).

export type SessionRequest = {
  method: string;
  /** A path appended to baseUrl, or an absolute URL (result URLs). */
  target: string | URL;
  json?: unknown;
  body?: Uint8Array;
  headers?: Record<string, string>;
  maxBytes?: number;
  describeError?: HttpExchange['describeError'];
};

export type HttpSession = {
  redact: Redactor;
  baseUrl: URL;
  url(path: string): URL;
  request(request: SessionRequest): Promise<HttpResponse>;
  requestJson<T>(request: SessionRequest, schema: z.ZodType<T>): Promise<T>;
};

export function joinUrl(baseUrl: URL, path: string): URL {
  const base = baseUrl.href.replace(/\/+$/, '');
  return new URL(`${base}/${path.replace(/^\/+/, '')}`);
}

export function authHeaders(secret: string | null, secretHeader: string | undefined): Record<string, string> {
  if (secret === null || secret === '') return {};
  return secretHeader === undefined ? { authorization: `Bearer ${secret}` } : { [secretHeader.toLowerCase()]: secret };
}

export function createHttpSession(ctx: ProviderContext, options: { deadlineAt?: number } = {}): HttpSession {
  const { config } = ctx;
  if (config.baseUrl === undefined) {
    throw new ProviderError('bad_request', `Provider '${config.id}' has no baseUrl`);
  }
  const baseUrl = new URL(config.baseUrl);
  const settings = effectiveProviderSettings(config);
  const redact = createRedactor([ctx.secret]);
  const secretHeaders = authHeaders(ctx.secret, config.httpJob?.secretHeader);

  function url(path: string): URL {
    return joinUrl(baseUrl, path);
  }

  function request(req: SessionRequest): Promise<HttpResponse> {
    const target = typeof req.target === 'string' ? url(req.target) : req.target;
    const sameOrigin = target.origin === baseUrl.origin;
    const headers: Record<string, string> = { ...(sameOrigin ? secretHeaders : {}), ...req.headers };
    let body: Uint8Array | string | undefined = req.body;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = 'application/json';
    }
    const what = `${req.method} ${target.pathname}`;
    return exchange({
      method: req.method,
      url: target,
      headers,
      ...(body === undefined ? {} : { body }),
      signal: ctx.signal,
      timeoutMs: settings.requestTimeoutMs,
      ...(options.deadlineAt === undefined ? {} : { deadlineAt: options.deadlineAt }),
      now: () => ctx.now(),
      maxBytes: req.maxBytes ?? settings.maxResultBytes,
      redact,
      what,
      ...(req.describeError === undefined ? {} : { describeError: req.describeError }),
      ...(ctx.connections === undefined ? {} : { agent: ctx.connections.agentFor(target) }),
    });
  }

  async function requestJson<T>(req: SessionRequest, schema: z.ZodType<T>): Promise<T> {
    const response = await request({ ...req, maxBytes: req.maxBytes ?? JSON_BODY_MAX_BYTES, headers: { accept: 'application/json', ...req.headers } });
    const what = `${req.method} ${typeof req.target === 'string' ? req.target : req.target.pathname}`;
    return parseJsonBody(response.body, schema, what);
  }

  return { redact, baseUrl, url, request, requestJson };
}

/** JSON checked against the endpoint's schema; messages name the failing path, never the body. */
export function parseJsonBody<T>(body: Buffer, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new ProviderError('bad_response', `${what}: the response is not valid JSON`, { reason: 'malformed_json' });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue === undefined ? '' : issue.path.map(String).join('.');
  throw new ProviderError('bad_response', `${what}: the response does not match at '${path}' (${issue?.code ?? 'invalid'})`, {
    reason: 'schema_mismatch',
  });
}
