import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/studio-fixture';
import { MOD } from './support/studio-page';

// RELIABILITY.md IN-4: a 10,000-node cyclic graph opens, validates, auto-lays out and saves in the real
// studio with a culled canvas (onlyRenderVisibleElements above 300 nodes) and no RangeError.

const N = 10_000;

function cyclicDocument() {
  const scenes = Array.from({ length: N }, (_, i) => ({
    id: `s-${i}`,
    title: `Scene ${i}`,
    position: { x: (i % 100) * 256, y: Math.floor(i / 100) * 128 },
  }));
  const edges = scenes.map((s, i) => ({ id: `e-${i}`, source: s.id, target: scenes[(i + 1) % N]!.id }));
  return {
    schemaVersion: 1,
    projectId: '0b6f1d1e-3c1a-4d55-9b7e-2f0c3a9d4e11',
    name: 'Ten thousand scenes',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    world: { id: 'world-big', name: 'Big', settings: {} },
    scenes,
    generationNodes: [],
    edges,
    npcs: [],
    playthroughPresets: [],
    prompts: { families: [], versions: [] },
    assets: [],
    budgets: {},
  };
}

test('IN-4 opens, lays out and saves a 10,000-node cycle with a culled canvas', async ({ studio, page, workDir }) => {
  test.setTimeout(180_000);
  const file = join(workDir, 'big', 'big.genweave.json');
  await mkdir(join(workDir, 'big'), { recursive: true });
  await writeFile(file, JSON.stringify(cyclicDocument()));

  await studio.byTestId('welcome-open').click();
  await studio.byTestId('path-input').fill(file);
  await studio.byTestId('path-submit').click();
  await expect(studio.byTestId('project-title')).toContainText('Ten thousand scenes', { timeout: 60_000 });
  await expect(studio.byTestId('project-summary')).toContainText(String(N));
  const rendered = await page.locator('.react-flow__node').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(N);

  // A cycle is not a finding, and the graph problems check terminates on it.
  await expect(studio.byTestId('problems-count-error')).toContainText('0 errors');

  await page.keyboard.press(`${MOD}+Shift+L`);
  await expect(studio.byTestId('dirty-indicator')).toBeVisible();
  await page.keyboard.press(`${MOD}+S`);
  await expect(studio.byTestId('dirty-indicator')).toHaveCount(0);
  await studio.screenshot('20-huge-graph');
});
