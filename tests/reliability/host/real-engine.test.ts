import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openEngine } from '../../../core/engine/open-engine';
import { createStudioHost } from '../../../core/host/studio-host';
import { startWsHost } from '../../../core/host/ws-host';
import { buildCreateRequest } from '../../../core/project/build-create-request';
import { createRpcClient } from '../../../core/rpc/client';
import type { EventPayload } from '../../../core/rpc/contract';
import { type WebSocketLike, createWebSocketTransport } from '../../../core/rpc/transport-websocket';
import { recordingLogger } from '../rpc/support/fake-endpoint';
import { rawRequest } from './support/http';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** The whole chain with real parts: engine on a temp data dir, studio host, WebSocket host, typed client. */
async function realStudio() {
  const dataDir = mkdtempSync(join(tmpdir(), 'gw-real-data-'));
  const home = mkdtempSync(join(tmpdir(), 'gw-real-home-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'gw-real-renderer-'));
  const engine = await openEngine({ dataDir });
  cleanups.push(() => engine.close());
  const logger = recordingLogger();
  const studio = await createStudioHost({ engine, dataDir, transport: 'browser', version: '0.0.0-test', logger, checkOutputs: true, homeDir: home });
  cleanups.push(() => studio.close());
  const host = await startWsHost({ endpoint: studio, rendererDir, logger });
  cleanups.push(() => host.stop());
  const token = /#token=(.+)$/.exec(host.readyLine)![1]!;
  const origin = `http://127.0.0.1:${host.port}`;
  const session = await rawRequest(host.port, { method: 'POST', path: '/session', headers: { Authorization: `Bearer ${token}` } });
  const cookie = String(session.headers['set-cookie']).split(';')[0]!;
  const transport = createWebSocketTransport({
    connect: () => new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, { headers: { Cookie: cookie, Origin: origin } }) as unknown as WebSocketLike,
  });
  cleanups.push(() => transport.close());
  return { client: createRpcClient(transport), host, cookie, logger, home };
}

describe('the host over the real engine', () => {
  it('RPC-6 runs the sample project end to end with every output matching the contract', async () => {
    const { client, host, cookie, logger, home } = await realStudio();
    const created = await client.callOrThrow('project.new', { template: 'sample' });
    expect(created.path).toBe(join(home, 'Genweave', 'Harbor Lights', 'harbor-lights.genweave.json'));
    const opened = await client.callOrThrow('project.open', { path: created.path! });
    expect(opened.document.name).toBe('Harbor Lights');

    // The client's project folder serves its assets, and only its assets.
    const asset = await rawRequest(host.port, { path: '/asset/assets%2Ftomas.svg', headers: { Cookie: cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('image/svg+xml');
    expect((await rawRequest(host.port, { path: '/asset/..%2F..%2Fetc%2Fpasswd', headers: { Cookie: cookie } })).status).not.toBe(200);

    const statuses: Array<EventPayload<'generations.onDidChangeStatus'>> = [];
    const completed = new Promise<EventPayload<'generations.onDidChangeStatus'>>((resolve) => {
      client.on('generations.onDidChangeStatus', (payload) => {
        statuses.push(payload);
        if (payload.to === 'completed' || payload.to === 'failed') resolve(payload);
      });
    });
    const request = buildCreateRequest(opened.document, 'gen-tavern-variation', { presetId: 'preset-first-visit', projectPath: opened.path });
    const answer = await client.callOrThrow('generations.create', request);
    expect(answer.why.source).toBe('created');
    const final = await completed;
    expect(final.to).toBe('completed');
    expect(final.generation.id).toBe(answer.generation.id);
    expect(final.generation.result).not.toBeNull();

    // The result is served by hash to this session.
    const sha = final.generation.result && 'mediaSha256' in final.generation.result ? final.generation.result.mediaSha256 : undefined;
    if (sha !== undefined) expect((await rawRequest(host.port, { path: `/media/${sha}`, headers: { Cookie: cookie } })).status).toBe(200);

    expect((await client.callOrThrow('generations.list', { projectId: opened.document.projectId })).total).toBe(1);
    expect(await client.callOrThrow('telemetry.providers', { window: '24h' })).not.toHaveLength(0);
    expect(await client.callOrThrow('providers.list', {})).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'local-preview', hasSecret: false })]));
    expect((await client.callOrThrow('export.check', { document: opened.document, projectPath: opened.path })).ok).toBe(true);
    expect((await client.callOrThrow('project.recent', {})).items[0]?.path).toBe(opened.path);

    const violations = logger.entries.filter((e) => e.event === 'rpc.output_violation' || e.event === 'rpc.event_violation');
    expect(violations).toEqual([]);
    console.log(`FIGURE RPC-6 output_violations=${violations.length} status_events=${statuses.length}`);
  });
});
