// rpc.md §8 from the renderer's side: one WebSocket to the browser-mode host, reconnecting with backoff
// (1 s doubling to 10 s) and publishing its state for the "disconnected" banner.
import { clientFailure } from './client-failure';
import { deadlineSecOf, isMethodName } from './contract';
import type { RpcResponse } from './envelope';
import { type RpcTransport, createConnectionState, createEventFanout } from './transport';

/** The part of the WebSocket API used here; the browser's WebSocket and the `ws` package both fit. */
export type WebSocketLike = {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
};

export type WebSocketTransportOptions = {
  /** Opens one socket to `/rpc`; credentials (the session cookie) are the platform's business. */
  connect(): WebSocketLike;
  /** Runs before every connection attempt, e.g. establishing the session once. */
  prepare?(): Promise<void>;
  backoff?: { initialMs: number; maxMs: number };
};

export const RECONNECT_BACKOFF = { initialMs: 1000, maxMs: 10_000 } as const;
/** Grace added to the host's deadline before the client gives up on an answer. */
const CLIENT_GRACE_MS = 5000;

type Pending = { resolve(response: RpcResponse): void; timer: ReturnType<typeof setTimeout>; frame: string; sent: boolean };

export type WebSocketTransport = RpcTransport & { close(): void };

export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const backoff = options.backoff ?? RECONNECT_BACKOFF;
  const state = createConnectionState('connecting');
  const fanout = createEventFanout();
  const pending = new Map<string, Pending>();
  let socket: WebSocketLike | null = null;
  let open = false;
  let closed = false;
  let delayMs = backoff.initialMs;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;

  function settle(id: string, response: RpcResponse): void {
    const entry = pending.get(id);
    if (entry === undefined) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(response);
  }

  function flush(): void {
    for (const entry of pending.values()) {
      if (!entry.sent && socket !== null && open) {
        socket.send(entry.frame);
        entry.sent = true;
      }
    }
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return; // the host sends text frames only
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch (thrown) {
      console.error('[genweave rpc] the host sent a frame that is not JSON', thrown);
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const message = frame as { id?: unknown; event?: unknown; payload?: unknown };
    if (typeof message.event === 'string') fanout.emit(message.event, message.payload);
    else if (typeof message.id === 'string') settle(message.id, frame as RpcResponse);
  }

  function scheduleReconnect(): void {
    if (closed) return;
    state.set('disconnected');
    const wait = delayMs;
    delayMs = Math.min(delayMs * 2, backoff.maxMs);
    retryTimer = setTimeout(() => void attempt(), wait);
  }

  function onDrop(): void {
    if (socket === null) return;
    socket = null;
    open = false;
    // Answers to requests already sent are lost with the socket; unsent ones wait for the next connection.
    for (const [id, entry] of pending) {
      if (entry.sent) settle(id, clientFailure(id, 'the connection to the host was lost during a call', null));
    }
    scheduleReconnect();
  }

  async function attempt(): Promise<void> {
    if (closed) return;
    state.set('connecting');
    try {
      await options.prepare?.();
    } catch (thrown) {
      console.error('[genweave rpc] could not establish a session with the host', thrown);
      scheduleReconnect();
      return;
    }
    if (closed) return;
    const ws = options.connect();
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      open = true;
      delayMs = backoff.initialMs;
      state.set('connected');
      flush();
    };
    ws.onmessage = (event) => {
      if (socket === ws) onMessage(event.data);
    };
    ws.onclose = () => {
      if (socket === ws) onDrop();
    };
    ws.onerror = () => {
      // An error is always followed by close, which handles it.
    };
  }

  void attempt();

  return {
    kind: 'browser',
    call(method, input) {
      const id = `w${nextId++}`;
      return new Promise<RpcResponse>((resolve) => {
        if (closed) {
          resolve(clientFailure(id, `'${method}' was called after the transport closed`, null));
          return;
        }
        const seconds = isMethodName(method) ? deadlineSecOf(method) : 60;
        const timer = setTimeout(() => {
          settle(id, { v: 1, id, ok: false, error: { code: 'GEN_RPC_TIMEOUT', message: `'${method}' did not answer within ${seconds} s.`, details: { method, seconds } } });
        }, seconds * 1000 + CLIENT_GRACE_MS);
        let frame: string;
        try {
          frame = JSON.stringify({ v: 1, id, method, input });
        } catch (thrown) {
          clearTimeout(timer);
          resolve(clientFailure(id, `the input of '${method}' could not be serialised`, thrown));
          return;
        }
        pending.set(id, { resolve, timer, frame, sent: false });
        flush();
      });
    },
    on: fanout.on,
    connection: state,
    close() {
      closed = true;
      clearTimeout(retryTimer);
      const ws = socket;
      socket = null;
      open = false;
      ws?.close(1000, 'client closed');
      for (const id of [...pending.keys()]) settle(id, clientFailure(id, 'the transport was closed during a call', null));
      state.set('disconnected');
    },
  };
}
