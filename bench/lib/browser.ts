import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { SkipRow } from './row-types';

// Chromium (Debian's, headless, no GPU) driven by playwright-core, and fresh vite builds of the studio
// renderer and of the bare React Flow floor page, made into the row's temp dir on every run so a row never
// measures a stale bundle.

export const CHROMIUM = '/usr/bin/chromium';
export const VIEWPORT = { width: 1400, height: 900 };
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function reasonOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message.split('\n')[0]! : String(thrown);
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new SkipRow(`no Chromium at ${CHROMIUM}`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

async function viteBuild(config: Record<string, unknown>, what: string): Promise<void> {
  const { build } = await import('vite');
  try {
    await build({ logLevel: 'silent', ...config });
  } catch (thrown) {
    throw new SkipRow(`${what} does not build (${reasonOf(thrown)})`);
  }
}

/** Set by run.ts when it has built the renderer once for every browser row of the run. */
export const SHARED_RENDERER_ENV = 'GENWEAVE_BENCH_RENDERER_DIR';
/** Set by run.ts under --cpu-prof: pages are profiled too, and bundles are built unminified to be readable. */
export const PROFILE_DIR_ENV = 'GENWEAVE_BENCH_PROFILE_DIR';

export function profileDir(): string | undefined {
  return process.env[PROFILE_DIR_ENV];
}

/** The studio renderer, built with its own config (vite.renderer.config.ts) into `outDir`. */
export async function buildRenderer(outDir: string): Promise<string> {
  const shared = process.env[SHARED_RENDERER_ENV];
  if (shared !== undefined && existsSync(join(shared, 'index.html'))) return shared;
  const readable = profileDir() !== undefined;
  await viteBuild({ configFile: join(ROOT, 'vite.renderer.config.ts'), build: { outDir, emptyOutDir: true, minify: !readable } }, 'the renderer');
  return outDir;
}

/** The bare React Flow page (bench/fixtures/bare-flow), built into `outDir`. */
export async function buildBareFlow(outDir: string): Promise<string> {
  const { default: react } = await import('@vitejs/plugin-react');
  await viteBuild(
    {
      configFile: false,
      root: join(ROOT, 'bench', 'fixtures', 'bare-flow'),
      base: './',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096, minify: profileDir() === undefined },
    },
    'the bare React Flow page',
  );
  return outDir;
}

/** The token URL out of the host's ready line (`Genweave Studio ready at http://…/#token=…`). */
export function readyUrl(readyLine: string): string {
  const url = /(http:\/\/\S+)/.exec(readyLine)?.[1];
  if (url === undefined) throw new Error(`no URL in the ready line: ${readyLine}`);
  return url;
}

/**
 * Runs `fn`; under --cpu-prof also records the page's main-thread CPU profile (Chrome DevTools protocol)
 * into `<profile dir>/<name>.cpuprofile`, readable with bench/profile.ts.
 */
export async function withPageProfile<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  const dir = profileDir();
  if (dir === undefined) return fn();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await fn();
  const { profile } = await cdp.send('Profiler.stop');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  await cdp.detach();
  return result;
}

/** A new context and page of the standard size; uncaught page errors are collected for the row to report. */
export async function freshPage(browser: Browser): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}
