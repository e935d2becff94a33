import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmptyProject } from '../../../core/domain/project-document';
import type { RpcResponse } from '../../../core/rpc/envelope';
import { createFakeEndpoint, type FakeEndpoint } from './support/fake-endpoint';
import { type OpenTransport, type RawFrame, type RawReply, TRANSPORTS } from './support/transports';
import { figure } from '../support/figure';

vi.mock('electron', async () => (await import('../electron/support/fake-electron')).fake);

function asResponse(reply: RawReply): RpcResponse {
  if ('closed' in reply) throw new Error(`the socket closed with ${reply.closed}`);
  return reply;
}

function expectError(reply: RawReply, code: string): NonNullable<Extract<RpcResponse, { ok: false }>['error']> {
  const response = asResponse(reply);
  expect(response.ok).toBe(false);
  if (response.ok) throw new Error('unreachable');
  expect(response.error.code).toBe(code);
  return response.error;
}

describe.each(TRANSPORTS)('dispatch over $name', (transportCase) => {
  let endpoint: FakeEndpoint;
  let transport: OpenTransport;

  beforeEach(async () => {
    endpoint = createFakeEndpoint();
    transport = await transportCase.open(endpoint);
  });

  afterEach(async () => {
    // After every test the transport still answers a valid call (RELIABILITY §1).
    const info = await transport.client.call('app.info', {});
    expect(info.ok).toBe(true);
    await transport.close();
  });

  it('RPC-1 answers GEN_BAD_REQUEST to anything that is not a request', async () => {
    const frames: RawFrame[] = [
      { value: null },
      { value: 42 },
      { value: [] },
      { value: {} },
      { value: { method: 5 } },
      { value: { v: 2, id: 'a', method: 'app.info', input: {} } },
      { text: '{"v":1,"id":' },
      { text: 'not json at all' },
      { binary: new Uint8Array([0, 1, 2, 255]) },
    ];
    for (const frame of frames) {
      const error = expectError(await transport.raw(frame), 'GEN_BAD_REQUEST');
      const issues = (error.details as { issues: Array<{ path: unknown }> }).issues;
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) expect(typeof issue.path).toBe('string');
    }
    const runs = transportCase.name === 'in-process' ? 10_000 : 1_000;
    await fc.assert(
      fc.asyncProperty(fc.anything({ withNullPrototype: true, withBoxedValues: true }), async (value) => {
        const isRequest = typeof value === 'object' && value !== null && Object.hasOwn(value, 'v') && Object.hasOwn(value, 'method');
        fc.pre(!isRequest);
        const frame: RawFrame = transportCase.name === 'websocket' ? { text: JSON.stringify(value) ?? 'undefined' } : { value };
        const reply = asResponse(await transport.raw(frame));
        expect(reply.ok).toBe(false);
        if (!reply.ok) expect(reply.error.code).toBe('GEN_BAD_REQUEST');
      }),
      { numRuns: runs },
    );
    figure('RPC-1', { transport: transportCase.name, fixed_frames: frames.length, fuzz_values: runs, handler_calls: endpoint.handlerCalls() });
    expect(endpoint.handlerCalls()).toBe(0);
  });

  it('RPC-2 answers GEN_RPC_UNKNOWN_METHOD for names outside the contract', async () => {
    const names = ['generations.nuke', '', '__proto__', 'constructor', 'toString', 'app.info ', 'APP.INFO'];
    for (const method of names) {
      const error = expectError(await transport.raw({ value: { v: 1, id: 'x1', method, input: {} } }), 'GEN_RPC_UNKNOWN_METHOD');
      expect(error.message).toBe(`Unknown method '${method}'.`);
      expect(error.details).toEqual({ method });
    }
    figure('RPC-2', { transport: transportCase.name, unknown_method: `${names.length}/${names.length}`, handler_calls: endpoint.handlerCalls() });
    expect(endpoint.handlerCalls()).toBe(0);
  });

  it('RPC-5 turns any thrown value into a GenError without internals', async () => {
    const cyclic: Record<string, unknown> = { name: 'cyclic' };
    cyclic.self = cyclic;
    const thrownValues: unknown[] = [new Error('ENOENT: /home/someone/secret/project.json'), 'a plain string', undefined, cyclic];
    for (const thrown of thrownValues) {
      endpoint.setHandler('settings.get', () => {
        throw thrown;
      });
      const reply = asResponse(await transport.raw({ value: { v: 1, id: 'r5', method: 'settings.get', input: {} } }));
      const wire = JSON.stringify(reply);
      expect(wire).not.toMatch(/stack|cause|\/home\/someone|ENOENT|a plain string|cyclic/);
      const error = expectError(reply, 'GEN_INTERNAL');
      const correlationId = (error.details as { correlationId: string }).correlationId;
      expect(error.message).toBe(`Something went wrong inside Genweave Studio (reference ${correlationId}). The details are in the log.`);
      const logged = endpoint.logger.entries.find((e) => e.fields.correlationId === correlationId);
      expect(logged?.fields.error).toBe(thrown);
    }
    figure('RPC-5', { transport: transportCase.name, thrown_values: thrownValues.length, internal_with_correlation: thrownValues.length, internals_on_wire: 0 });
  });
});

describe('dispatch deadlines', () => {
  it('RPC-5 ends a call that never settles with GEN_RPC_TIMEOUT', async () => {
    vi.useFakeTimers();
    try {
      const endpoint = createFakeEndpoint();
      endpoint.setHandler('settings.get', () => new Promise(() => {}));
      endpoint.setHandler('export.run', () => new Promise(() => {}));
      const session = endpoint.connect(() => {});
      const hung = endpoint.dispatch({ v: 1, id: 't', method: 'settings.get', input: {} }, session);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(await hung).toEqual({
        v: 1,
        id: 't',
        ok: false,
        error: { code: 'GEN_RPC_TIMEOUT', message: "'settings.get' did not answer within 60 s.", details: { method: 'settings.get', seconds: 60 } },
      });
      const document = createEmptyProject({ name: 'Deadline', now: '2026-01-01T00:00:00.000Z', projectId: '6f1c2a52-8a4e-4c1e-9a57-3f0b8c1d2e3f' });
      const exportInput = { document, projectPath: '/p.genweave.json', outDir: '/out' };
      let settled = false;
      const longer = endpoint.dispatch({ v: 1, id: 'e', method: 'export.run', input: exportInput }, session).then((r) => {
        settled = true;
        return r;
      });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(settled).toBe(false); // export.run has 600 s (rpc.md §2)
      await vi.advanceTimersByTimeAsync(540_000);
      const reply = await longer;
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toMatchObject({ code: 'GEN_RPC_TIMEOUT', details: { method: 'export.run', seconds: 600 } });
    } finally {
      vi.useRealTimers();
    }
  });
});
