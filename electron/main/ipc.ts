// rpc.md §7: the IPC adapter. One channel, `genweave:rpc`: requests arrive through invoke and are answered by
// the shared dispatcher; events leave through send, to the app's own windows only.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ClientSession } from '../../core/host/client-session';
import type { RpcEndpoint } from '../../core/host/rpc-endpoint';
import { GenError } from '../../core/domain/gen-error';
import { errorResponse } from '../../core/rpc/envelope';
import type { RpcLogger } from '../../core/rpc/logger';
import { RPC_CHANNEL } from '../../core/rpc/method-names';
import { isTrustedSender } from './security/sender';

export type IpcAdapter = {
  /** A window the app created: it may call, and it receives events until it is destroyed. */
  attach(contents: WebContents): ClientSession;
  sessionOf(contents: WebContents): ClientSession | undefined;
  dispose(): void;
};

export function registerRpcIpc(options: { ipcMain: IpcMain; endpoint: RpcEndpoint; logger: RpcLogger }): IpcAdapter {
  const sessions = new Map<WebContents, ClientSession>();
  const own = new Set<WebContents>();

  options.ipcMain.handle(RPC_CHANNEL, async (event: IpcMainInvokeEvent, frame: unknown) => {
    if (!isTrustedSender(event, own)) {
      options.logger.warn('ipc.forbidden_sender', { url: event.senderFrame?.url ?? null, senderId: event.sender?.id ?? null });
      return errorResponse('', new GenError('GEN_RPC_FORBIDDEN', 'This request was refused.', {}));
    }
    const session = sessions.get(event.sender);
    if (session === undefined) return errorResponse('', new GenError('GEN_RPC_FORBIDDEN', 'This request was refused.', {}));
    return options.endpoint.dispatch(frame, session);
  });

  return {
    attach(contents) {
      own.add(contents);
      const session = options.endpoint.connect((event) => {
        if (!contents.isDestroyed()) contents.send(RPC_CHANNEL, event);
      });
      sessions.set(contents, session);
      contents.once('destroyed', () => {
        own.delete(contents);
        sessions.delete(contents);
        options.endpoint.disconnect(session);
      });
      return session;
    },
    sessionOf: (contents) => sessions.get(contents),
    dispose() {
      options.ipcMain.removeHandler(RPC_CHANNEL);
      for (const [contents, session] of sessions) {
        options.endpoint.disconnect(session);
        own.delete(contents);
      }
      sessions.clear();
    },
  };
}
