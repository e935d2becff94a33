// The in-process transport (tests, the CLI): a direct call into a dispatcher, with IPC-like isolation of the
// results so that a caller can never mutate the host's objects.
import { clientFailure } from './client-failure';
import type { RpcEvent, RpcResponse } from './envelope';
import { type RpcTransport, createConnectionState, createEventFanout } from './transport';

export type InProcessHost = {
  dispatch(frame: unknown): Promise<RpcResponse>;
  /** Registers a receiver of this client's events; returns its removal. */
  connect(send: (event: RpcEvent) => void): () => void;
};

export function createInProcessTransport(host: InProcessHost): RpcTransport & { close(): void } {
  const fanout = createEventFanout();
  let nextId = 1;
  const disconnect = host.connect((event) => fanout.emit(event.event, structuredClone(event.payload)));
  return {
    kind: 'in-process',
    async call(method, input) {
      const id = `c${nextId++}`;
      try {
        // Requests are not cloned: dispatch checks depth before anything recursive runs (RPC-4).
        return structuredClone(await host.dispatch({ v: 1, id, method, input }));
      } catch (thrown) {
        return clientFailure(id, `the in-process call of '${method}' failed`, thrown);
      }
    },
    on: fanout.on,
    connection: createConnectionState('connected'),
    close: disconnect,
  };
}
