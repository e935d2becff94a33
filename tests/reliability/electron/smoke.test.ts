import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

describe('the packaged-style app', () => {
  it('starts in Electron, loads app://genweave/index.html and reaches ready', async (context) => {
    const binary = electronBinary();
    if (binary === null) return context.skip('no Electron binary on this machine (node_modules/electron/dist is missing)');
    if (!existsSync(join(root, 'out', 'main', 'index.js'))) return context.skip('out/ is not built (npm run build)');
    const app = await _electron.launch({
      executablePath: binary,
      args: [root],
      env: { ...process.env, GENWEAVE_DATA_DIR: mkdtempSync(join(tmpdir(), 'gw-smoke-')) },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForSelector('[data-app-state="ready"]', { timeout: 30_000 });
      expect(page.url()).toBe('app://genweave/index.html');
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => (globalThis as unknown as { genweave: { transport: string } }).genweave.transport)).toBe('electron');
    } finally {
      await app.close();
    }
  }, 60_000);
});
