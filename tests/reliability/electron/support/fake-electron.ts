// A recording stand-in for the `electron` module (no binary on CI): windows, web contents, IPC, protocol,
// permissions, safeStorage. Use: vi.mock('electron', async () => (await import('../support/fake-electron')).fake)
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  destroyed = false;
  windowOpenHandler: Handler | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  mainFrame: FakeWebFrame = new FakeWebFrame('app://genweave/index.html');
  readonly loaded: string[] = [];
  readonly session = fakeSession();
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args: structuredClone(args) });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** Emits like Electron does: a first argument with preventDefault, then the details. */
  emitPreventable(name: string, ...args: unknown[]): { prevented: boolean } {
    const result = { prevented: false };
    this.emit(name, { preventDefault: () => (result.prevented = true) }, ...args);
    return result;
  }
  openDevTools(): void {}
}

function fakeSession() {
  return {
    permissionRequestHandler: null as Handler | null,
    permissionCheckHandler: null as Handler | null,
    setPermissionRequestHandler(handler: Handler) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Handler) {
      this.permissionCheckHandler = handler;
    },
  };
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  bounds = { x: 0, y: 0, width: 1280, height: 800 };
  maximized = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.webContents.loaded.push(url);
  }
  getBounds() {
    return { ...this.bounds };
  }
  isMaximized() {
    return this.maximized;
  }
  maximize() {
    this.maximized = true;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
  isDestroyed() {
    return this.webContents.destroyed;
  }
  static getAllWindows() {
    return FakeBrowserWindow.created.filter((w) => !w.webContents.destroyed);
  }
  static getFocusedWindow() {
    return FakeBrowserWindow.getAllWindows()[0] ?? null;
  }
}

const ipcHandlers = new Map<string, Handler>();
const rendererListeners = new Map<string, Set<Handler>>();

export const ipcMain = {
  handle(channel: string, handler: Handler) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    ipcHandlers.delete(channel);
  },
  /** Test helper: what a renderer's invoke would reach, with the given sender event. */
  async invokeAs(event: { sender: unknown; senderFrame: FakeWebFrame | null }, channel: string, ...args: unknown[]) {
    const handler = ipcHandlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return structuredClone(await handler(event, ...structuredClone(args)));
  },
};

/** The renderer side, wired to one FakeWebContents (set by connectRenderer). */
let rendererContents: FakeWebContents | null = null;

export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]) {
    if (rendererContents === null) return Promise.reject(new Error('no renderer connected'));
    return ipcMain.invokeAs({ sender: rendererContents, senderFrame: rendererContents.mainFrame }, channel, ...args);
  },
  on(channel: string, listener: Handler) {
    let set = rendererListeners.get(channel);
    if (set === undefined) rendererListeners.set(channel, (set = new Set()));
    set.add(listener);
    return ipcRenderer;
  },
};

/** Routes this contents' invoke and send through the fake renderer (one renderer at a time). */
export function connectRenderer(contents: FakeWebContents): void {
  rendererContents = contents;
  const originalSend = contents.send.bind(contents);
  contents.send = (channel: string, ...args: unknown[]) => {
    originalSend(channel, ...args);
    for (const listener of rendererListeners.get(channel) ?? []) listener({ sender: 'ipc-renderer-event' }, ...structuredClone(args));
  };
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, value: unknown) {
    contextBridge.exposed.set(key, value);
  },
};

export const protocol = {
  handlers: new Map<string, Handler>(),
  privileged: [] as unknown[],
  handle(scheme: string, handler: Handler) {
    protocol.handlers.set(scheme, handler);
  },
  registerSchemesAsPrivileged(schemes: unknown[]) {
    protocol.privileged.push(...schemes);
  },
};

export const shell = { opened: [] as string[], async openExternal(url: string) { shell.opened.push(url); } };

export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  failDecrypt: false,
  isEncryptionAvailable: () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptString: (plain: string) => Buffer.from(`enc:${Buffer.from(plain).toString('base64').split('').reverse().join('')}`),
  decryptString: (cipher: Buffer) => {
    if (safeStorage.failDecrypt) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const text = cipher.toString();
    if (!text.startsWith('enc:')) throw new Error('not a ciphertext');
    return Buffer.from(text.slice(4).split('').reverse().join(''), 'base64').toString();
  },
};

export const session = { defaultSession: fakeSession() };

export const app = Object.assign(new EventEmitter(), {
  calls: [] as string[],
  isPackaged: false,
  lock: true,
  paths: new Map<string, string>(),
  requestSingleInstanceLock() {
    app.calls.push('requestSingleInstanceLock');
    return app.lock;
  },
  whenReady() {
    app.calls.push('whenReady');
    return Promise.resolve();
  },
  getPath(name: string) {
    return app.paths.get(name) ?? `/tmp/fake-electron/${name}`;
  },
  getVersion: () => '0.1.0',
  setName() {},
  quit() {
    app.calls.push('quit');
  },
  exit() {
    app.calls.push('exit');
  },
});

export const dialog = {
  async showOpenDialog() {
    return { canceled: true, filePaths: [] as string[] };
  },
  async showSaveDialog() {
    return { canceled: true, filePath: undefined as string | undefined };
  },
};

export const Menu = {
  template: null as unknown,
  buildFromTemplate(template: unknown) {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown } | null) {
    Menu.template = menu?.template ?? null;
  },
};

export function resetFakeElectron(): void {
  FakeBrowserWindow.created.length = 0;
  ipcHandlers.clear();
  rendererListeners.clear();
  rendererContents = null;
  contextBridge.exposed.clear();
  protocol.handlers.clear();
  protocol.privileged.length = 0;
  shell.opened.length = 0;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.failDecrypt = false;
  app.calls.length = 0;
  app.lock = true;
  app.removeAllListeners();
}

export const fake = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  shell,
  safeStorage,
  session,
  dialog,
  Menu,
};
