import type { EventPayload, MethodInput, MethodOutput, RpcResult, StudioRpc } from '../../../../renderer/rpc/rpc-types';
import type { EventName, MethodName } from '../../../../core/rpc/method-names';
import type { GenErrorCode } from '../../../../core/domain/gen-error';

// An in-process fake of the RPC client for feature unit tests: handlers per method, a call log, and emit()
// to deliver host events. Methods without a handler answer GEN_RPC_UNKNOWN_METHOD, so a test notices any
// call it did not expect.

type Handler<M extends MethodName> = (input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;

export class FakeRpcError extends Error {
  constructor(
    readonly code: GenErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function createFakeRpc() {
  const handlers = new Map<string, (input: unknown) => unknown>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Array<{ method: MethodName; input: unknown }> = [];

  const rpc: StudioRpc = {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<RpcResult<MethodOutput<M>>> {
      calls.push({ method, input });
      const handler = handlers.get(method);
      if (!handler) return { ok: false, error: { code: 'GEN_RPC_UNKNOWN_METHOD', message: `No fake handler for ${method}` } };
      try {
        return { ok: true, result: (await handler(input)) as MethodOutput<M> };
      } catch (error) {
        if (error instanceof FakeRpcError) return { ok: false, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
        throw error;
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };

  return {
    rpc,
    calls,
    handle<M extends MethodName>(method: M, handler: Handler<M>) {
      handlers.set(method, handler as (input: unknown) => unknown);
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount(event: EventName): number {
      return listeners.get(event)?.size ?? 0;
    },
    callsOf(method: MethodName) {
      return calls.filter((c) => c.method === method).map((c) => c.input);
    },
  };
}

export type FakeRpc = ReturnType<typeof createFakeRpc>;
