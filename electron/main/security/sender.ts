// rpc.md §7 sender checks, run on every IPC message before anything is parsed (EL-4). VS Code checks the main
// frame the same way (src/vs/base/parts/ipc/electron-main/ipcMain.ts); unlike it, about:blank is refused too.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { parseUrl } from './parse-url';

export const APP_SCHEME = 'app';
export const APP_HOST = 'genweave';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for `app://genweave/…` exactly: no credentials, no port, no look-alike host. */
export function isAppUrl(value: string): boolean {
  const url = parseUrl(value);
  if (url === undefined) return false;
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && url.username === '' && url.password === '' && url.port === '';
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export function isTrustedSender(event: SenderEvent, ownWebContents: ReadonlySet<WebContents>): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false; // destroyed or navigated away
  if (frame.parent !== null) return false; // a subframe, even one of ours
  if (!isAppUrl(frame.url)) return false;
  return ownWebContents.has(event.sender);
}
