import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StudioPage } from './studio-page';

// Each test gets the REAL browser-mode host (core/host startBrowserHost: engine, studio host, loopback
// WebSocket host) on port 0 with its own temp data dir, in a child process run by tsx like `genweave serve`,
// and a page already past the token/session handshake.

export type Host = { url: string; process: ChildProcess };
type StudioFixtures = { workDir: string; host: Host; studio: StudioPage };

export function startHost(workDir: string): Promise<Host> {
  // HOME points into the temp dir too: project.new({ template: 'sample' }) copies to ~/Genweave/….
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/support/host-process.ts', join(workDir, 'data')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOME: join(workDir, 'home') },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Genweave Studio ready at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, process: child });
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code} before it was ready:\n${err}`)));
  });
}

export function stopHost(host: Host): Promise<void> {
  return new Promise((resolve) => {
    if (host.process.exitCode !== null) return resolve();
    host.process.once('exit', () => resolve());
    host.process.kill('SIGTERM');
  });
}

export const test = base.extend<StudioFixtures>({
  // Playwright's fixture protocol requires the destructuring pattern even when nothing is used.
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'genweave-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  host: async ({ workDir }, use) => {
    const host = await startHost(workDir);
    await use(host);
    await stopHost(host);
  },
  studio: async ({ page, host }, use) => {
    const violations: string[] = [];
    const errors: string[] = [];
    page.on('console', (message) => {
      // frame-ancestors in a <meta> CSP is ignored by design; the host sends it as a header too.
      if (message.type() === 'error' && /Content Security Policy/.test(message.text()) && !/frame-ancestors/.test(message.text())) {
        violations.push(message.text());
      }
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.goto(host.url);
    const studio = new StudioPage(page);
    await studio.waitReady();
    await use(studio);
    // A normal flow raises no CSP violation and no uncaught error (RELIABILITY.md EL-5).
    const reported = [...errors, ...(studio.provokesCspViolations ? [] : violations)];
    if (reported.length > 0) throw new Error(`Page reported:\n${reported.join('\n')}`);
  },
});

export { expect } from '@playwright/test';
