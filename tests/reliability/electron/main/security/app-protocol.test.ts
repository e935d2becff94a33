import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../../../../../electron/main/security/app-protocol';
import { STUDIO_CSP } from '../../../../../electron/main/security/csp';
import { figure } from '../../../support/figure';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fake);

function tree() {
  const root = mkdtempSync(join(tmpdir(), 'gw-app-'));
  const rendererDir = join(root, 'dist');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {}');
  mkdirSync(join(root, 'dist-x'));
  writeFileSync(join(root, 'dist-x', 'secret.txt'), 'SECRET');
  symlinkSync(join(root, 'dist-x'), join(rendererDir, 'link-out'));
  const project = join(root, 'project');
  mkdirSync(join(project, 'assets'), { recursive: true });
  writeFileSync(join(project, 'assets', 'tomas.svg'), '<svg/>');
  writeFileSync(join(root, 'outside.svg'), 'SECRET');
  return { root, rendererDir, project };
}

describe('the app:// protocol', () => {
  it('EL-7 serves only files inside the renderer build', async () => {
    const { rendererDir, project, root } = tree();
    const handle = createAppProtocolHandler({ rendererDir, dataDir: join(root, 'data'), projectFolder: () => project });
    // Only the URL and method are read; a plain object also carries URLs that Request refuses (credentials).
    const get = (url: string) => handle({ url, method: 'GET' } as Request);

    const index = await get('app://genweave/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(STUDIO_CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await get('app://genweave/assets/app.js')).text()).toBe('export {}');

    const escapes = [
      'app://genweave/../../etc/passwd',
      'app://genweave/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://genweave/%2F..%2Fdist-x%2Fsecret.txt',
      'app://genweave/..%2Fdist-x%2Fsecret.txt',
      'app://genweave/%2Fetc%2Fpasswd',
      'app://genweave/index.html%00.js',
      'app://genweave/link-out/secret.txt',
      'app://genweave.evil/index.html',
      'app://genweave@evil/index.html',
      'app://evil/index.html',
      'app://genweave/asset/..%2F..%2Foutside.svg',
      'app://genweave/asset/%2Fetc%2Fpasswd',
    ];
    for (const url of escapes) {
      const reply = await get(url);
      expect(reply.status, url).not.toBe(200);
      expect(await reply.text(), url).not.toContain('SECRET');
    }
    const asset = await get('app://genweave/asset/assets%2Ftomas.svg');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('image/svg+xml');
    expect((await get('app://genweave/asset/..%2Foutside.svg')).status).toBe(403);
    figure('EL-7', { escapes: escapes.length, served_outside: 0, in_tree_served: 2 });
  });
});
