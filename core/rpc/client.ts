// The renderer's (and the CLI's) view of the contract: typed calls that never reject, typed events.
import { GenError, genErrorFromWire } from '../domain/gen-error';
import type { EventPayload, MethodInput, MethodOutput } from './contract';
import type { RpcResult } from './envelope';
import { EVENT_NAMES, type EventName, type MethodName } from './method-names';
import type { ConnectionObservable, RpcTransport } from './transport';
import type { TransportKind } from './studio-shapes';

export type RpcClient = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<RpcResult<MethodOutput<M>>>;
  /** For code that prefers exceptions: the wire error comes back as a GenError with the same code. */
  callOrThrow<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  readonly transport: TransportKind;
  readonly connection: ConnectionObservable;
};

const KNOWN_EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

export function createRpcClient(transport: RpcTransport): RpcClient {
  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<RpcResult<MethodOutput<M>>> {
    const response = await transport.call(method, input);
    return response.ok
      ? { ok: true, result: response.result as MethodOutput<M> }
      : { ok: false, error: response.error };
  }

  return {
    call,
    async callOrThrow(method, input) {
      const reply = await call(method, input);
      if (!reply.ok) throw genErrorFromWire(reply.error);
      return reply.result;
    },
    on(event, listener) {
      if (!KNOWN_EVENTS.has(event)) {
        throw new GenError('GEN_RPC_UNKNOWN_METHOD', `Unknown method '${event}'.`, { method: event });
      }
      return transport.on(event, listener as (payload: unknown) => void);
    },
    transport: transport.kind,
    connection: transport.connection,
  };
}
