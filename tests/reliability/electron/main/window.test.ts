import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../../../electron/main/window';
import { figure } from '../../support/figure';

vi.mock('electron', async () => (await import('../support/fake-electron')).fake);

describe('window options', () => {
  it('EL-1 creates every window isolated, sandboxed and without Node', () => {
    for (const devTools of [true, false]) {
      const prefs = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', bounds: { width: 1200, height: 800 }, devTools }).webPreferences!;
      const required = {
        contextIsolation: true,
        sandbox: true,
        webSecurity: true,
        nodeIntegration: false,
        webviewTag: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
      };
      let held = 0;
      for (const [key, value] of Object.entries(required)) {
        expect(prefs[key as keyof typeof prefs], key).toBe(value);
        held++;
      }
      expect(held).toBe(9);
      figure('EL-1', { dev_tools: devTools, held: `${held}/9` });
      expect(prefs.devTools).toBe(devTools);
    }
    expect(secureWebPreferences('/p').preload).toBe('/p');
  });
});
