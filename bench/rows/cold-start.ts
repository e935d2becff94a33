import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer, launchChromium, readyUrl, VIEWPORT } from '../lib/browser';
import type { MeasureSpec, RowModule } from '../lib/row-types';
import { readSampleDocument, SAMPLE_DIR } from '../lib/sample-project';
import { alternate, nowMs } from '../lib/stats';

// Row 10: cold start to an interactive graph in browser mode. Figure: from spawning the host process
// (bench/probes/serve-studio.ts = `genweave serve --project <sample>`, on a fresh data dir) through its ready
// line, launching Chromium, loading the studio from the ready URL, to every node of the sample project on the
// canvas. Floor: launching Chromium and opening a blank page. Reported only.

type Shared = { rendererDir: string; projectPath: string; nodeCount: number };

const PROBE = join(dirname(fileURLToPath(import.meta.url)), '..', 'probes', 'serve-studio.ts');
const MEASURES: MeasureSpec[] = [{ name: 'cold start to interactive graph (sample project)', unit: 'ms', bound: 'browser', target: { kind: 'report' } }];

function startHost(dataDir: string, s: Shared): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', PROBE, dataDir, s.rendererDir, s.projectPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('ready at'));
      if (line !== undefined) resolve({ child, url: readyUrl(line) });
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code} before it was ready: ${err.trim().split('\n').slice(-3).join(' | ')}`)));
  });
}

function stopHost(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function coldStart(ctx: { tmpDir: string }, s: Shared): Promise<number> {
  const dataDir = await mkdtemp(join(ctx.tmpDir, 'data-'));
  const start = nowMs();
  const host = await startHost(dataDir, s);
  try {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: VIEWPORT });
      await page.goto(host.url);
      // A locator, not waitForFunction: the studio's CSP forbids the eval that a string predicate needs.
      await page.locator('.react-flow__node').nth(s.nodeCount - 1).waitFor({ state: 'visible', timeout: 60_000 });
      return nowMs() - start;
    } finally {
      await browser.close();
    }
  } finally {
    await stopHost(host.child);
  }
}

async function blankPage(): Promise<number> {
  const start = nowMs();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto('about:blank');
    return nowMs() - start;
  } finally {
    await browser.close();
  }
}

export const row: RowModule<Shared> = {
  id: 'cold-start',
  title: 'cold start to interactive graph',
  settleMs: 500,
  measures: () => MEASURES,

  async prepare(ctx) {
    const rendererDir = await buildRenderer(join(ctx.tmpDir, 'renderer'));
    const projectDir = join(ctx.tmpDir, 'sample');
    await cp(SAMPLE_DIR, projectDir, { recursive: true });
    const doc = readSampleDocument();
    // A throwaway launch so the first repetition does not also pay for compiling the TypeScript sources.
    await stopHost((await startHost(await mkdtemp(join(ctx.tmpDir, 'warm-')), { rendererDir, projectPath: join(projectDir, 'harbor-lights.genweave.json'), nodeCount: 0 })).child);
    return { rendererDir, projectPath: join(projectDir, 'harbor-lights.genweave.json'), nodeCount: doc.scenes.length + doc.generationNodes.length };
  },

  async rep(ctx, s, index) {
    const [floor, figure] = await alternate(index, blankPage, () => coldStart(ctx, s));
    return { [MEASURES[0]!.name]: { figure, floor } };
  },
};
