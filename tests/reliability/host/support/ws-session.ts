// A browser-mode host on a temp renderer folder, with a session already opened as the renderer would.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { RpcEndpoint } from '../../../../core/host/rpc-endpoint';
import { startWsHost } from '../../../../core/host/ws-host';
import { recordingLogger } from '../../rpc/support/fake-endpoint';

type AnyEndpoint = RpcEndpoint & { logger?: ReturnType<typeof recordingLogger> };

export async function openWebSocketHost(endpoint: AnyEndpoint) {
  const rendererDir = mkdtempSync(join(tmpdir(), 'gw-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>studio</title>');
  const host = await startWsHost({ endpoint, rendererDir, logger: endpoint.logger ?? recordingLogger() });
  const token = /#token=(.+)$/.exec(host.readyLine)![1]!;
  const origin = `http://127.0.0.1:${host.port}`;
  const reply = await fetch(`${origin}/session`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  const cookie = (reply.headers.get('set-cookie') ?? '').split(';')[0]!;
  const socketUrl = `ws://127.0.0.1:${host.port}/rpc`;
  const connect = (extraHeaders: Record<string, string> = {}) =>
    new WebSocket(socketUrl, { headers: { Cookie: cookie, Origin: origin, ...extraHeaders } });
  return { host, token, origin, cookie, rendererDir, connect };
}

