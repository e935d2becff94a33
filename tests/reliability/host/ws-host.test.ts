import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startWsHost, type WsHost } from '../../../core/host/ws-host';
import { createFakeEndpoint } from '../rpc/support/fake-endpoint';
import { openWebSocketHost } from './support/ws-session';
import { rawRequest, tryUpgrade } from './support/http';
import { figure } from '../support/figure';
import { runCli } from '../../../core/cli/run-cli';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (stops.length > 0) await stops.pop()!();
});

async function hostWithSession() {
  const endpoint = createFakeEndpoint();
  const opened = await openWebSocketHost(endpoint);
  stops.push(() => opened.host.stop());
  return { ...opened, endpoint };
}

function tokenOf(host: WsHost): string {
  return /#token=([A-Za-z0-9_-]+)$/.exec(host.readyLine)![1]!;
}

describe('the browser-mode host', () => {
  it('HOST-1 binds to loopback and refuses other addresses', async (context) => {
    const { host } = await hostWithSession();
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.readyLine).toMatch(/^Genweave Studio ready at http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((info) => info !== undefined && !info.internal && info.family === 'IPv4');
    if (external === undefined) {
      context.skip('this machine has no non-loopback IPv4 interface to try');
      return;
    }
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: external.address, port: host.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    figure('HOST-1', { bound: '127.0.0.1', external_interface: external.address, external_connect: refused });
  });

  it('HOST-1 offers no way to ask for another address: serve refuses unknown options with exit 2', async () => {
    const codes: number[] = [];
    const errors: string[] = [];
    for (const argv of [['serve', '--host', '0.0.0.0'], ['serve', '--bind', '0.0.0.0'], ['serve', '--address=::']]) {
      const io = { stdout: () => undefined, stderr: (text: string) => void errors.push(text), env: {}, signal: new AbortController().signal };
      codes.push(await runCli(argv, io));
    }
    figure('HOST-1', { address_options_refused: `${codes.filter((c) => c === 2).length}/${codes.length}` });
    expect(codes).toEqual([2, 2, 2]);
    expect(errors.join('')).toMatch(/Unknown option/);
  });

  it("HOST-2 refuses a socket without this run's token", async () => {
    const { host, origin, endpoint } = await hostWithSession();
    const other = await startWsHost({ endpoint: createFakeEndpoint(), rendererDir: '/nonexistent' });
    await other.stop(); // a previous run: its token must mean nothing here
    const token = tokenOf(host);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const attempts: Array<Record<string, string>> = [{}, { Authorization: 'Bearer wrong-token' }, { Authorization: `Bearer ${tokenOf(other)}` }, { Authorization: `Bearer ${flipped}` }];
    for (const headers of attempts) {
      const reply = await rawRequest(host.port, { method: 'POST', path: '/session', headers: { Origin: origin, ...headers } });
      expect(reply.status).toBe(401);
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
    expect(await tryUpgrade(host.port, { Origin: origin })).toBe(401);
    expect(await tryUpgrade(host.port, { Origin: origin, Cookie: 'gw_session=made-up' })).toBe(401);
    // The right token opens a session whose cookie opens the socket.
    const good = await rawRequest(host.port, { method: 'POST', path: '/session', headers: { Authorization: `Bearer ${token}` } });
    expect(good.status).toBe(204);
    const cookie = String(good.headers['set-cookie']);
    expect(cookie).toMatch(/^gw_session=[A-Za-z0-9_-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(await tryUpgrade(host.port, { Origin: origin, Cookie: cookie.split(';')[0]! })).toBe('open');
    expect(JSON.stringify(endpoint.logger.entries)).not.toContain(token);
    figure('HOST-2', { refused_401: `${attempts.length}/4`, token_bits: Buffer.from(token, 'base64url').length * 8, token_in_log: 0 });
  });

  it('HOST-3 refuses upgrades from other origins and host names', async () => {
    const { host, cookie, origin } = await hostWithSession();
    const origins = ['https://evil.example', 'null', undefined, `http://localhost:${host.port + 1}`, 'http://127.0.0.1.evil.example'];
    for (const candidate of origins) {
      const headers: Record<string, string> = { Cookie: cookie };
      if (candidate !== undefined) headers.Origin = candidate;
      expect(await tryUpgrade(host.port, headers)).toBe(403);
    }
    expect(await tryUpgrade(host.port, { Cookie: cookie, Origin: origin, Host: 'evil.example' })).toBe(421);
    const rebinding = await rawRequest(host.port, { path: '/', headers: { Host: 'evil.example' } });
    expect(rebinding.status).toBe(421);
    expect(await tryUpgrade(host.port, { Cookie: cookie, Origin: `http://localhost:${host.port}` })).toBe('open');
    figure('HOST-3', { refused: `${origins.length + 1}/6`, origin_403: origins.length, host_421: 1 });
  });

  it('HOST-4 closes every socket and timer on stop', async () => {
    const before = process.getActiveResourcesInfo().length;
    const endpoint = createFakeEndpoint();
    const { host, connect: openSocket } = await openWebSocketHost(endpoint);
    const sockets = await Promise.all(
      Array.from({ length: 20 }, () => {
        const ws = openSocket();
        return new Promise<WebSocket>((resolve, reject) => {
          ws.once('open', () => resolve(ws));
          ws.once('error', reject);
        });
      }),
    );
    const closed = sockets.map((ws) => new Promise((resolve) => ws.once('close', resolve)));
    await host.stop();
    await Promise.all(closed);
    await new Promise((resolve) => setImmediate(resolve));
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(before);
    figure('HOST-4', { sockets: sockets.length, handles_before: before, handles_after: process.getActiveResourcesInfo().length });
  });
});
