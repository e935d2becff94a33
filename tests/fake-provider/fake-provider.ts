import { createHash } from 'node:crypto';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { comfyRoutes } from './comfy-routes';
import { createFakeState } from './fake-state';
import type { FakeRequest, FakeRoute, FakeState } from './fake-state';
import { httpJobRoutes } from './http-job-routes';
import { openAiRoutes } from './openai-routes';
import { takeMode } from './script';
import type { FakeCall, FakeStep, RequestKind } from './script';

// providers.md §9 and RELIABILITY.md §4: a scripted provider on 127.0.0.1 that logs every call and
// counts its sockets, so tests can prove that nothing is left open.

export type FakeProvider = {
  url: string;
  setScript(steps: FakeStep[]): void;
  calls(): FakeCall[];
  reset(): void;
  close(): Promise<void>;
  openSockets(): number;
};

const ROUTES: FakeRoute[] = [...openAiRoutes, ...comfyRoutes, ...httpJobRoutes];
const HUGE_CHUNK = Buffer.alloc(64 * 1024, 0x20);

function findRoute(method: string, path: string): { route: FakeRoute; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match !== null) return { route, params: { ...match.groups } };
  }
  return undefined;
}

function parseBody(body: Buffer, contentType: string | undefined): unknown {
  if (body.byteLength === 0) return null;
  const text = body.toString(contentType?.includes('json') ? 'utf8' : 'latin1');
  if (!contentType?.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return text;
  }
}

export async function startFakeProvider(options: { port?: number } = {}): Promise<FakeProvider> {
  let script: FakeStep[] = [];
  let log: FakeCall[] = [];
  let state: FakeState = createFakeState();
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let baseUrl = '';

  function later(ms: number, fn: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    return timer;
  }

  function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed) return;
    const text = JSON.stringify(value);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  }

  function control(req: IncomingMessage, res: ServerResponse, path: string, json: unknown): void {
    if (req.method === 'POST' && path === '/__fake/script') {
      script = [...((Array.isArray(json) ? json : (json as { steps?: FakeStep[] })?.steps) ?? [])] as FakeStep[];
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'GET' && path === '/__fake/calls') return sendJson(res, 200, log);
    if (req.method === 'POST' && path === '/__fake/reset') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    sendJson(res, 404, { error: 'unknown control endpoint' });
  }

  /** Modes that behave the same on every endpoint; false when the route must answer. */
  function genericMode(step: FakeStep, request: FakeRequest, call: FakeCall): boolean {
    const { res, url } = request;
    switch (step.mode) {
      case 'error500':
        sendJson(res, 500, { error: { message: 'fake internal error' } });
        return true;
      case 'rateLimit429': {
        const headers: Record<string, string> = { 'retry-after': step.retryAfterDate ?? String(step.retryAfterSeconds ?? 1) };
        if (step.retryAfterMs !== undefined) headers['retry-after-ms'] = String(step.retryAfterMs);
        sendJson(res, 429, { error: { message: 'fake rate limit' } }, headers);
        return true;
      }
      case 'error400': {
        const body =
          url.pathname === '/prompt'
            ? {
                error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation' },
                node_errors: { '6': { errors: [{ message: 'Required input is missing', details: 'text' }], class_type: 'CLIPTextEncode' } },
              }
            : { error: { message: 'fake bad request' } };
        sendJson(res, step.status ?? 400, body);
        return true;
      }
      case 'error401': {
        const auth = request.req.headers.authorization ?? '';
        sendJson(res, step.status ?? 401, { error: { message: step.echoAuthorization ? `invalid credentials: ${auth}` : 'invalid credentials' } });
        return true;
      }
      case 'timeout':
        return true;
      case 'slowDrip': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[');
        const drip = setInterval(() => res.write(' '), step.intervalMs ?? 2000);
        timers.add(drip);
        res.on('close', () => {
          clearInterval(drip);
          timers.delete(drip);
        });
        return true;
      }
      case 'malformedJson': {
        const text = '{"id": "job-1", "status": "qu';
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
        res.end(text);
        return true;
      }
      case 'lyingLength': {
        const text = '{"id": "job-1", "status": "queued", "padding": "................"}';
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '12' });
        res.end(text);
        return true;
      }
      case 'connectionReset': {
        const socket = request.req.socket;
        if (step.afterBytes === undefined) {
          socket.resetAndDestroy();
          return true;
        }
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(step.afterBytes + 100) });
        res.write(' '.repeat(step.afterBytes), () => socket.resetAndDestroy());
        return true;
      }
      case 'redirect':
        res.writeHead(302, { location: step.location ?? url.pathname, 'content-length': '0' });
        res.end();
        return true;
      case 'hugeBody': {
        const total = step.bytes ?? 100 * 1024 * 1024;
        res.writeHead(200, { 'content-type': call.kind === 'fetch' ? 'image/png' : 'application/json' });
        call.bytesSent = 0;
        const pump = (): void => {
          while (!res.destroyed && (call.bytesSent ?? 0) < total) {
            call.bytesSent = (call.bytesSent ?? 0) + HUGE_CHUNK.byteLength;
            if (!res.write(HUGE_CHUNK)) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end();
        };
        pump();
        return true;
      }
      default:
        return false;
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? '/', baseUrl);
    const contentType = req.headers['content-type'];
    const json = parseBody(body, contentType);
    if (url.pathname.startsWith('/__fake/')) return control(req, res, url.pathname, json);
    const found = findRoute(req.method ?? 'GET', url.pathname);
    const kind: RequestKind = found?.route.kind ?? 'other';
    const step = takeMode(script, kind);
    const hash = createHash('sha256').update(body).digest('hex');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
    const call: FakeCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      time: Date.now(),
      bodySha256: hash,
      hasAuthorization: req.headers.authorization !== undefined,
      headers,
      body: json,
      kind,
      mode: step.mode,
    };
    log.push(call);
    const request: FakeRequest = {
      req,
      res,
      url,
      json,
      hash,
      step,
      state,
      baseUrl,
      params: found?.params ?? {},
      sendJson: (status, value, extra) => sendJson(res, status, value, extra),
    };
    if (genericMode(step, request, call)) return;
    const answer = () => {
      if (found === undefined) return sendJson(res, 404, { error: `no route for ${req.method} ${url.pathname}` });
      found.route.handle(request);
    };
    if (step.mode === 'ok' && step.delayMs !== undefined) later(step.delayMs, answer);
    else answer();
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake provider has no TCP address');
  baseUrl = `http://127.0.0.1:${address.port}`;

  function reset(): void {
    script = [];
    log = [];
    state = createFakeState();
  }

  return {
    url: baseUrl,
    setScript(steps) {
      script = [...steps];
    },
    calls: () => [...log],
    reset,
    openSockets: () => sockets.size,
    async close() {
      if (!server.listening) return;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closing = [...sockets].map((socket) => new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.destroy();
      }));
      await Promise.all(closing);
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
