// RELIABILITY §1: one dispatch serves every transport, so the boundary tests walk this table. Test files that
// use it mock electron: vi.mock('electron', async () => (await import('../electron/support/fake-electron')).fake)
import type WebSocket from 'ws';
import { createRpcClient, type RpcClient } from '../../../../core/rpc/client';
import type { RpcResponse } from '../../../../core/rpc/envelope';
import { RPC_CHANNEL } from '../../../../core/rpc/method-names';
import { createElectronTransport, type GenweaveBridge } from '../../../../core/rpc/transport-electron';
import { createWebSocketTransport, type WebSocketLike } from '../../../../core/rpc/transport-websocket';
import { connectInProcess } from '../../../../core/host/in-process';
import { openWebSocketHost } from '../../host/support/ws-session';
import { registerRpcIpc } from '../../../../electron/main/ipc';
import { buildBridge } from '../../../../electron/preload/index';
import { FakeWebContents, connectRenderer, fake, resetFakeElectron } from '../../electron/support/fake-electron';
import type { RpcEndpoint } from '../../../../core/host/rpc-endpoint';
import { recordingLogger } from './fake-endpoint';

type AnyEndpoint = RpcEndpoint & { logger?: ReturnType<typeof recordingLogger> };

export type RawFrame = { value: unknown } | { text: string } | { binary: Uint8Array };
export type RawReply = RpcResponse | { closed: number };

export type OpenTransport = {
  client: RpcClient;
  /** Sends one frame as the transport carries it and resolves to the reply (or the socket's close code). */
  raw(frame: RawFrame): Promise<RawReply>;
  close(): Promise<void>;
};

export type TransportCase = { name: 'in-process' | 'ipc' | 'websocket'; open(endpoint: AnyEndpoint): Promise<OpenTransport> };

async function openInProcess(endpoint: AnyEndpoint): Promise<OpenTransport> {
  const transport = connectInProcess(endpoint);
  return {
    client: createRpcClient(transport),
    async raw(frame) {
      if ('text' in frame) return endpoint.dispatchText(frame.text, transport.session);
      return endpoint.dispatch('value' in frame ? frame.value : frame.binary, transport.session);
    },
    close: async () => transport.close(),
  };
}

async function openIpc(endpoint: AnyEndpoint): Promise<OpenTransport> {
  resetFakeElectron();
  const adapter = registerRpcIpc({ ipcMain: fake.ipcMain as never, endpoint, logger: endpoint.logger ?? recordingLogger() });
  const contents = new FakeWebContents();
  adapter.attach(contents as never);
  connectRenderer(contents);
  const bridge = buildBridge(fake.ipcRenderer as never) as unknown as GenweaveBridge;
  const trusted = { sender: contents, senderFrame: contents.mainFrame };
  return {
    client: createRpcClient(createElectronTransport(bridge)),
    async raw(frame) {
      // IPC carries structured-clone values; a "text frame" is just a string value there.
      const value = 'value' in frame ? frame.value : 'text' in frame ? frame.text : frame.binary;
      return (await fake.ipcMain.invokeAs(trusted, RPC_CHANNEL, value)) as RpcResponse;
    },
    close: async () => adapter.dispose(),
  };
}

async function openWebSocket(endpoint: AnyEndpoint): Promise<OpenTransport> {
  const { host, connect } = await openWebSocketHost(endpoint);
  const transport = createWebSocketTransport({ connect: () => connect() as unknown as WebSocketLike });
  // Events go to connected clients only: wait until this one is.
  await new Promise<void>((resolve) => {
    if (transport.connection.get() === 'connected') return resolve();
    const off = transport.connection.subscribe((state) => {
      if (state === 'connected') {
        off();
        resolve();
      }
    });
  });
  const rawSocket = connect();
  await new Promise((resolve, reject) => {
    rawSocket.once('open', resolve);
    rawSocket.once('error', reject);
  });
  return {
    client: createRpcClient(transport),
    raw(frame) {
      return new Promise<RawReply>((resolve) => {
        const onMessage = (data: WebSocket.RawData) => {
          rawSocket.off('close', onClose);
          resolve(JSON.parse(data.toString()) as RpcResponse);
        };
        const onClose = (code: number) => {
          rawSocket.off('message', onMessage);
          resolve({ closed: code });
        };
        rawSocket.once('message', onMessage);
        rawSocket.once('close', onClose);
        if ('binary' in frame) rawSocket.send(frame.binary, { binary: true });
        else rawSocket.send('text' in frame ? frame.text : JSON.stringify(frame.value));
      });
    },
    async close() {
      transport.close();
      rawSocket.terminate();
      await host.stop();
    },
  };
}

export const TRANSPORTS: readonly TransportCase[] = [
  { name: 'in-process', open: openInProcess },
  { name: 'ipc', open: openIpc },
  { name: 'websocket', open: openWebSocket },
];
