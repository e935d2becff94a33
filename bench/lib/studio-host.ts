import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ProviderConfig } from '../../core/domain';
import type { Engine } from '../../core/engine';
import type * as EngineArea from '../../core/engine';
import type * as HostArea from '../../core/host';
import { readyUrl } from './browser';
import { SkipRow } from './row-types';

// The browser-mode host (`startBrowserHost`, core/host) in this process, on a temp data dir whose settings
// list the bench's projects as recent (so the studio opens one with a click on the welcome screen) and turn
// autosave off (no recovery writes while timing).

export type BenchHost = { url: string; stop(): Promise<void> };

export async function writeBenchSettings(dataDir: string, recent: ReadonlyArray<{ path: string; name: string }>): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const openedAt = new Date().toISOString();
  const settings = { autosaveIntervalSec: 0, recent: recent.map((r) => ({ ...r, openedAt })) };
  await writeFile(join(dataDir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

export async function startBenchHost(options: { dataDir: string; rendererDir: string; projectPath?: string }): Promise<BenchHost> {
  let mod: typeof HostArea;
  try {
    mod = await import('../../core/host');
  } catch (thrown) {
    throw new SkipRow(`browser host not ready (${thrown instanceof Error ? thrown.message : String(thrown)})`);
  }
  const host = await mod.startBrowserHost({ ...options, port: 0, print: () => undefined });
  return { url: readyUrl(host.readyLine), stop: () => host.stop() };
}

/** Loads the studio and waits for `data-app-state="ready"` (studio-ui.md §1). */
export async function openStudio(page: Page, url: string): Promise<void> {
  await page.goto(url);
  try {
    await page.locator('[data-testid="app-root"][data-app-state="ready"]').waitFor({ timeout: 30_000 });
  } catch (thrown) {
    const state = await page.locator('[data-testid="app-root"]').getAttribute('data-app-state', { timeout: 1_000 }).catch(() => 'absent');
    const text = (await page.locator('body').innerText({ timeout: 1_000 }).catch(() => '')).slice(0, 300).replace(/\s+/g, ' ');
    throw new Error(`the studio did not become ready (app state ${state}; page: ${text})`, { cause: thrown });
  }
}

/** The welcome screen's recent entry for `path` (studio-ui.md §1, `recent-item-<n>`, title = its path). */
export function recentItemSelector(path: string): string {
  return `[data-testid^="recent-item-"][title=${JSON.stringify(path)}]`;
}

export type EngineHost = BenchHost & { engine: Engine };

/**
 * The same three parts `startBrowserHost` wires (core/host/browser-host.ts: engine, studio host, loopback
 * WebSocket host), composed here because row 8 must drive that very engine to make status events.
 */
export async function startHostWithEngine(options: {
  dataDir: string;
  rendererDir: string;
  providers: ProviderConfig[];
  launchProject: string;
}): Promise<EngineHost> {
  let host: typeof HostArea;
  let engineArea: typeof EngineArea;
  try {
    [host, engineArea] = await Promise.all([import('../../core/host'), import('../../core/engine')]);
  } catch (thrown) {
    throw new SkipRow(`browser host not ready (${thrown instanceof Error ? thrown.message : String(thrown)})`);
  }
  const engine = await engineArea.openEngine({ dataDir: options.dataDir, providers: options.providers });
  const studio = await host.createStudioHost({ engine, dataDir: options.dataDir, transport: 'browser', version: 'bench', launchProject: options.launchProject });
  const ws = await host.startWsHost({ endpoint: studio, rendererDir: options.rendererDir });
  return {
    url: readyUrl(ws.readyLine),
    engine,
    async stop() {
      await ws.stop();
      studio.close();
      await engine.close();
    },
  };
}
