// rpc.md §8 and RELIABILITY HOST-1..4: the browser-mode host. Loopback only, one random token per launch
// traded for an HttpOnly cookie, Host and Origin checked on every request, one WebSocket per client.
import { createReadStream } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { badRequest, errorResponse } from '../rpc/envelope';
import { RPC_LIMITS } from '../rpc/limits';
import { type RpcLogger, stderrLogger } from '../rpc/logger';
import type { ClientSession } from './client-session';
import { resolveConfinedFile } from './confined-path';
import { contentTypeForPath } from './content-types';
import { routeAsset, routeMedia } from './file-routes';
import type { RpcEndpoint } from './rpc-endpoint';
import { browserModeHeaders } from './security-headers';
import { bearerToken, randomToken, sessionCookieHeader, sessionCookieOf, tokensEqual } from './session-tokens';

export const LOOPBACK = '127.0.0.1';

export type WsHostOptions = {
  endpoint: RpcEndpoint;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  logger?: RpcLogger;
};

export type WsHost = {
  readonly port: number;
  readonly url: string;
  /** `Genweave Studio ready at http://127.0.0.1:<port>/#token=<token>` — the only place the token appears. */
  readonly readyLine: string;
  readonly server: Server;
  stop(): Promise<void>;
};

function listen(server: Server, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startWsHost(options: WsHostOptions): Promise<WsHost> {
  const logger = options.logger ?? stderrLogger;
  const token = randomToken();
  /** Session cookie → the clients connected with it, newest last (assets resolve against the newest). */
  const cookies = new Map<string, ClientSession[]>();
  const sockets = new Set<WebSocket>();
  const server = createServer((req, res) => {
    handleRequest(req, res).catch((thrown: unknown) => {
      logger.error('host.http_failure', { url: req.url, error: thrown });
      if (!res.headersSent) reply(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: RPC_LIMITS.frameBytes });
  const address = await listen(server, options.port ?? 0);
  const port = address.port;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  function reply(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
    res.writeHead(status, { ...browserModeHeaders(port, { cacheable: false }), 'Content-Type': 'text/plain; charset=utf-8', ...extra });
    res.end(body);
  }

  function sendFile(res: ServerResponse, path: string, size: number, contentType: string, cacheable: boolean): void {
    res.writeHead(200, { ...browserModeHeaders(port, { cacheable }), 'Content-Type': contentType, 'Content-Length': String(size) });
    const stream = createReadStream(path);
    stream.on('error', (thrown) => {
      logger.error('host.read_failure', { path, error: thrown });
      res.destroy();
    });
    stream.pipe(res);
  }

  function validCookie(req: IncomingMessage): string | null {
    const value = sessionCookieOf(req.headers.cookie);
    return value !== null && cookies.has(value) ? value : null;
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return reply(res, 421, 'Misdirected request');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return reply(res, 403, 'Forbidden');
    const path = (req.url ?? '/').split('?')[0] ?? '/';

    if (path === '/session') {
      if (req.method !== 'POST') return reply(res, 405, 'Method not allowed', { Allow: 'POST' });
      const presented = bearerToken(req.headers.authorization);
      if (presented === null || !tokensEqual(token, presented)) return reply(res, 401, 'Unauthorized');
      const cookie = randomToken();
      cookies.set(cookie, []);
      res.writeHead(204, { ...browserModeHeaders(port, { cacheable: false }), 'Set-Cookie': sessionCookieHeader(cookie) });
      return void res.end();
    }
    if (req.method !== 'GET') return reply(res, 405, 'Method not allowed', { Allow: 'GET' });

    if (path.startsWith('/media/') || path.startsWith('/asset/')) {
      const cookie = validCookie(req);
      if (cookie === null) return reply(res, 401, 'Unauthorized');
      const found = path.startsWith('/media/')
        ? await routeMedia(options.endpoint.dataDir, path.slice('/media/'.length))
        : await routeAsset(cookies.get(cookie) ?? [], path.slice('/asset/'.length));
      if (found.status !== 200) return reply(res, found.status, found.status === 403 ? 'Forbidden' : 'Not found');
      return sendFile(res, found.path, found.size, found.mediaType, false);
    }

    const file = await resolveConfinedFile(options.rendererDir, path === '/' ? 'index.html' : path.slice(1));
    if (file.status !== 'ok') return reply(res, 404, 'Not found');
    sendFile(res, file.path, file.size, contentTypeForPath(file.path), true);
  }

  function refuseUpgrade(socket: Duplex, status: number, text: string): void {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (thrown) => logger.warn('host.upgrade_socket_error', { error: thrown }));
    if (!allowedHosts.has(req.headers.host ?? '')) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if ((req.url ?? '').split('?')[0] !== '/rpc') return refuseUpgrade(socket, 404, 'Not Found');
    const origin = req.headers.origin;
    if (origin === undefined || !allowedOrigins.has(origin)) return refuseUpgrade(socket, 403, 'Forbidden');
    const cookie = validCookie(req);
    if (cookie === null) return refuseUpgrade(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, cookie));
  });

  function onConnection(ws: WebSocket, cookie: string): void {
    sockets.add(ws);
    const send = (frame: unknown): void => {
      if (ws.readyState !== ws.OPEN) return;
      let text: string;
      try {
        text = JSON.stringify(frame);
      } catch (thrown) {
        logger.error('host.unserialisable_frame', { error: thrown });
        return;
      }
      ws.send(text);
    };
    const session = options.endpoint.connect(send);
    cookies.get(cookie)?.push(session);
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        send(errorResponse('', badRequest([{ path: '', message: 'is a binary frame; requests are JSON text' }])));
        return;
      }
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      void options.endpoint.dispatchText(text, session).then(send);
    });
    ws.on('error', (thrown) => logger.warn('host.socket_error', { error: thrown }));
    ws.on('close', () => {
      sockets.delete(ws);
      const list = cookies.get(cookie);
      if (list !== undefined) list.splice(list.indexOf(session) >>> 0, 1);
      options.endpoint.disconnect(session);
    });
  }

  const url = `http://${LOOPBACK}:${port}/`;
  return {
    port,
    url,
    readyLine: `Genweave Studio ready at ${url}#token=${token}`,
    server,
    async stop() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
