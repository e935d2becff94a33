import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, app, protocol, resetFakeElectron, session } from '../support/fake-electron';
import { figure } from '../../support/figure';

vi.mock('electron', async () => (await import('../support/fake-electron')).fake);
vi.mock('../../../../core/engine/open-engine', async () => {
  const { app: fakeApp } = await import('../support/fake-electron');
  const { createFakeEngine: make } = await import('../../host/support/fake-engine');
  return {
    openEngine: vi.fn(async () => {
      fakeApp.calls.push('openEngine');
      return { ...make(), close: async () => {} };
    }),
  };
});

describe('the main process', () => {
  beforeEach(() => {
    resetFakeElectron();
    process.env.GENWEAVE_DATA_DIR = mkdtempSync(join(tmpdir(), 'gw-main-'));
    app.paths.set('userData', mkdtempSync(join(tmpdir(), 'gw-user-')));
    app.paths.set('logs', mkdtempSync(join(tmpdir(), 'gw-logs-')));
  });

  it('EL-9 takes the instance lock before opening data', async () => {
    const { startApp } = await import('../../../../electron/main/start-app');
    await startApp();
    expect(app.calls.slice(0, 3)).toEqual(['requestSingleInstanceLock', 'whenReady', 'openEngine']);
    figure('EL-9', { lock_before_data: app.calls.indexOf('requestSingleInstanceLock') < app.calls.indexOf('openEngine') });
    // One hardened window, loading only the app:// entry, with permissions denied and the protocol served.
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(FakeBrowserWindow.created[0]!.webContents.loaded).toEqual(['app://genweave/index.html']);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.permissionCheckHandler?.({}, 'media', '', {})).toBe(false);
  });

  it('EL-9 quits a second instance without opening any data', async () => {
    app.lock = false;
    const { startApp } = await import('../../../../electron/main/start-app');
    await startApp();
    expect(app.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });
});
