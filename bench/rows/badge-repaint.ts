import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CreateGenerationRequest, ProjectDocument } from '../../core/domain';
import { armBadgeWaiter, badgeRepaintMs, frameIntervalMs, installArrivalHook } from '../lib/badge-probe';
import { buildRenderer, freshPage, launchChromium } from '../lib/browser';
import type { MeasureSpec, Mode, RowModule } from '../lib/row-types';
import { SkipRow } from '../lib/row-types';
import { readSampleDocument, SAMPLE_DIR } from '../lib/sample-project';
import { median } from '../lib/stats';
import { type EngineHost, openStudio, startHostWithEngine, writeBenchSettings } from '../lib/studio-host';

// Row 8 (PERF-5, one status event): the sample project open in the studio; the engine behind the host runs
// the sample's `always` node (local-preview, 60 ms), and the page times each `completed` status frame from
// its arrival on the WebSocket to the animation frame that shows the node's badge as completed. Floor: one
// animation frame of the same page (median rAF interval). Target: at most 2 frames.

type Shared = { browser: Browser; host: EngineHost; page: Page; errors: string[]; closePage(): Promise<void>; nodeId: string; request: CreateGenerationRequest };

const EVENTS = { quick: 15, full: 40 };
const PREVIEW_DELAY_MS = 60;

function measures(mode: Mode): MeasureSpec[] {
  return [{ name: `status event → badge repaint (${EVENTS[mode]} events)`, unit: 'ms', bound: 'browser', target: { kind: 'max', ratio: 2 } }];
}

async function buildRequest(doc: SampleDoc, nodeId: string, projectPath: string): Promise<CreateGenerationRequest> {
  try {
    const { buildCreateRequest } = await import('../../core/project');
    return buildCreateRequest(doc as unknown as ProjectDocument, nodeId, { projectPath });
  } catch (thrown) {
    throw new SkipRow(`cannot build the sample's request (${thrown instanceof Error ? thrown.message : String(thrown)})`);
  }
}

type SampleDoc = ReturnType<typeof readSampleDocument>;

export const row: RowModule<Shared> = {
  id: 'badge-repaint',
  title: 'status event → node badge repaint',
  settleMs: 500,
  measures,

  async prepare(ctx) {
    const doc = readSampleDocument();
    const node = doc.generationNodes.find((n) => n.config.strategy === 'always');
    if (node === undefined) throw new SkipRow('the sample project has no `always` node to run repeatedly');
    const projectDir = join(ctx.tmpDir, 'sample');
    await cp(SAMPLE_DIR, projectDir, { recursive: true });
    const projectPath = join(projectDir, 'harbor-lights.genweave.json');
    const request = await buildRequest(doc, node.id, projectPath);
    const browser = await launchChromium();
    try {
      const rendererDir = await buildRenderer(join(ctx.tmpDir, 'renderer'));
      const dataDir = join(ctx.tmpDir, 'data');
      await writeBenchSettings(dataDir, []);
      const host = await startHostWithEngine({
        dataDir,
        rendererDir,
        providers: [{ id: 'local-preview', kind: 'local-preview', defaults: { delayMs: PREVIEW_DELAY_MS } }],
        launchProject: projectPath,
      });
      const { page, errors, close } = await freshPage(browser);
      await installArrivalHook(page);
      await openStudio(page, host.url);
      await page.locator(`[data-testid="gen-node-${node.id}"] [data-testid="gen-node-status"]`).waitFor({ timeout: 30_000 });
      return { browser, host, page, errors, closePage: close, nodeId: node.id, request };
    } catch (thrown) {
      await browser.close();
      throw thrown;
    }
  },

  async rep(ctx, s) {
    const floor = await frameIntervalMs(s.page);
    const times: number[] = [];
    for (let i = 0; i < EVENTS[ctx.mode]; i += 1) {
      await armBadgeWaiter(s.page, s.nodeId);
      const { generation } = await s.host.engine.generations.create(s.request);
      const done = await s.host.engine.generations.wait(generation.id);
      if (done.status !== 'completed') throw new Error(`the sample's generation ended ${done.status}`);
      times.push(await badgeRepaintMs(s.page));
    }
    if (s.errors.length > 0) throw new Error(`studio page errors: ${s.errors.join('; ')}`);
    return { [measures(ctx.mode)[0]!.name]: { figure: median(times), floor } };
  },

  async dispose(s) {
    await s.closePage();
    await s.host.stop();
    await s.browser.close();
  },
};
