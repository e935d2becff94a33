import { expect, test } from './support/studio-fixture';

// Screenshots of the main screens on the sample project (tests/e2e/screenshots/, gitignored), and the
// scene editor and keyboard access to canvas nodes (studio-ui.md §4.1, §11).

test('shows the sample project: graph, scene editor, node editor and problems', async ({ studio, page }) => {
  await studio.byTestId('welcome-sample').click();
  await expect(studio.sceneNodes()).toHaveCount(8);
  await expect(studio.genNodes()).toHaveCount(5);
  // The sample validates with no errors (project-format.md §5).
  await expect(studio.byTestId('statusbar-problems')).toHaveAttribute('data-errors', '0');
  await studio.screenshot('10-sample-graph');

  // Keyboard: a focused node opens in the inspector with Enter.
  await studio.byTestId('scene-node-s-lighthouse').focus();
  await page.keyboard.press('Enter');
  await expect(studio.byTestId('scene-editor')).toBeVisible();
  await expect(studio.byTestId('scene-field-title')).toHaveValue('The Lighthouse');
  await studio.screenshot('11-scene-editor');

  await studio.byTestId('gen-node-gen-mara-dialogue').click();
  await expect(studio.byTestId('gen-editor')).toBeVisible();
  await expect(studio.byTestId('gen-editor-status')).not.toHaveAttribute('data-validation', 'error');
  await expect(studio.byTestId('gen-editor-prompt-preview')).toContainText('Mara');
  await studio.screenshot('12-gen-editor');

  // The canvas menu adds a node where it was opened.
  await page.getByTestId('graph-canvas').locator('.react-flow__pane').click({ button: 'right', position: { x: 120, y: 520 } });
  await expect(studio.byTestId('canvas-menu')).toBeVisible();
  await studio.screenshot('13-canvas-menu');
  await studio.byTestId('canvas-menu-add-npc_response').click();
  await expect(studio.genNodes()).toHaveCount(6);
  await expect(studio.byTestId('gen-editor')).toBeVisible();
  await expect(studio.byTestId('field-generationType')).toHaveValue('npc_response');
});

test('hints that a completed result is stale after a linked scene changes (same cache key)', async ({ studio }) => {
  await studio.byTestId('welcome-sample').click();
  const node = studio.byTestId('gen-node-gen-tavern-variation');
  await node.click();
  await studio.byTestId('preview-generate').click();
  await expect(node.getByTestId('gen-node-status')).toHaveAttribute('data-status', 'completed');

  await studio.byTestId('scene-node-s-tavern').click();
  await studio.byTestId('scene-field-summary').fill('Tomas pours drinks while a storm rattles the shutters.');
  await node.click();
  await expect(studio.byTestId('gen-editor-stale-result')).toBeVisible();
  await studio.screenshot('14-stale-result-hint');
  await studio.byTestId('gen-editor-stale-result').getByRole('button', { name: 'Bump version' }).click();
  // The new version changes the cache key, so the result is no longer "same key, other inputs".
  await expect(studio.byTestId('field-version')).toHaveValue('2');
  await expect(studio.byTestId('gen-editor-stale-result')).toHaveCount(0);
});
