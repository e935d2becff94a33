// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PromptLibraryPanel } from '../../../../renderer/features';
import { USAGE_REFRESH_MS } from '../../../../renderer/features/prompts/prompt-library-store';
import { makeGeneration, NOW } from './fixtures';
import { renderWithStudio } from './render';
import { createStudio } from './studio';

afterEach(cleanup);

function setup() {
  const { fake, studio } = createStudio();
  fake.handle('prompts.usage', () => []);
  renderWithStudio(<PromptLibraryPanel />, studio);
  return { fake, studio };
}

function createFamilyThroughUi() {
  fireEvent.click(screen.getByTestId('prompt-new-family'));
  fireEvent.change(screen.getByTestId('prompt-editor-title'), { target: { value: 'Rainy walk' } });
  fireEvent.change(screen.getByTestId('prompt-editor-text'), { target: { value: 'Rain on {{fromScene.mood}} streets\nLamps flicker' } });
  fireEvent.click(screen.getByTestId('prompt-editor-save'));
}

describe('PromptLibraryPanel', () => {
  it('creates a family, shows its version with highlighted placeholders, and searches', async () => {
    const { studio } = setup();
    createFamilyThroughUi();
    const family = studio.graph.getState().document!.prompts.families[0]!;
    const version = studio.graph.getState().document!.prompts.versions[0]!;
    expect(await screen.findByTestId(`prompt-family-${family.id}`)).toBeTruthy();
    expect(screen.getByTestId(`prompt-version-${version.id}`).textContent).toContain('v1');
    const marks = screen.getByTestId('prompt-text').querySelectorAll('mark');
    expect([...marks].map((m) => m.getAttribute('data-placeholder'))).toEqual(['fromScene.mood']);
    fireEvent.change(screen.getByTestId('prompt-search'), { target: { value: 'nothing like it' } });
    expect(screen.queryByTestId(`prompt-family-${family.id}`)).toBeNull();
    fireEvent.change(screen.getByTestId('prompt-search'), { target: { value: 'RAINY' } });
    expect(screen.getByTestId(`prompt-family-${family.id}`)).toBeTruthy();
  });

  it('saves a new immutable version and diffs it against the previous one', async () => {
    const { studio } = setup();
    createFamilyThroughUi();
    fireEvent.click(await screen.findByTestId('prompt-new-version'));
    expect(screen.getByTestId('prompt-editor-text')).toHaveProperty('value', 'Rain on {{fromScene.mood}} streets\nLamps flicker');
    fireEvent.change(screen.getByTestId('prompt-editor-text'), { target: { value: 'Rain on {{fromScene.mood}} streets\nLamps go out' } });
    fireEvent.change(screen.getByTestId('prompt-editor-message'), { target: { value: 'darker' } });
    fireEvent.click(screen.getByTestId('prompt-editor-save'));
    const versions = studio.graph.getState().document!.prompts.versions;
    expect(versions.map((v) => [v.versionNumber, v.text.split('\n')[1]])).toEqual([
      [1, 'Lamps flicker'],
      [2, 'Lamps go out'],
    ]);
    const diff = await screen.findByTestId('prompt-diff');
    expect(screen.getByTestId('prompt-diff-summary').getAttribute('data-changed')).toBe('2');
    expect(diff.querySelector('[data-kind="removed"]')?.textContent).toContain('Lamps flicker');
    expect(diff.querySelector('[data-kind="added"]')?.textContent).toContain('Lamps go out');
  });

  it('deactivates a family, which stays listed as inactive', async () => {
    const { studio } = setup();
    createFamilyThroughUi();
    fireEvent.click(await screen.findByTestId('prompt-toggle-active'));
    const family = studio.graph.getState().document!.prompts.families[0]!;
    expect(family.isActive).toBe(false);
    expect(screen.getByTestId(`prompt-family-${family.id}`).getAttribute('data-active')).toBe('false');
  });

  it('re-reads usage from prompts.usage when a generation finishes', async () => {
    const { fake, studio } = setup();
    createFamilyThroughUi();
    const version = studio.graph.getState().document!.prompts.versions[0]!;
    expect(screen.getByTestId(`prompt-usage-${version.id}`).getAttribute('data-generations')).toBe('0');
    fake.handle('prompts.usage', () => [{ versionId: version.id, generations: 5, completed: 4, failed: 1, lastUsedAt: NOW }]);
    const g = makeGeneration({ promptVersionId: version.id });
    fake.emit('generations.onDidChangeStatus', { generation: g, from: 'processing', to: 'completed' });
    await waitFor(() => expect(screen.getByTestId(`prompt-usage-${version.id}`).getAttribute('data-generations')).toBe('5'), { timeout: USAGE_REFRESH_MS * 4 });
  });
});
