import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildBareFlow, buildRenderer, freshPage, launchChromium, withPageProfile } from '../lib/browser';
import { writeLargeProject } from '../lib/large-graph';
import { timeGraphPaint, viewportOf } from '../lib/paint-probe';
import type { MeasureSpec, Mode, RowContext, RowModule, Sample } from '../lib/row-types';
import { startStaticServer, type StaticServer } from '../lib/static-server';
import { alternate } from '../lib/stats';
import { type BenchHost, openStudio, recentItemSelector, startBenchHost, writeBenchSettings } from '../lib/studio-host';

// Row 7 (PERF-5): graph first paint in Chromium. Figure: in the studio (browser-mode host, built renderer),
// from the click on the project's recent entry to the first settled frame of the graph in whatever viewport
// the studio chooses — the RPC open (the host reads, parses and checks the file), the stores and React Flow.
// Floor: the bare React Flow page (bench/fixtures/bare-flow) with the same nodes, node sizes and culling, on
// a canvas of the same size showing the viewport the studio settled on (read once in prepare), from the call
// that fetches the same document to its first settled frame. Same nodes in view, so the same nodes rendered.
// The floor gets what the studio's canvas uses to cull from the first pass and what any stock React Flow app
// with fixed-size nodes can: node sizes, handle bounds and the pane's size declared up front.

/** The studio's canvas size and the viewport it settled on for one graph, which the floor page reproduces. */
type View = { w: number; h: number; x: number; y: number; zoom: number };
type Shared = { browser: Browser; host: BenchHost; floorServer: StaticServer; projects: Map<number, string>; views: Map<number, View> };

const SIZES: Record<Mode, number[]> = { quick: [1_000], full: [1_000, 5_000, 10_000] };

function nameFor(size: number): string {
  return `graph first paint, ${size / 1000}k nodes`;
}

function measures(mode: Mode): MeasureSpec[] {
  return SIZES[mode].map((size) => ({ name: nameFor(size), unit: 'ms', bound: 'browser', target: { kind: 'max', ratio: 1.3 } }));
}

async function studioPaint(s: Shared, ctx: RowContext, size: number, path: string): Promise<number> {
  const { page, errors, close } = await freshPage(s.browser);
  try {
    await openStudio(page, s.host.url);
    await page.locator(recentItemSelector(path)).waitFor({ timeout: 30_000 });
    const result = await withPageProfile(page, `graph-paint-studio-${size}-${Date.now()}`, () => timeGraphPaint(page, { clickSelector: recentItemSelector(path) }));
    ctx.log(`studio: ${result.nodes} nodes rendered in ${result.ms.toFixed(0)} ms (${result.transform})`);
    if (errors.length > 0) throw new Error(`studio page errors: ${errors.join('; ')}`);
    return result.ms;
  } finally {
    await close();
  }
}

async function barePaint(s: Shared, ctx: RowContext, size: number): Promise<number> {
  const { page, errors, close } = await freshPage(s.browser);
  try {
    const view = s.views.get(size)!;
    const query = new URLSearchParams(Object.entries(view).map(([k, v]): [string, string] => [k, String(v)]));
    await page.goto(`${s.floorServer.url}/index.html?${query}`);
    await page.waitForFunction("typeof window.benchLoad === 'function'");
    const result = await withPageProfile(page, `graph-paint-bare-${size}-${Date.now()}`, () => timeGraphPaint(page, { callName: 'benchLoad', callArg: `/graph-${size}.json` }));
    ctx.log(`bare: ${result.nodes} nodes rendered in ${result.ms.toFixed(0)} ms (${result.transform})`);
    if (errors.length > 0) throw new Error(`bare page errors: ${errors.join('; ')}`);
    return result.ms;
  } finally {
    await close();
  }
}

/** Opens the graph once in the studio (also warming the browser's caches) and reads its canvas and viewport. */
async function studioView(browser: Browser, host: BenchHost, path: string): Promise<View> {
  const { page, close } = await freshPage(browser);
  try {
    await openStudio(page, host.url);
    await page.locator(recentItemSelector(path)).waitFor({ timeout: 30_000 });
    const painted = await timeGraphPaint(page, { clickSelector: recentItemSelector(path) });
    const box = await page.locator('[data-testid="graph-canvas"] .react-flow').boundingBox();
    if (box === null) throw new Error('the studio shows no canvas');
    return { w: Math.round(box.width), h: Math.round(box.height), ...viewportOf(painted.transform) };
  } finally {
    await close();
  }
}

export const row: RowModule<Shared> = {
  id: 'graph-paint',
  title: 'graph first paint',
  settleMs: 500,
  measures,

  async prepare(ctx) {
    const browser = await launchChromium();
    try {
      const rendererDir = await buildRenderer(join(ctx.tmpDir, 'renderer'));
      const bareDir = await buildBareFlow(join(ctx.tmpDir, 'bare'));
      const projects = new Map<number, string>();
      for (const size of SIZES[ctx.mode]) projects.set(size, await writeLargeProject(ctx.tmpDir, size));
      const dataDir = join(ctx.tmpDir, 'data');
      await writeBenchSettings(dataDir, [...projects].map(([size, path]) => ({ path, name: `Bench graph ${size}` })));
      const host = await startBenchHost({ dataDir, rendererDir });
      const floorServer = await startStaticServer(bareDir, Object.fromEntries([...projects].map(([size, path]) => [`/graph-${size}.json`, path])));
      const views = new Map<number, View>();
      for (const [size, path] of projects) views.set(size, await studioView(browser, host, path));
      return { browser, host, floorServer, projects, views };
    } catch (thrown) {
      await browser.close();
      throw thrown;
    }
  },

  async rep(ctx, s, index) {
    const out: Record<string, Sample> = {};
    for (const [size, path] of s.projects) {
      const [floor, figure] = await alternate(
        index,
        () => barePaint(s, ctx, size),
        () => studioPaint(s, ctx, size, path),
      );
      out[nameFor(size)] = { figure, floor };
    }
    return out;
  },

  async dispose(s) {
    await s.floorServer.close();
    await s.host.stop();
    await s.browser.close();
  },
};
