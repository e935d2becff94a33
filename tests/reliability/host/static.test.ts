import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserModeCsp } from '../../../core/host/security-headers';
import { createFakeEndpoint } from '../rpc/support/fake-endpoint';
import { openWebSocketHost } from './support/ws-session';
import { rawRequest } from './support/http';
import { figure } from '../support/figure';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (stops.length > 0) await stops.pop()!();
});

/** The EL-7 corpus: every way out of the build folder, and then some. */
export const ESCAPE_PATHS = ['/../../etc/passwd', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/%2F..%2F..%2Fetc%2Fpasswd', '/..%2fdist-x%2Fsecret.txt', '//etc/passwd', '/%2Fetc%2Fpasswd', '/index.html%00.png', '/link-out/secret.txt', '/..\\..\\etc\\passwd'];

describe('static files in browser mode', () => {
  it('HOST-4 serves only files inside the renderer build, with the studio headers', async () => {
    const endpoint = createFakeEndpoint();
    const opened = await openWebSocketHost(endpoint);
    stops.push(() => opened.host.stop());
    const { host, rendererDir } = opened;
    const outside = mkdtempSync(join(tmpdir(), 'gw-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'SECRET');
    mkdirSync(join(rendererDir, '..', 'dist-x'), { recursive: true });
    writeFileSync(join(rendererDir, '..', 'dist-x', 'secret.txt'), 'SECRET');
    symlinkSync(outside, join(rendererDir, 'link-out'));
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');

    const index = await rawRequest(host.port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(browserModeCsp(host.port));
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.headers['cache-control']).toBeUndefined();
    const script = await rawRequest(host.port, { path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');

    for (const path of ESCAPE_PATHS) {
      const reply = await rawRequest(host.port, { path });
      expect(reply.body, path).not.toContain('SECRET');
      expect(reply.body, path).not.toContain('root:');
      expect(reply.status, path).not.toBe(200);
      expect(reply.headers['cache-control'], path).toBe('no-store');
    }
    for (const reply of [index, script]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-allow'))).toEqual([]);
    }
    figure('HOST-4', { escape_paths: ESCAPE_PATHS.length, served_outside: 0, cors_headers: 0 });
  });

  it('serves media and assets only with a session, confined to their folders', async () => {
    const endpoint = createFakeEndpoint(mkdtempSync(join(tmpdir(), 'gw-data-')));
    const opened = await openWebSocketHost(endpoint);
    stops.push(() => opened.host.stop());
    const hash = 'ab'.padEnd(64, 'c');
    mkdirSync(join(endpoint.dataDir, 'media', 'ab'), { recursive: true });
    writeFileSync(join(endpoint.dataDir, 'media', 'ab', `${hash}.svg`), '<svg xmlns="http://www.w3.org/2000/svg"/>');

    expect((await rawRequest(opened.host.port, { path: `/media/${hash}` })).status).toBe(401);
    const media = await rawRequest(opened.host.port, { path: `/media/${hash}`, headers: { Cookie: opened.cookie } });
    expect(media.status).toBe(200);
    expect(media.headers['content-type']).toBe('image/svg+xml');
    expect(media.headers['x-content-type-options']).toBe('nosniff');
    expect(media.headers['cache-control']).toBe('no-store');
    for (const bad of ['ABC', hash.toUpperCase(), `${hash}0`, '../../settings.json']) {
      expect((await rawRequest(opened.host.port, { path: `/media/${bad}`, headers: { Cookie: opened.cookie } })).status).toBe(404);
    }
    // No project is open for this cookie yet, so no asset resolves.
    expect((await rawRequest(opened.host.port, { path: '/asset/assets%2Fa.svg', headers: { Cookie: opened.cookie } })).status).toBe(404);
  });
});
