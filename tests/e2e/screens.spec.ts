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
