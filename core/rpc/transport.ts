// What the RPC client needs from a carrier (rpc.md §7–§8). Pure: no Node, no DOM; globals are injected.
import type { RpcResponse } from './envelope';
import type { TransportKind } from './studio-shapes';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export type ConnectionObservable = {
  get(): ConnectionState;
  /** Called on every change; returns the unsubscribe function. */
  subscribe(listener: (state: ConnectionState) => void): () => void;
};

export type RpcTransport = {
  readonly kind: TransportKind;
  /** Resolves to the response of one request; never rejects. */
  call(method: string, input: unknown): Promise<RpcResponse>;
  /** Payloads of one event; the name has been checked against the contract by the client. */
  on(event: string, listener: (payload: unknown) => void): () => void;
  readonly connection: ConnectionObservable;
};

/** A tiny observable value, shared by the transports. */
export function createConnectionState(initial: ConnectionState): ConnectionObservable & { set(state: ConnectionState): void } {
  let current = initial;
  const listeners = new Set<(state: ConnectionState) => void>();
  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(state) {
      if (state === current) return;
      current = state;
      for (const listener of [...listeners]) listener(state);
    },
  };
}

/** Fans one stream of events out to per-name listeners; a throwing listener does not stop the others. */
export function createEventFanout(): {
  on(event: string, listener: (payload: unknown) => void): () => void;
  emit(event: string, payload: unknown): void;
} {
  const byName = new Map<string, Set<(payload: unknown) => void>>();
  return {
    on(event, listener) {
      let set = byName.get(event);
      if (set === undefined) byName.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit(event, payload) {
      for (const listener of [...(byName.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (thrown) {
          // Report it where the platform reports uncaught errors, without breaking the loop.
          queueMicrotask(() => {
            throw thrown;
          });
        }
      }
    },
  };
}
