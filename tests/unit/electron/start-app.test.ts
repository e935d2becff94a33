import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { events } from '../../../core/rpc/contract';
import { RPC_CHANNEL } from '../../../core/rpc/method-names';
import { FakeBrowserWindow, app, ipcMain, resetFakeElectron } from '../../reliability/electron/support/fake-electron';

// The main process on the fake electron module (no binary here): a second launch or a macOS open-file must
// bring the running window forward and have the studio open the named project (rpc.md §7).

vi.mock('electron', async () => (await import('../../reliability/electron/support/fake-electron')).fake);
vi.mock('../../../core/engine/open-engine', async () => {
  const { createFakeEngine } = await import('../../reliability/host/support/fake-engine');
  return { openEngine: vi.fn(async () => ({ ...createFakeEngine(), close: async () => {} })) };
});

const EXECUTABLE = '/opt/Genweave Studio/genweave-studio';

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

async function start(): Promise<void> {
  const { startApp } = await import('../../../electron/main/start-app');
  await startApp();
}

function theWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.created).toHaveLength(1);
  return FakeBrowserWindow.created[0]!;
}

/** The paths of every app.onDidRequestOpen the window received, each checked against the contract. */
function openRequestsSent(window: FakeBrowserWindow): string[] {
  return window.webContents.sent
    .filter((message) => message.channel === RPC_CHANNEL)
    .map((message) => message.args[0] as { event: string; payload: unknown })
    .filter((frame) => frame.event === 'app.onDidRequestOpen')
    .map((frame) => events['app.onDidRequestOpen'].parse(frame.payload).path);
}

async function launchProjectOf(window: FakeBrowserWindow): Promise<string | null | undefined> {
  const contents = window.webContents;
  const reply = (await ipcMain.invokeAs({ sender: contents, senderFrame: contents.mainFrame }, RPC_CHANNEL, { v: 1, id: 'i1', method: 'app.info', input: {} })) as {
    ok: boolean;
    result: { launchProject?: string | null };
  };
  expect(reply.ok).toBe(true);
  return reply.result.launchProject;
}

/** An OS event as Electron delivers it: a first argument with preventDefault. */
function emitOpenFile(path: string): { prevented: boolean } {
  const outcome = { prevented: false };
  app.emit('open-file', { preventDefault: () => (outcome.prevented = true) }, path);
  return outcome;
}

function spyOnFront(window: FakeBrowserWindow, minimized: boolean) {
  vi.spyOn(window, 'isMinimized').mockReturnValue(minimized);
  return { restore: vi.spyOn(window, 'restore'), focus: vi.spyOn(window, 'focus') };
}

describe('a project named while the studio runs', () => {
  beforeEach(() => {
    resetFakeElectron();
    vi.restoreAllMocks();
    process.env.GENWEAVE_DATA_DIR = tempDir('gw-main-data-');
    app.paths.set('userData', tempDir('gw-main-user-'));
    app.paths.set('logs', tempDir('gw-main-logs-'));
  });

  it('restores and focuses the window, then sends the path of a second launch made absolute against its folder', async () => {
    await start();
    const window = theWindow();
    const front = spyOnFront(window, true);
    const cwd = tempDir('gw-second-');
    mkdirSync(join(cwd, 'stories'));
    writeFileSync(join(cwd, 'stories', 'harbor.genweave.json'), '{}');

    app.emit('second-instance', {}, [EXECUTABLE, '--allow-file-access-from-files', 'stories/harbor.genweave.json'], cwd);

    expect(front.restore).toHaveBeenCalledTimes(1);
    expect(front.focus).toHaveBeenCalledTimes(1);
    expect(openRequestsSent(window)).toEqual([join(cwd, 'stories', 'harbor.genweave.json')]);
    expect(await launchProjectOf(window)).toBeNull();
  });

  it('only brings the window forward when the second launch names no project', async () => {
    await start();
    const window = theWindow();
    const front = spyOnFront(window, false);
    const cwd = tempDir('gw-second-');

    app.emit('second-instance', {}, [EXECUTABLE], cwd);
    app.emit('second-instance', {}, [EXECUTABLE, 'notes.txt', '--open=x.genweave.json'], cwd);

    expect(front.restore).not.toHaveBeenCalled();
    expect(front.focus).toHaveBeenCalledTimes(2);
    expect(openRequestsSent(window)).toEqual([]);
  });

  it('handles a project opened from Finder, and leaves any other file to the OS', async () => {
    await start();
    const window = theWindow();
    const front = spyOnFront(window, true);
    const project = join(tempDir('gw-finder-'), 'Harbor Lights.genweave.json');
    writeFileSync(project, '{}');

    expect(emitOpenFile(join(tmpdir(), 'photo.png')).prevented).toBe(false);
    expect(front.focus).not.toHaveBeenCalled();
    expect(emitOpenFile(project).prevented).toBe(true);

    expect(front.restore).toHaveBeenCalledTimes(1);
    expect(front.focus).toHaveBeenCalledTimes(1);
    expect(openRequestsSent(window)).toEqual([project]);
  });

  it('opens a file from Finder that arrives before ready as the launch project, and sends nothing more', async () => {
    const project = join(tempDir('gw-finder-'), 'harbor.genweave.json');
    writeFileSync(project, '{}');
    const { startApp } = await import('../../../electron/main/start-app');
    const starting = startApp();
    // The listeners are on before the first await, as macOS needs: this is before `ready`.
    expect(app.calls).toEqual(['requestSingleInstanceLock', 'whenReady']);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(emitOpenFile(project).prevented).toBe(true);
    await starting;

    const window = theWindow();
    expect(await launchProjectOf(window)).toBe(project);
    expect(openRequestsSent(window)).toEqual([]);
  });

  it('holds a path that arrives while the page loads and sends it once loaded, exactly once', async () => {
    let finishLoad: () => void = () => {};
    vi.spyOn(FakeBrowserWindow.prototype, 'loadURL').mockImplementation(function (this: FakeBrowserWindow, url: string) {
      this.webContents.loaded.push(url);
      return new Promise<void>((done) => (finishLoad = done));
    });
    const cwd = tempDir('gw-second-');
    const starting = start();
    await vi.waitFor(() => expect(FakeBrowserWindow.created[0]?.webContents.loaded).toEqual(['app://genweave/index.html']));
    const window = theWindow();

    app.emit('second-instance', {}, [EXECUTABLE, 'a.genweave.json'], cwd);
    expect(openRequestsSent(window)).toEqual([]);
    finishLoad();
    await starting;

    expect(openRequestsSent(window)).toEqual([join(cwd, 'a.genweave.json')]);
    expect(await launchProjectOf(window)).toBeNull();
  });

  it('filters and resolves a second launch exactly as the first launch does, missing files included', async () => {
    const cwd = process.cwd();
    const missing = 'no-such-folder/missing.genweave.json';
    const argv = process.argv;
    process.argv = [EXECUTABLE, 'readme.md', missing];
    try {
      await start();
    } finally {
      process.argv = argv;
    }
    const window = theWindow();
    // The first launch hands the path to the studio without checking it; project.open reports a missing file.
    const firstLaunch = await launchProjectOf(window);
    expect(firstLaunch).toBe(resolve(cwd, missing));

    app.emit('second-instance', {}, [EXECUTABLE, 'readme.md', missing], cwd);
    app.emit('second-instance', {}, [EXECUTABLE, 'readme.md'], cwd);
    expect(openRequestsSent(window)).toEqual([firstLaunch]);
  });
});
