import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRpcClient } from '../../../core/rpc/client';
import { takeTokenFromLocation } from '../../../core/rpc/browser-session';
import { type WebSocketLike, createWebSocketTransport } from '../../../core/rpc/transport-websocket';
import type { ConnectionState } from '../../../core/rpc/transport';

class FakeSocket implements WebSocketLike {
  static opened: FakeSocket[] = [];
  sent: string[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor() {
    FakeSocket.opened.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.onclose?.({});
  }
  accept() {
    this.onopen?.({});
  }
  drop() {
    this.onerror?.({});
    this.onclose?.({});
  }
  answer(result: unknown) {
    const { id } = JSON.parse(this.sent.at(-1)!) as { id: string };
    this.onmessage?.({ data: JSON.stringify({ v: 1, id, ok: true, result }) });
  }
}

describe('the WebSocket client transport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.opened = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reconnects with backoff 1 s doubling to 10 s and shows its state', async () => {
    const states: ConnectionState[] = [];
    const prepare = vi.fn(async () => {});
    const transport = createWebSocketTransport({ connect: () => new FakeSocket(), prepare });
    transport.connection.subscribe((s) => states.push(s));
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.opened).toHaveLength(1);
    FakeSocket.opened[0]!.drop();
    expect(transport.connection.get()).toBe('disconnected');

    // Each failed attempt waits twice as long as the one before, up to 10 s.
    const waits = [1000, 2000, 4000, 8000, 10_000, 10_000];
    for (const [i, wait] of waits.entries()) {
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(FakeSocket.opened).toHaveLength(i + 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(FakeSocket.opened).toHaveLength(i + 2);
      FakeSocket.opened.at(-1)!.drop();
    }
    // A success resets the backoff to 1 s.
    await vi.advanceTimersByTimeAsync(10_000);
    FakeSocket.opened.at(-1)!.accept();
    expect(transport.connection.get()).toBe('connected');
    FakeSocket.opened.at(-1)!.drop();
    const before = FakeSocket.opened.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.opened).toHaveLength(before + 1);
    expect(states).toContain('connected');
    expect(prepare).toHaveBeenCalledTimes(before + 1);
    transport.close();
  });

  it('sends calls made while disconnected once connected, and fails calls cut off by a drop', async () => {
    const client = createRpcClient(createWebSocketTransport({ connect: () => new FakeSocket() }));
    await vi.advanceTimersByTimeAsync(0);
    const queued = client.call('settings.get', {});
    expect(FakeSocket.opened[0]!.sent).toEqual([]);
    FakeSocket.opened[0]!.accept();
    expect(JSON.parse(FakeSocket.opened[0]!.sent[0]!)).toMatchObject({ v: 1, method: 'settings.get', input: {} });
    FakeSocket.opened[0]!.answer({ theme: 'dark' });
    expect(await queued).toEqual({ ok: true, result: { theme: 'dark' } });

    const cutOff = client.call('app.info', {});
    FakeSocket.opened[0]!.drop();
    const reply = await cutOff;
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('GEN_INTERNAL');
  });

  it('gives up on an answer after the method deadline plus a grace period', async () => {
    const client = createRpcClient(createWebSocketTransport({ connect: () => new FakeSocket() }));
    await vi.advanceTimersByTimeAsync(0);
    FakeSocket.opened[0]!.accept();
    const pending = client.call('settings.get', {});
    await vi.advanceTimersByTimeAsync(65_000);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'GEN_RPC_TIMEOUT', details: { method: 'settings.get', seconds: 60 } } });
  });
});

describe('the browser session', () => {
  it('takes the token from the fragment and removes it from the address bar', () => {
    const replaced: string[] = [];
    const env = {
      location: { hash: '#token=abc_DEF-123', pathname: '/', search: '', host: '127.0.0.1:5000', protocol: 'http:' },
      history: { replaceState: (_d: unknown, _u: string, url?: string) => replaced.push(url ?? '') },
    };
    expect(takeTokenFromLocation(env)).toBe('abc_DEF-123');
    expect(replaced).toEqual(['/']);
    expect(takeTokenFromLocation({ ...env, location: { ...env.location, hash: '' } })).toBeNull();
  });
});
