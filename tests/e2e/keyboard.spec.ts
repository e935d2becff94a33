import { expect, test } from './support/studio-fixture';
import { MOD } from './support/studio-page';

// studio-ui.md §2 shortcuts, §3 copy/paste and the command box, §10 the unsaved-changes dialog.

test('copies, pastes, selects all, deletes and restores with the keyboard', async ({ studio, page }) => {
  await studio.byTestId('welcome-new').click();
  // The command box adds nodes by name.
  await page.keyboard.press(`${MOD}+K`);
  await studio.byTestId('command-input').fill('add scene');
  await page.keyboard.press('Enter');
  await expect(studio.sceneNodes()).toHaveCount(1);
  await page.keyboard.press(`${MOD}+K`);
  await studio.byTestId('command-input').fill('dialogue');
  await page.keyboard.press('Enter');
  await expect(studio.genNodes()).toHaveCount(1);

  // Copy and paste through the system clipboard events: new ids, the copy selected.
  const sceneTestId = (await studio.sceneNodes().first().getAttribute('data-testid'))!;
  await studio.byTestId(sceneTestId).click();
  await page.keyboard.press(`${MOD}+C`);
  await page.keyboard.press(`${MOD}+V`);
  await expect(studio.sceneNodes()).toHaveCount(2);
  const selected = await studio.selectedIds();
  expect(selected).toHaveLength(1);
  expect(`scene-node-${selected[0]}`).not.toBe(sceneTestId);

  // Select all, delete, undo.
  await page.keyboard.press(`${MOD}+A`);
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(3);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.keyboard.press(`${MOD}+Z`);
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  // Mod+J folds the dock; Mod+Shift+M brings Problems back.
  await page.keyboard.press(`${MOD}+J`);
  await expect(studio.byTestId('panel-problems')).toHaveCount(0);
  await page.keyboard.press(`${MOD}+Shift+M`);
  await expect(studio.byTestId('panel-problems')).toBeVisible();

  // Unsaved changes: New asks first; Cancel keeps the document.
  await studio.byTestId('toolbar-new').click();
  await expect(studio.byTestId('unsaved-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(studio.byTestId('unsaved-dialog')).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await studio.byTestId('toolbar-new').click();
  await studio.byTestId('unsaved-discard').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
});
