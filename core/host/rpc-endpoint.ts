// What a transport adapter (WebSocket host, Electron IPC, in-process) needs from the studio host.
import type { RpcEvent, RpcResponse } from '../rpc/envelope';
import type { ClientSession } from './client-session';

export type RpcEndpoint = {
  readonly dataDir: string;
  dispatch(frame: unknown, session: ClientSession, options?: { frameBytes?: number }): Promise<RpcResponse>;
  dispatchText(text: string, session: ClientSession): Promise<RpcResponse>;
  /** A new client: its events are delivered through `send` until `disconnect`. */
  connect(send: (event: RpcEvent) => void): ClientSession;
  disconnect(session: ClientSession): void;
};
