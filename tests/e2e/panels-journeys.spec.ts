import { spawn } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/studio-fixture';
import type { StudioPage } from './support/studio-page';

// The panels that make generation visible (studio-ui.md §5–§8, §10), against the real browser-mode host,
// the real engine and the local-preview provider. Each test opens its own copy of the sample project.

const SAMPLE_DIR = 'resources/sample';
const PROJECT_FILE = 'harbor-lights.genweave.json';
const TOMAS = 'gen-tomas-reaction'; // npc_response, per_playthrough, NPC 2 (Tomas)
const MARKET = 'gen-market-storm'; // transition following the "Scene transitions" family

async function openSample(studio: StudioPage, workDir: string): Promise<string> {
  const dir = join(workDir, 'harbor');
  await cp(SAMPLE_DIR, dir, { recursive: true });
  const projectPath = join(dir, PROJECT_FILE);
  await studio.byTestId('welcome-open').click();
  await studio.byTestId('path-input').fill(projectPath);
  await studio.byTestId('path-submit').click();
  await expect(studio.byTestId('graph-canvas')).toBeVisible();
  return projectPath;
}

async function selectNode(studio: StudioPage, nodeId: string): Promise<void> {
  await studio.byTestId(`gen-node-${nodeId}`).click();
  await expect(studio.byTestId('preview-panel')).toBeVisible();
}

/** Makes the bottom dock tall enough to read a panel, by dragging its resize handle like a person. */
async function growDock(page: Page): Promise<void> {
  const handle = page.getByTestId('dock').getByLabel('Resize panels');
  const box = await handle.boundingBox();
  if (!box) throw new Error('dock resize handle not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 260, { steps: 6 });
  await page.mouse.up();
}

async function openDockTab(studio: StudioPage, tab: 'generations' | 'health' | 'prompts'): Promise<void> {
  await studio.byTestId(`dock-tab-${tab}`).click();
  await expect(studio.byTestId(`panel-${tab}`)).toBeVisible();
}

/** `genweave generate --wait` in another process on the same data dir: a real, non-preview generation. */
function cliGenerate(projectPath: string, dataDir: string, nodeId: string, presetId: string): Promise<string> {
  const args = ['--import', 'tsx', 'core/cli/main.ts', 'generate', projectPath, '--node', nodeId, '--preset', presetId, '--data-dir', dataDir, '--wait'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`genweave generate exited with ${code}:\n${out}\n${err}`))));
  });
}

