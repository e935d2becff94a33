import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from '../../../../../electron/main/security/permissions';
import { session } from '../../support/fake-electron';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fake);

/** Every permission name of the installed Electron, read from its type declarations. */
function electronPermissionNames(): string[] {
  const dts = readFileSync(createRequire(import.meta.url).resolve('electron/electron.d.ts'), 'utf8');
  const line = /setPermissionRequestHandler\(handler: \(\(webContents: WebContents, permission: ([^,]+(?:\s*\|\s*'[^']+')*),/.exec(dts);
  return [...(line?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

describe('permissions', () => {
  it('EL-6 denies every permission request and check', () => {
    const names = electronPermissionNames();
    expect(names.length).toBeGreaterThan(10);
    const target = session.defaultSession;
    denyAllPermissions(target as never);
    let granted = 0;
    for (const name of names) {
      target.permissionRequestHandler!({}, name, (ok: boolean) => {
        if (ok) granted++;
      }, {});
      if (target.permissionCheckHandler!({}, name, 'app://genweave', {}) === true) granted++;
    }
    expect(granted).toBe(0);
    console.log(`FIGURE EL-6 permissions=${names.length} granted=${granted}`);
  });
});
