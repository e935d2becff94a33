// rpc.md §7 process rules: one instance (the lock is taken before any data is opened), the engine opened in
// main, one hardened window serving app://genweave/index.html, the shared dispatcher behind IPC.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { projectFolderOf } from '../../core/host/client-session';
import { createStudioHost } from '../../core/host/studio-host';
import { openEngine } from '../../core/engine/open-engine';
import { fileLogger } from '../../core/rpc/logger';
import { electronDialogs } from './dialogs';
import { registerRpcIpc } from './ipc';
import { appMenuTemplate } from './menu';
import { createOpenRequests, isProjectPath, projectPathFromArgv } from './open-requests';
import { createSafeStorageSecretStore } from './secrets';
import { createAppProtocolHandler } from './security/app-protocol';
import { guardWebContents } from './security/navigation';
import { denyAllPermissions } from './security/permissions';
import { APP_ENTRY_URL, APP_SCHEME } from './security/sender';
import { openExternalUrl } from './security/window-open';
import { mainWindowOptions } from './window';
import { loadWindowState, saveWindowState } from './window-state';

const DOCS_URL = 'https://github.com/genweave/genweave-studio#readme';

/** app:// must be registered as privileged before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Restores and focuses the studio; before its window exists there is nothing to do (it shows itself when ready). */
function bringToFront(window: BrowserWindow | null): void {
  if (window === null) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

export async function startApp(): Promise<void> {
  // Before anything reads or writes the data folder: a second launch must not open the database at all.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let mainWindow: BrowserWindow | null = null;
  // Both listeners go on before `ready`: macOS sends open-file before it when Finder starts the app with a file.
  const openRequests = createOpenRequests();
  app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    bringToFront(mainWindow);
    const path = projectPathFromArgv(argv, workingDirectory);
    if (path !== null) openRequests.request(path);
  });
  app.on('open-file', (event, path: string) => {
    // Handled only when it is a project; anything else is left to the OS, as the command line ignores it.
    if (!isProjectPath(path)) return;
    event.preventDefault();
    bringToFront(mainWindow);
    openRequests.request(resolve(path));
  });

  await app.whenReady();
  const logger = fileLogger(join(app.getPath('logs'), 'main.log'));
  const here = fileURLToPath(new URL('.', import.meta.url));
  const rendererDir = join(here, '..', 'renderer');
  const preloadPath = join(here, '..', 'preload', 'index.cjs');
  const dataDir = process.env.GENWEAVE_DATA_DIR ?? join(app.getPath('userData'), 'data');
  const devTools = !app.isPackaged;

  const secretStore = createSafeStorageSecretStore({ safeStorage, file: join(dataDir, 'secrets.json'), platform: process.platform, logger });
  const engine = await openEngine({ dataDir, secretStore });
  const studio = await createStudioHost({
    engine,
    dataDir,
    transport: 'electron',
    version: app.getVersion(),
    logger,
    checkOutputs: !app.isPackaged,
    dialogs: electronDialogs(dialog, () => BrowserWindow.getFocusedWindow() ?? mainWindow),
    launchProject: openRequests.takeLaunchProject(projectPathFromArgv(process.argv)),
    // Packaged builds carry the sample beside the asar (electron-builder.yml extraResources).
    ...(app.isPackaged ? { sampleDir: join(process.resourcesPath, 'sample') } : {}),
  });
  const ipc = registerRpcIpc({ ipcMain, endpoint: studio, logger });

  denyAllPermissions(session.defaultSession);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir,
      dataDir,
      projectFolder: () => {
        const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
        const client = window === null ? undefined : ipc.sessionOf(window.webContents);
        return client === undefined ? null : projectFolderOf(client);
      },
    }),
  );
  const openExternal = (url: string) => shell.openExternal(url);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(appMenuTemplate({ isMac: process.platform === 'darwin', devTools, openDocs: () => openExternalUrl(DOCS_URL, openExternal) })),
  );

  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  const bounds = { width: state.width, height: state.height, ...(state.x === undefined ? {} : { x: state.x }), ...(state.y === undefined ? {} : { y: state.y }) };
  // Its web contents are guarded by the web-contents-created hook above, like every other.
  const window = new BrowserWindow(mainWindowOptions({ preloadPath, bounds, devTools }));
  mainWindow = window;
  ipc.attach(window.webContents);
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => saveWindowState(stateFile, { ...window.getBounds(), maximized: window.isMaximized() }));
  window.on('closed', () => {
    mainWindow = null;
  });
  await window.loadURL(APP_ENTRY_URL);
  // Loaded means renderer/main.tsx has run and subscribed, so a path sent from now on is heard.
  openRequests.deliverTo((path) => studio.emit('app.onDidRequestOpen', { path }));

  let quitting = false;
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Give running exchanges their 5 s and close the database before the process goes (engine.md §1).
    event.preventDefault();
    quitting = true;
    ipc.dispose();
    studio.close();
    engine.close().then(
      () => app.quit(),
      (thrown: unknown) => {
        logger.error('app.engine_close_failed', { error: thrown });
        app.exit(1);
      },
    );
  });
}
