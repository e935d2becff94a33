import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from './support/studio-fixture';
import { MOD } from './support/studio-page';

// project-format.md §3 (import) in the studio: bring the sample's nodes and prompts into a saved project by
// path (browser mode), see them on the canvas and in the report, undo it as one step, and see a clash renamed.

const SAMPLE_FILE = resolve('resources/sample/harbor-lights.genweave.json');

test('imports the sample project into an open project and reports what it added and renamed', async ({ studio, page, workDir }) => {
  const sample = JSON.parse(await readFile(SAMPLE_FILE, 'utf8')) as { generationNodes: Array<{ id: string }> };
  const nodeCount = sample.generationNodes.length;
  const projectPath = join(workDir, 'target', 'target.genweave.json');

  // --- an empty project, saved, so imported assets have a folder to go to
  await studio.byTestId('welcome-new').click();
  await expect(studio.byTestId('graph-canvas')).toBeVisible();
  await studio.byTestId('toolbar-add-scene').click();
  await page.keyboard.press(`${MOD}+S`);
  await studio.byTestId('path-input').fill(projectPath);
  await studio.byTestId('path-submit').click();
  await expect(studio.byTestId('dirty-indicator')).toHaveCount(0);
  const savedBefore = await readFile(projectPath, 'utf8');

  // --- import by path through the browser-mode path dialog
  await studio.byTestId('toolbar-import').click();
  await expect(studio.byTestId('path-dialog')).toBeVisible();
  await studio.byTestId('path-input').fill(SAMPLE_FILE);
  await studio.byTestId('path-submit').click();

  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toBeVisible();
  await expect(report).toHaveAttribute('data-testid', 'import-result');
  await expect(report.getByTestId('import-added-nodes').locator('li')).toHaveCount(nodeCount);
  await expect(report.getByTestId('import-added-prompts')).toBeVisible();
  await expect(report.getByTestId('import-renamed')).toHaveCount(0);
  await expect(studio.genNodes()).toHaveCount(nodeCount);
  for (const node of sample.generationNodes) await expect(studio.byTestId(`gen-node-${node.id}`)).toBeAttached();
  await expect(studio.byTestId('dirty-indicator')).toBeVisible();
  await studio.screenshot('40-import-result');
  await page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);
  // The project file is written only by Save; the copied assets already sit beside it.
  expect(await readFile(projectPath, 'utf8')).toBe(savedBefore);
  expect((await readdir(join(workDir, 'target', 'assets'))).length).toBeGreaterThan(0);

  // --- the whole import is one undo step
  await studio.byTestId('toolbar-undo').click();
  await expect(studio.genNodes()).toHaveCount(0);
  await expect(studio.sceneNodes()).toHaveCount(1);
  await studio.byTestId('toolbar-redo').click();
  await expect(studio.genNodes()).toHaveCount(nodeCount);

  // --- importing the same nodes again renames every clashing id, and says so
  await studio.byTestId('toolbar-import').click();
  await studio.byTestId('path-input').fill(SAMPLE_FILE);
  await studio.byTestId('path-submit').click();
  await expect(report.getByTestId('import-renamed').locator('li')).toHaveCount(nodeCount);
  await expect(studio.genNodes()).toHaveCount(nodeCount * 2);
  await report.getByTestId('import-result-close').click();
  await expect(report).toHaveCount(0);

  // --- a path that is not there: the GenError message as an error toast, nothing applied
  await studio.byTestId('toolbar-import').click();
  await studio.byTestId('path-input').fill(join(workDir, 'missing.genweave.json'));
  await studio.byTestId('path-submit').click();
  await expect(studio.byTestId('toast').and(page.locator('[data-kind="error"]'))).toContainText('was not found');
  await expect(studio.byTestId('import-result')).toHaveCount(0);
  await expect(studio.genNodes()).toHaveCount(nodeCount * 2);
});
