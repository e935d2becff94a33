// A small endpoint for transport unit tests: a dispatcher over recording handlers (no engine), and a way to
// emit events to every connected client. The e2e and integration suites use the real engine instead.
import { vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../../core/rpc/dispatch';
import type { RpcEvent } from '../../../../core/rpc/envelope';
import type { RpcLogger } from '../../../../core/rpc/logger';
import { METHOD_NAMES, type MethodName } from '../../../../core/rpc/method-names';
import { DEFAULT_STUDIO_SETTINGS } from '../../../../core/rpc/settings';
import type { ClientSession } from '../../../../core/host/client-session';
import type { RpcEndpoint } from '../../../../core/host/rpc-endpoint';
import { createProjectSession } from '../../../../core/project/project-session';
import { createClientSession } from '../../../../core/host/client-session';

export type RecordingLogger = RpcLogger & { entries: Array<{ level: string; event: string; fields: Record<string, unknown> }> };

export function recordingLogger(): RecordingLogger {
  const entries: RecordingLogger['entries'] = [];
  return {
    entries,
    error: (event, fields) => entries.push({ level: 'error', event, fields }),
    warn: (event, fields) => entries.push({ level: 'warn', event, fields }),
  };
}

export type FakeEndpoint = RpcEndpoint & {
  calls: Map<MethodName, unknown[]>;
  handlerCalls(): number;
  logger: RecordingLogger;
  setHandler<M extends MethodName>(method: M, handler: Handlers<ClientSession>[M]): void;
  emit(event: string, payload: unknown): void;
};

/** Every method answers from `answers` when given, else throws "not scripted" (a GEN_INTERNAL on the wire). */
export function createFakeEndpoint(dataDir = '/nonexistent'): FakeEndpoint {
  const calls = new Map<MethodName, unknown[]>();
  const logger = recordingLogger();
  const overrides = new Map<MethodName, (input: unknown, context: unknown) => unknown>();
  overrides.set('app.info', () => ({ version: '0.0.0-test', transport: 'in-process', dataDir, platform: 'test', startupNotices: [] }));
  overrides.set('settings.get', () => structuredClone(DEFAULT_STUDIO_SETTINGS));
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      vi.fn(async (input: unknown, context: unknown) => {
        calls.set(method, [...(calls.get(method) ?? []), input]);
        const handler = overrides.get(method);
        if (handler === undefined) throw new Error(`'${method}' is not scripted in this test`);
        return handler(input, context);
      }),
    ]),
  ) as unknown as Handlers<ClientSession>;
  const dispatcher = createDispatcher<ClientSession>({ handlers, logger, checkOutputs: true });
  const clients = new Map<ClientSession, (event: RpcEvent) => void>();
  return {
    dataDir,
    calls,
    logger,
    handlerCalls: () => [...calls.values()].reduce((n, list) => n + list.length, 0),
    setHandler(method, handler) {
      overrides.set(method, handler as (input: unknown, context: unknown) => unknown);
    },
    dispatch: (frame, session, options) => dispatcher.dispatch(frame, session, options),
    dispatchText: (text, session) => dispatcher.dispatchText(text, session),
    connect(send) {
      const session = createClientSession(createProjectSession({ dataDir }));
      clients.set(session, send);
      return session;
    },
    disconnect(session) {
      clients.delete(session);
    },
    emit(event, payload) {
      for (const send of clients.values()) send({ v: 1, event, payload });
    },
  };
}
