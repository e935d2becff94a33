import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/studio-fixture';
import { MOD } from './support/studio-page';

// The graph editor journey (studio-ui.md §2–§4, §9): build a graph with mouse and keyboard, make a rule
// fire and see it at the field and in Problems, fix it, save, reload, and find the same graph; undo/redo.

test('builds, validates, saves, reloads and undoes a graph made from scratch', async ({ studio, page, workDir }) => {
  const projectPath = join(workDir, 'journey', 'journey.genweave.json');
  await studio.screenshot('01-welcome');

  // --- a new project, two scenes and a transition node, from the toolbar
  await studio.byTestId('welcome-new').click();
  await expect(studio.byTestId('graph-canvas')).toBeVisible();
  await studio.byTestId('toolbar-add-scene').click();
  await studio.byTestId('scene-field-title').fill('Harbor at dawn');
  await studio.byTestId('scene-field-mood').fill('hopeful');
  await studio.byTestId('toolbar-add-scene').click();
  await studio.byTestId('scene-field-title').fill('Storm rolls in');
  await studio.byTestId('toolbar-generation-type').selectOption('transition');
  await studio.byTestId('toolbar-add-generation').click();
  await expect(studio.sceneNodes()).toHaveCount(2);
  await expect(studio.genNodes()).toHaveCount(1);
  await page.keyboard.press(`${MOD}+Shift+L`); // auto-layout
  await page.getByTestId('canvas-controls').getByLabel('Fit view').click();

  const sceneIds = await studio.sceneNodes().evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!));
  const harbor = sceneIds[0]!;
  const storm = sceneIds[1]!;
  const genTestId = (await studio.genNodes().first().getAttribute('data-testid'))!;
  const genId = genTestId.replace(/^gen-node-/, '');

  // --- connect scene → node → scene by dragging handles
  await studio.connect(studio.handle(harbor, 'source'), studio.handle(genTestId, 'target'));
  await studio.connect(studio.handle(genTestId, 'source'), studio.handle(storm, 'target'));
  await expect(page.locator('[data-testid^="edge-"]')).toHaveCount(2);
  // A generation node takes one incoming scene: a second one is refused while dragging.
  await studio.connect(studio.handle(storm, 'source'), studio.handle(genTestId, 'target'));
  await expect(page.locator('[data-testid^="edge-"]')).toHaveCount(2);
  await page.keyboard.press(`${MOD}+Shift+L`);
  await page.getByTestId('canvas-controls').getByLabel('Fit view').click();

  // --- keyboard: duplicate the node, then delete the copy
  await studio.byTestId(genTestId).click();
  await page.keyboard.press(`${MOD}+D`);
  await expect(studio.genNodes()).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(studio.genNodes()).toHaveCount(1);
  await studio.screenshot('02-graph');

  // --- edit the node until a rule fires: V30 shows at the field, Apply is refused
  await studio.byTestId(genTestId).click();
  await expect(studio.byTestId('gen-editor')).toBeVisible();
  await studio.byTestId('field-duration.min').fill('10');
  await studio.byTestId('field-duration.max').fill('2');
  await expect(studio.byTestId('field-issue-duration.min')).toContainText('V30');
  await expect(studio.byTestId('field-duration.min')).toHaveAttribute('aria-invalid', 'true');
  await expect(studio.byTestId('gen-editor-status')).toHaveAttribute('data-validation', 'error');
  await expect(studio.byTestId('gen-editor-apply')).toHaveAttribute('aria-disabled', 'true');
  // aria-disabled keeps the button operable (it explains itself); Playwright's click refuses it, Enter does not.
  await studio.byTestId('gen-editor-apply').press('Enter');
  await expect(studio.byTestId('toast').filter({ hasText: 'Validation failed: Duration min (10s) cannot be greater than max (2s)' })).toBeVisible();
  await studio.screenshot('03-editor-error');

  // --- fix the error; a warning (V48) is applied and reaches the Problems panel
  await studio.byTestId('field-duration.max').fill('12');
  await studio.byTestId('field-duration.target').fill('11');
  await expect(studio.byTestId('field-issue-duration.min')).toHaveCount(0);
  await studio.byTestId('field-strategy').selectOption('always');
  await expect(studio.byTestId('field-issue-strategy')).toContainText('V48');
  await expect(studio.byTestId('gen-editor-bump-notice')).toContainText('version 1 → 2');
  await studio.byTestId('gen-editor-apply').click();
  await expect(studio.byTestId('toast').filter({ hasText: 'Generation node configuration updated' })).toBeVisible();
  await studio.byTestId('dock-tab-problems').click();
  const row = page.locator(`[data-testid="problem-row"][data-rule="V48"][data-node="${genId}"]`);
  await expect(row).toHaveAttribute('data-severity', 'warning');
  await studio.screenshot('04-problems');
  await page.getByTestId('graph-canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await row.click();
  await expect(studio.byTestId('field-strategy')).toBeFocused();
  await studio.byTestId('field-strategy').selectOption('per_playthrough');
  await studio.byTestId('gen-editor-apply').click();
  await expect(row).toHaveCount(0);
  await expect(studio.byTestId(genTestId).getByTestId('gen-node-validation')).not.toHaveAttribute('data-validation', 'error');

  // --- save through the browser-mode path dialog
  await expect(studio.byTestId('dirty-indicator')).toBeVisible();
  await page.keyboard.press(`${MOD}+S`);
  await expect(studio.byTestId('path-dialog')).toBeVisible();
  await studio.byTestId('path-input').fill(projectPath);
  await studio.byTestId('path-submit').click();
  await expect(studio.byTestId('dirty-indicator')).toHaveCount(0);
  const saved = JSON.parse(await readFile(projectPath, 'utf8')) as { scenes: unknown[]; generationNodes: Array<{ config: Record<string, unknown> }>; edges: unknown[] };
  expect(saved.scenes).toHaveLength(2);
  expect(saved.edges).toHaveLength(2);
  expect(saved.generationNodes[0]!.config).toMatchObject({ strategy: 'per_playthrough', duration: { min: 10, max: 12, target: 11 }, version: 2 }); // strategy does not shape output (prompts.md §8)
  const before = await studio.graphSnapshot();

  // --- reload and reopen from the recent list: the same graph
  await page.reload();
  await studio.waitReady();
  await studio.byTestId('recent-item-0').click();
  await expect(studio.genNodes()).toHaveCount(1);
  expect(await studio.graphSnapshot()).toEqual(before);

  // --- undo/redo a keyboard move
  await studio.byTestId(harbor).click();
  const moved = page.locator(`.react-flow__node[data-id="${harbor.replace(/^scene-node-/, '')}"]`);
  const start = await moved.evaluate((el) => (el as HTMLElement).style.transform);
  await page.keyboard.press('ArrowDown');
  await expect(moved).not.toHaveAttribute('style', new RegExp(start.replace(/[()]/g, '\\$&')));
  await expect(studio.byTestId('dirty-indicator')).toBeVisible();
  await page.keyboard.press(`${MOD}+Z`);
  await expect.poll(() => moved.evaluate((el) => (el as HTMLElement).style.transform)).toBe(start);
  await expect(studio.byTestId('dirty-indicator')).toHaveCount(0);
  await page.keyboard.press(`${MOD}+Shift+Z`);
  await expect.poll(() => moved.evaluate((el) => (el as HTMLElement).style.transform)).not.toBe(start);
  await studio.screenshot('05-reloaded');
});
