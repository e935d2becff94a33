import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeHttpJobConfig, startFakeProvider, type FakeProvider } from '../fake-provider';
import { expect, startHost, stopHost, test as studioTest } from './support/studio-fixture';

// studio-ui.md §7 with a failing provider: the real host and engine talk to the fake http-job provider over
// loopback (providers.md §9). A 500 fails the generation with its code and fallback; Retry in the dev panel
// makes a new child generation, which completes once the provider recovers.

const test = studioTest.extend<{ fake: FakeProvider }>({
  // eslint-disable-next-line no-empty-pattern
  fake: async ({}, use) => {
    const fake = await startFakeProvider();
    await use(fake);
    await fake.close();
  },
  host: async ({ workDir, fake }, use) => {
    const dataDir = join(workDir, 'data');
    await mkdir(dataDir, { recursive: true });
    const providers = [{ id: 'local-preview', kind: 'local-preview' }, fakeHttpJobConfig(fake.url, { id: 'fake-job' })];
    await writeFile(join(dataDir, 'providers.json'), JSON.stringify(providers));
    const host = await startHost(workDir);
    await use(host);
    await stopHost(host);
  },
});

const NODE = 'gen-tavern-variation'; // variation, placeholder fallback: one attempt

test('a failing provider shows its error, and retry creates a child generation that completes', async ({ studio, page, workDir, fake }) => {
  const dir = join(workDir, 'harbor');
  await cp('resources/sample', dir, { recursive: true });
  await studio.byTestId('welcome-open').click();
  await studio.byTestId('path-input').fill(join(dir, 'harbor-lights.genweave.json'));
  await studio.byTestId('path-submit').click();
  await expect(studio.byTestId('graph-canvas')).toBeVisible();

  // Point the node at the fake provider and apply.
  await studio.byTestId(`gen-node-${NODE}`).click();
  await studio.byTestId('field-provider').selectOption('fake-job');
  await studio.byTestId('gen-editor-apply').click();
  await expect(studio.byTestId('gen-editor-apply')).toBeDisabled();

  // The provider answers 500 to the submit: the generation fails with the provider-unavailable code.
  fake.setScript([{ mode: 'error500', match: 'submit' }]);
  await studio.byTestId('preview-generate').click();
  await studio.byTestId('dock-tab-generations').click();
  const failed = page.locator('[data-testid^="gen-row-"][data-status="failed"]');
  await expect(failed).toHaveCount(1, { timeout: 20_000 });
  await failed.click();
  const detail = studio.byTestId('gen-detail');
  await expect(detail.getByTestId('gen-detail-error')).toContainText('GEN_PROVIDER_UNAVAILABLE');
  await expect(detail.getByTestId('gen-detail-error')).toContainText("Provider 'fake-job' is unavailable.");
  await studio.screenshot('panels-13-failed-generation');

  // Retry: a new generation (the script is used up, so the provider now succeeds).
  await detail.getByTestId('gen-detail-retry').click();
  const completed = page.locator('[data-testid^="gen-row-"][data-status="completed"]');
  await expect(completed).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator('[data-testid^="gen-row-"]')).toHaveCount(2);
  await expect(failed).toHaveCount(1);
  const submits = fake.calls().filter((call) => call.method === 'POST' && call.path === '/jobs');
  expect(submits).toHaveLength(2);
  await completed.click();
  await expect(studio.byTestId('gen-detail')).toContainText('via fake-job');
  await studio.screenshot('panels-14-retried-generation');
});
