// rpc.md §8: `window.genweave` present means Electron; absent means browser mode over the loopback host.
import { type BrowserEnv, openBrowserSession, rpcSocketUrl, takeTokenFromLocation } from './browser-session';
import type { RpcTransport } from './transport';
import { createElectronTransport, isGenweaveBridge } from './transport-electron';
import { type WebSocketLike, createWebSocketTransport } from './transport-websocket';

export type RendererGlobals = BrowserEnv & {
  genweave?: unknown;
  WebSocket: new (url: string) => WebSocketLike;
};

export function createDefaultTransport(globals: RendererGlobals): RpcTransport {
  if (isGenweaveBridge(globals.genweave)) return createElectronTransport(globals.genweave);
  let token = takeTokenFromLocation(globals);
  return createWebSocketTransport({
    async prepare() {
      if (token === null) return; // a reload: the cookie of the first load is still valid
      await openBrowserSession(globals, token);
      token = null;
    },
    connect: () => new globals.WebSocket(rpcSocketUrl(globals.location)),
  });
}
