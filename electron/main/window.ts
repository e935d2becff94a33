// rpc.md §7, EL-1: every window is isolated, sandboxed and without Node. The options come from a pure function
// so that tests check them without Electron.
import type { BrowserWindowConstructorOptions } from 'electron';

export type WindowBounds = { x?: number; y?: number; width: number; height: number };

export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: true,
  };
}

export function mainWindowOptions(options: { preloadPath: string; bounds: WindowBounds; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Genweave Studio',
    backgroundColor: '#1e1e1e',
    webPreferences: { ...secureWebPreferences(options.preloadPath), devTools: options.devTools },
  };
}
