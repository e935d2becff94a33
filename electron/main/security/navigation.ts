// rpc.md §7: the window never navigates (same origin included: the studio is a single page), never attaches a
// webview, and opens no window of its own (EL-2, EL-3, EL-7).
import type { WebContents } from 'electron';
import { windowOpenHandler } from './window-open';

export function guardWebContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
}
