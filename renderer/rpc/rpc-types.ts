import type { EventPayload, MethodInput, MethodOutput } from '../../core/rpc/contract';
import type { RpcResult } from '../../core/rpc/envelope';
import type { EventName, MethodName } from '../../core/rpc/method-names';

// The slice of the RPC client (core/rpc/client.ts) the stores use. Declared structurally so a store can
// be created with any client, including the in-process fake of the unit tests.
export type StudioRpc = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<RpcResult<MethodOutput<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export type { EventName, MethodName, MethodInput, MethodOutput, EventPayload, RpcResult };