test('the preview follows the sliders, generates, and explains a reuse from the cache', async ({ studio, page, workDir }) => {
  const projectPath = await openSample(studio, workDir);
  await selectNode(studio, TOMAS);

  // --- live social context: the "Return visit" preset puts Tomas at light_flirt, rated romantic
  await studio.byTestId('preview-preset').selectOption('preset-return');
  await expect(studio.byTestId('preview-playthrough-id')).toHaveValue('pt-return');
  await expect(studio.byTestId('preview-social-tier')).toHaveAttribute('data-value', 'friend');
  await expect(studio.byTestId('preview-social-level')).toHaveAttribute('data-value', 'light_flirt');
  await expect(studio.byTestId('preview-social-rating')).toHaveAttribute('data-value', 'romantic');
  await expect(studio.byTestId('preview-rating-clamped')).toHaveCount(0);

  // No chemistry: no level, so the rating flips to sfw.
  await studio.byTestId('preview-axis-2-chemistry').fill('0');
  await expect(studio.byTestId('preview-social-level')).toHaveAttribute('data-value', '');
  await expect(studio.byTestId('preview-social-rating')).toHaveAttribute('data-value', 'sfw');
  await expect(studio.byTestId('preview-cache-key')).toContainText('|pt:pt-return|r:sfw|v1');

  // Close to "intimate": the band asks mature_implied and the romantic world cap clamps it.
  await studio.byTestId('preview-axis-2-affinity').fill('70');
  await studio.byTestId('preview-axis-2-chemistry').fill('65');
  await studio.byTestId('preview-axis-2-trust').fill('45');
  await expect(studio.byTestId('preview-social-level')).toHaveAttribute('data-value', 'intimate');
  await expect(studio.byTestId('preview-social-band')).toHaveAttribute('data-value', 'deep');
  await expect(studio.byTestId('preview-social-rating')).toHaveAttribute('data-value', 'romantic');
  await expect(studio.byTestId('preview-rating-clamped')).toContainText('mature_implied → romantic');
  await studio.screenshot('panels-01-preview-context');

  // --- a real generation for the preset (another process, same data dir) writes the cache entry
  await cliGenerate(projectPath, join(workDir, 'data'), TOMAS, 'preset-return');

  // Acquaintance instead of friend: another hash (the tier is part of it), the same key (still romantic).
  await studio.byTestId('preview-preset').selectOption('preset-return');
  await studio.byTestId('preview-axis-2-affinity').fill('25');
  await expect(studio.byTestId('preview-social-tier')).toHaveAttribute('data-value', 'acquaintance');
  await expect(studio.byTestId('preview-social-rating')).toHaveAttribute('data-value', 'romantic');
  await studio.byTestId('preview-generate').click();
  await expect(studio.byTestId('preview-why')).toHaveAttribute('data-source', 'cache');
  await expect(studio.byTestId('preview-why')).toHaveAttribute('data-reason', 'cache_hit');
  await expect(studio.byTestId('preview-result')).toHaveAttribute('data-kind', 'image');

  // --- a new context generates a preview with local-preview and shows its result
  await studio.byTestId('preview-playthrough-id').fill('pt-e2e');
  await studio.byTestId('preview-generate').click();
  await expect(studio.byTestId('preview-why')).toHaveAttribute('data-source', 'created');
  await expect(studio.byTestId('preview-result')).toHaveAttribute('data-kind', 'image', { timeout: 20_000 });
  const image = studio.byTestId('preview-result').locator('img');
  await expect(image).toHaveAttribute('src', /^\/media\/[0-9a-f]{64}$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // --- the same request again is served by the completed preview (dedup), and says so
  await studio.byTestId('preview-generate').click();
  await expect(studio.byTestId('preview-why')).toHaveAttribute('data-source', 'dedup');
  await expect(studio.byTestId('preview-why')).toHaveAttribute('data-reason', 'completed_match');
  await studio.byTestId('preview-why').scrollIntoViewIfNeeded();
  await studio.screenshot('panels-02-preview-result');

  // --- "Open in Generations" selects it in the dev panel, whose drawer explains its cache key
  await studio.byTestId('preview-open-generations').click();
  await expect(studio.byTestId('panel-generations')).toBeVisible();
  await growDock(page);
  const detail = studio.byTestId('gen-detail');
  await expect(detail.getByTestId('gen-detail-status')).toBeVisible();
  await expect(detail.getByTestId('gen-detail-social')).toContainText('acquaintance');
  await detail.getByTestId('gen-detail-explain').click();
  await expect(detail.getByTestId('gen-detail-explanation')).toContainText('per_playthrough');
  await studio.screenshot('panels-03-generation-detail');
});

test('the health view agrees with the dev panel, and a new prompt version is used by the next generation', async ({ studio, page, workDir }) => {
  await openSample(studio, workDir);

  // --- a new version of the family the market node follows
  await openDockTab(studio, 'prompts');
  const family = page.locator('[data-testid^="prompt-family-"]').filter({ hasText: 'Scene transitions' });
  await family.click();
  await studio.byTestId('prompt-new-version').click();
  await studio.byTestId('prompt-editor-text').fill('Show the passage from {{from}} to {{to}} under a bruised purple sky. Keep it under {{seconds}} seconds.');
  await studio.byTestId('prompt-editor-message').fill('Purple sky');
  await studio.byTestId('prompt-editor-save').click();
  const newest = page.locator('[data-testid^="prompt-version-"]').first();
  await expect(newest).toContainText('v3');
  await expect(newest).toContainText('Purple sky');
  const newVersionId = ((await newest.getAttribute('data-testid')) ?? '').replace('prompt-version-', '');
  await expect(studio.byTestId('prompt-diff')).toBeAttached();

  // --- the next generation of the node resolves the new version
  await selectNode(studio, MARKET);
  await studio.byTestId('preview-generate').click();
  await expect(studio.byTestId('preview-result')).toBeVisible({ timeout: 20_000 });
  await studio.byTestId('preview-open-generations').click();
  const prompt = studio.byTestId('gen-detail').getByTestId('gen-detail-prompt');
  await expect(prompt).toContainText('bruised purple sky');
  await expect(prompt.getByTestId('gen-detail-prompt-version')).toContainText(newVersionId);
  await openDockTab(studio, 'prompts');
  await expect(studio.byTestId(`prompt-usage-${newVersionId}`)).toHaveAttribute('data-generations', '1');

  // --- two more generations, so the figures have something to agree on
  await selectNode(studio, TOMAS);
  await studio.byTestId('preview-generate').click();
  await expect(studio.byTestId('preview-result')).toBeVisible({ timeout: 20_000 });
  await studio.byTestId('preview-playthrough-id').fill('pt-second');
  await studio.byTestId('preview-generate').click();
  await expect(studio.byTestId('preview-why')).toHaveAttribute('data-source', 'created');
  await expect(studio.byTestId('preview-result')).toBeVisible({ timeout: 20_000 });

  await growDock(page);
  await openDockTab(studio, 'prompts');
  await expect(studio.byTestId(`prompt-usage-${newVersionId}`)).toHaveAttribute('data-generations', '1');
  await studio.screenshot('panels-04-prompts');

  await openDockTab(studio, 'generations');
  const summary = studio.byTestId('gen-summary');
  await expect(summary.locator('[data-status="completed"][data-count]')).toHaveAttribute('data-count', '3');
  await expect(page.locator('[data-testid^="gen-row-"][data-status="completed"]')).toHaveCount(3);
  const listed = (await summary.locator('[data-status="completed"][data-count]').getAttribute('data-count')) ?? '';
  await studio.screenshot('panels-05-generations');

  await openDockTab(studio, 'health');
  await studio.byTestId('health-window').selectOption('1h');
  const provider = studio.byTestId('provider-health-row-local-preview');
  await expect(provider).toHaveAttribute('data-status', 'healthy');
  await expect(provider.locator('[data-field="completed"]')).toHaveText(listed);
  await expect(provider.locator('[data-field="total"]')).toHaveText(listed);
  await expect(studio.byTestId('health-tiles').locator('[data-tile="total"]')).toHaveAttribute('data-value', '5');
  await expect(studio.byTestId(`health-node-row-${TOMAS}`)).toContainText('100.0%');
  await expect(studio.byTestId('latency-chart').locator('svg')).toHaveAttribute('aria-label', /local-preview: p50 \d+/);
  await studio.screenshot('panels-06-health');
  await studio.byTestId('health-view').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await studio.screenshot('panels-07-health-charts');
});

test('world settings, settings and export dialogs', async ({ studio, page, workDir }) => {
  await openSample(studio, workDir);

  // --- world settings: a duplicate tier is flagged inline and not saved; a valid edit is one undo step
  await studio.byTestId('toolbar-world-settings').click();
  await expect(studio.byTestId('world-settings')).toBeVisible();
  await studio.screenshot('panels-08-world-settings');
  await studio.byTestId('world-tab-schema').click();
  await studio.byTestId('relschema-tier-friend').getByLabel('Tier id').fill('stranger');
  await expect(studio.byTestId('relschema-editor')).toHaveAttribute('data-valid', 'false');
  await expect(studio.byTestId('relschema-tier-stranger').first()).toContainText("Duplicate id 'stranger'");
  await studio.screenshot('panels-09-relationship-schema');
  await studio.byTestId('relschema-tier-stranger').nth(1).getByLabel('Tier id').fill('pal');
  await expect(studio.byTestId('relschema-editor')).toHaveAttribute('data-valid', 'true');
  await studio.byTestId('world-tab-general').click();
  await studio.byTestId('world-name').fill('Harbor Lights (night)');
  await studio.byTestId('world-settings-save').click();
  await expect(studio.byTestId('world-settings')).toHaveCount(0);
  await expect(studio.byTestId('dirty-indicator')).toBeVisible();
  await studio.byTestId('toolbar-undo').click();
  await studio.byTestId('toolbar-world-settings').click();
  await expect(studio.byTestId('world-name')).toHaveValue('Harbor Lights');
  await page.keyboard.press('Escape');
  await expect(studio.byTestId('world-settings')).toHaveCount(0);

  // --- settings: preferences go to the host; keys are write-only
  await studio.byTestId('toolbar-settings').click();
  await expect(studio.byTestId('settings-dialog')).toBeVisible();
  await studio.byTestId('settings-confirm-mature').click();
  await expect(studio.byTestId('settings-confirm-mature')).not.toBeChecked();
  await studio.screenshot('panels-10-settings');
  await studio.byTestId('settings-tab-providers').click();
  await expect(studio.byTestId('provider-row-local-preview')).toBeVisible();
  await studio.byTestId('provider-row-local-preview').getByTestId('provider-test-local-preview').click();
  await expect(studio.byTestId('provider-test-result-local-preview')).toHaveAttribute('data-ok', 'true');
  await studio.screenshot('panels-11-providers');
  await page.keyboard.press('Escape');

  // --- export: pre-check, run into an empty folder, result
  await studio.byTestId('toolbar-export').click();
  await expect(studio.byTestId('export-dialog')).toBeVisible();
  await expect(studio.byTestId('export-check-ok')).toBeVisible();
  await studio.byTestId('export-dir').fill(join(workDir, 'bundle'));
  await studio.byTestId('export-run').click();
  await expect(studio.byTestId('export-result')).toContainText('genweave-bundle.json');
  await studio.screenshot('panels-12-export');
});

// RELIABILITY.md RATE-7 (the checklist names tests/e2e/rating.spec.ts; it lives here with the panel helpers).
test('shows the clamped rating and the clamp event', async ({ studio, page, workDir }) => {
  await openSample(studio, workDir);
  await selectNode(studio, TOMAS);
  // "intimate" asks mature_implied; the sample's world cap and the default user cap are romantic.
  await studio.byTestId('preview-axis-2-affinity').fill('70');
  await studio.byTestId('preview-axis-2-chemistry').fill('65');
  await studio.byTestId('preview-axis-2-trust').fill('45');
  await expect(studio.byTestId('preview-social-rating')).toHaveAttribute('data-value', 'romantic');
  await expect(studio.byTestId('preview-rating-clamped')).toContainText('mature_implied → romantic by world cap and user cap');
  await expect(studio.byTestId('preview-cache-key')).toContainText('|r:romantic|');

  await studio.byTestId('preview-generate').click();
  await expect(studio.byTestId('preview-result')).toBeVisible({ timeout: 20_000 });
  await studio.byTestId('preview-open-generations').click();
  await growDock(page);
  const detail = studio.byTestId('gen-detail');
  await expect(detail.getByTestId('gen-detail-rating-clamped')).toContainText('mature_implied');
  await expect(detail.getByTestId('gen-detail-rating-clamped')).toContainText('world cap and user cap');
  await expect(detail.getByTestId('gen-detail-events').locator('[data-type="generation.ratingClamped"]')).toHaveCount(1);
});
