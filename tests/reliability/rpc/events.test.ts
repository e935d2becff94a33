import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isGenError } from '../../../core/domain/gen-error';
import { createStudioHost, type StudioHost } from '../../../core/host/studio-host';
import { events } from '../../../core/rpc/contract';
import type { EventName } from '../../../core/rpc/method-names';
import { createFakeEngine, type FakeEngine } from '../host/support/fake-engine';
import { recordingLogger, type RecordingLogger } from './support/fake-endpoint';
import { type OpenTransport, TRANSPORTS } from './support/transports';
import { figure } from '../support/figure';

vi.mock('electron', async () => (await import('../electron/support/fake-electron')).fake);

function nextEvent<E extends EventName>(transport: OpenTransport, event: E): Promise<unknown> {
  return new Promise((resolve) => {
    const off = transport.client.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });
}

describe.each(TRANSPORTS)('events over $name', (transportCase) => {
  let engine: FakeEngine;
  let host: StudioHost;
  let logger: RecordingLogger;
  let transport: OpenTransport;

  beforeEach(async () => {
    engine = createFakeEngine();
    logger = recordingLogger();
    const dataDir = mkdtempSync(join(tmpdir(), 'gw-events-'));
    host = await createStudioHost({
      engine,
      dataDir,
      transport: 'in-process',
      version: '0.0.0-test',
      logger,
      checkOutputs: true,
      exporter: { check: () => Promise.reject(new Error('no export here')), run: () => Promise.reject(new Error('no export here')) },
    });
    transport = await transportCase.open(Object.assign(host, { logger }));
  });
  afterEach(async () => {
    expect((await transport.client.call('app.info', {})).ok).toBe(true);
    await transport.close();
    host.close();
  });

  it('RPC-7 refuses events sent inward and unknown subscriptions', async () => {
    for (const name of ['generations.onDidCreate', 'settings.onDidChange', 'generations.onDidExplode']) {
      const reply = await transport.raw({ value: { v: 1, id: 'e1', method: name, input: {} } });
      expect(reply).toMatchObject({ ok: false, error: { code: 'GEN_RPC_UNKNOWN_METHOD', details: { method: name } } });
    }
    let thrown: unknown;
    try {
      transport.client.on('generations.onDidExplode' as EventName, () => {});
    } catch (error) {
      thrown = error;
    }
    expect(isGenError(thrown) && thrown.code).toBe('GEN_RPC_UNKNOWN_METHOD');
    figure('RPC-7', { transport: transportCase.name, inward_events_refused: 3, unknown_subscription_refused: isGenError(thrown) });
  });

  it('maps engine events to contract events whose payloads parse, and passes the payload only', async () => {
    const status = nextEvent(transport, 'generations.onDidChangeStatus');
    const progress = nextEvent(transport, 'generations.onDidProgress');
    engine.publish({ type: 'generation.statusChanged', generationId: 'gen_1', at: '2026-01-01T00:00:00.000Z', data: { from: 'pending', to: 'processing' } });
    engine.publish({ type: 'generation.progress', generationId: 'gen_1', at: '2026-01-01T00:00:00.000Z', data: { progress: 0.5 } });
    const statusPayload = await status;
    expect(events['generations.onDidChangeStatus'].safeParse(statusPayload).success).toBe(true);
    expect(statusPayload).toMatchObject({ generation: { id: 'gen_1' }, from: 'pending', to: 'processing' });
    expect(await progress).toEqual({ generationId: 'gen_1', progress: 0.5 });

    // A payload that does not fit its schema is never emitted; it is logged instead.
    const changed = nextEvent(transport, 'settings.onDidChange');
    engine.publish({ type: 'generation.progress', generationId: 'gen_1', at: '2026-01-01T00:00:00.000Z', data: { progress: 7 } });
    await vi.waitFor(() => expect(logger.entries.some((e) => e.event === 'rpc.event_violation')).toBe(true));
    const updated = await transport.client.call('settings.update', { patch: { theme: 'dark' } });
    expect(updated.ok).toBe(true);
    expect(await changed).toMatchObject({ settings: { theme: 'dark' } });
  });
});
