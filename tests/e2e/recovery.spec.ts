import { expect, test } from './support/studio-fixture';

// project-format.md §4 and studio-ui.md §1: unsaved work is snapshotted when the window loses focus, and the
// welcome screen offers it back after a reload ("Recovered: <title>", never saved).

test('offers unsaved work back on the welcome screen after a reload', async ({ studio, page }) => {
  await studio.byTestId('welcome-new').click();
  await studio.byTestId('project-name').fill('Lost and found');
  await studio.byTestId('toolbar-add-scene').click();
  await expect(studio.byTestId('dirty-indicator')).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));

  await page.reload();
  await studio.waitReady();
  const recovered = page.locator('[data-testid^="welcome-recovery-"]');
  await expect(recovered).toContainText('Recovered: Lost and found');
  await expect(recovered).toContainText('never saved');
  await studio.screenshot('30-welcome-recovery');
  await recovered.click();
  await expect(studio.byTestId('project-title')).toContainText('Lost and found');
  await expect(studio.sceneNodes()).toHaveCount(1);
  await expect(studio.byTestId('dirty-indicator')).toBeVisible();
});
