// The in-process transport bound to a studio host: one client session per transport (the CLI, tests).
import { type RpcTransport } from '../rpc/transport';
import { createInProcessTransport } from '../rpc/transport-in-process';
import type { ClientSession } from './client-session';
import type { RpcEndpoint } from './rpc-endpoint';

export function connectInProcess(endpoint: RpcEndpoint): RpcTransport & { close(): void; readonly session: ClientSession } {
  let session: ClientSession | null = null;
  const transport = createInProcessTransport({
    connect(send) {
      const connected = endpoint.connect(send);
      session = connected;
      return () => endpoint.disconnect(connected);
    },
    dispatch: (frame) => endpoint.dispatch(frame, session!),
  });
  // connect() runs inside createInProcessTransport, so the session exists by now.
  return { ...transport, session: session! };
}
