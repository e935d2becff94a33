import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/studio-fixture';

// studio-ui.md §3 canvas kit: the `minimap` shows every node coloured by kind and status, pans by drag and
// zooms by wheel; it stays a handful of SVG elements however large the graph (bench row 7).

async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const match = /translate\((-?[\d.e+-]+)px, (-?[\d.e+-]+)px\) scale\(([\d.e+-]+)\)/.exec(transform);
  if (!match) throw new Error(`unexpected transform ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

/** What the minimap draws: per fill colour, how many node rectangles. */
async function minimapCounts(page: Page): Promise<Record<string, number>> {
  return page
    .getByTestId('minimap')
    .locator('path.minimap-nodes')
    .evaluateAll((els) => Object.fromEntries(els.map((el) => [(el as SVGPathElement).style.fill, Number(el.getAttribute('data-count'))])));
}

test('the minimap shows every node by kind, pans by drag and zooms by wheel', async ({ studio, page }) => {
  await studio.byTestId('welcome-sample').click();
  await expect(studio.byTestId('graph-canvas')).toBeVisible();
  const minimap = studio.byTestId('minimap');
  await expect(minimap).toBeVisible();
  const scenes = await studio.sceneNodes().count();
  const gens = await studio.genNodes().count();
  expect(scenes).toBeGreaterThan(0);
  const counts = await minimapCounts(page);
  expect(counts['var(--minimap-scene)']).toBe(scenes);
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(scenes + gens);

  // Dragging right and down on the minimap moves the view right and down over the flow.
  const box = (await minimap.locator('svg').boundingBox())!;
  const before = await viewport(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 20, { steps: 6 });
  await page.mouse.up();
  const panned = await viewport(page);
  expect(panned.zoom).toBe(before.zoom);
  expect(panned.x).toBeLessThan(before.x);
  expect(panned.y).toBeLessThan(before.y);

  // Wheel up over the minimap zooms in, wheel down zooms out.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -200);
  await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(panned.zoom);
  const zoomed = (await viewport(page)).zoom;
  await page.mouse.wheel(0, 400);
  await expect.poll(async () => (await viewport(page)).zoom).toBeLessThan(zoomed);
});

test('the minimap of a 3,000-node graph is a few paths holding every node', async ({ studio, page, workDir }) => {
  const N = 3_000;
  const scenes = Array.from({ length: N }, (_, i) => ({ id: `s-${i}`, title: `Scene ${i}`, position: { x: (i % 60) * 256, y: Math.floor(i / 60) * 128 } }));
  const document = {
    schemaVersion: 1,
    projectId: '5d2f6c1e-9a7b-4c3d-8e1f-0a2b3c4d5e6f',
    name: 'Three thousand scenes',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    world: { id: 'world-wide', name: 'Wide', settings: {} },
    scenes,
    generationNodes: [],
    edges: scenes.slice(1).map((s, i) => ({ id: `e-${i}`, source: scenes[i]!.id, target: s.id })),
    npcs: [],
    playthroughPresets: [],
    prompts: { families: [], versions: [] },
    assets: [],
    budgets: {},
  };
  const file = join(workDir, 'wide', 'wide.genweave.json');
  await mkdir(join(workDir, 'wide'), { recursive: true });
  await writeFile(file, JSON.stringify(document));

  await studio.byTestId('welcome-open').click();
  await studio.byTestId('path-input').fill(file);
  await studio.byTestId('path-submit').click();
  await expect(studio.byTestId('project-title')).toContainText('Three thousand scenes', { timeout: 60_000 });
  const rendered = await page.locator('.react-flow__node').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(N);
  await expect(page.getByTestId('minimap').locator('path.minimap-nodes')).toHaveCount(1);
  expect(await minimapCounts(page)).toEqual({ 'var(--minimap-scene)': N });
});
