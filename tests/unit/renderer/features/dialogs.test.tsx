// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportDialog, SettingsDialog, WorldSettingsDialog } from '../../../../renderer/features';
import { renderWithStudio } from './render';
import { createStudio } from './studio';

afterEach(cleanup);

describe('WorldSettingsDialog', () => {
  it('is a labelled dialog that closes on Escape', () => {
    const { studio } = createStudio();
    const onClose = vi.fn();
    renderWithStudio(<WorldSettingsDialog onClose={onClose} />, studio);
    const dialog = screen.getByTestId('world-settings');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('flags a duplicate tier id inline and refuses to save it', () => {
    const { studio } = createStudio();
    renderWithStudio(<WorldSettingsDialog onClose={() => undefined} />, studio);
    fireEvent.click(screen.getByTestId('world-tab-schema'));
    const editor = screen.getByTestId('relschema-editor');
    const friend = screen.getByTestId('relschema-tier-friend');
    fireEvent.change(within(friend).getByLabelText('Tier id'), { target: { value: 'stranger' } });
    expect(editor.getAttribute('data-valid')).toBe('false');
    expect(screen.getAllByText("Duplicate id 'stranger'").length).toBeGreaterThan(0);
    const before = studio.graph.getState().document;
    fireEvent.click(screen.getByTestId('world-settings-save'));
    expect(studio.graph.getState().document).toBe(before);
  });

  it('shows half-open tier ranges and resets to the default schema', () => {
    const { studio } = createStudio();
    renderWithStudio(<WorldSettingsDialog onClose={() => undefined} />, studio);
    fireEvent.click(screen.getByTestId('world-tab-schema'));
    expect(screen.getByTestId('relschema-tier-lover').textContent).toContain('80 ≤ affinity ≤ 100');
    fireEvent.change(within(screen.getByTestId('relschema-tier-lover')).getByLabelText('Tier id'), { target: { value: 'partner' } });
    expect(screen.getByTestId('relschema-tier-partner')).toBeTruthy();
    fireEvent.click(screen.getByTestId('relschema-reset'));
    expect(screen.getByTestId('relschema-tier-lover')).toBeTruthy();
  });

  it('saves general settings and NPCs as one undo step', () => {
    const { studio } = createStudio();
    const onClose = vi.fn();
    renderWithStudio(<WorldSettingsDialog onClose={onClose} />, studio);
    fireEvent.change(screen.getByTestId('world-name'), { target: { value: 'Old Harbor' } });
    fireEvent.change(screen.getByTestId('world-max-rating'), { target: { value: 'mature_implied' } });
    fireEvent.click(screen.getByTestId('world-tab-npcs'));
    fireEvent.click(screen.getByTestId('world-add-npc'));
    const past = studio.graph.getState().past.length;
    fireEvent.click(screen.getByTestId('world-settings-save'));
    const doc = studio.graph.getState().document!;
    expect(doc.world.name).toBe('Old Harbor');
    expect(doc.world.settings.maxContentRating).toBe('mature_implied');
    expect(doc.npcs.map((n) => n.id)).toEqual([7, 9, 10]);
    expect(studio.graph.getState().past.length).toBe(past + 1);
    expect(onClose).toHaveBeenCalled();
    studio.graph.getState().undo();
    expect(studio.graph.getState().document!.world.name).not.toBe('Old Harbor');
  });
});

describe('SettingsDialog', () => {
  it('changes a preference through settings.update', async () => {
    const { fake, studio } = createStudio();
    fake.handle('settings.update', (input) => ({ ...studio.session.getState().settings, user: { ...studio.session.getState().settings.user, ...input.patch.user } }));
    renderWithStudio(<SettingsDialog onClose={() => undefined} />, studio);
    fireEvent.click(screen.getByTestId('settings-confirm-mature'));
    await waitFor(() => expect(fake.callsOf('settings.update')).toEqual([{ patch: { user: { requireMatureContentConfirmation: false } } }]));
    await waitFor(() => expect(screen.getByTestId('settings-confirm-mature')).toHaveProperty('checked', false));
  });

  it('refuses an autosave interval outside 0 or 5..600 without sending it', () => {
    const { fake, studio } = createStudio();
    renderWithStudio(<SettingsDialog onClose={() => undefined} />, studio);
    fireEvent.change(screen.getByTestId('settings-autosave'), { target: { value: '3' } });
    expect(screen.getByRole('alert').textContent).toContain('5 to 600');
    expect(screen.getByTestId('settings-autosave').getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsOf('settings.update')).toEqual([]);
  });

  it('shows keys only as set or not set, and warns when a key is not persisted', async () => {
    const { fake, studio } = createStudio();
    const ollama = {
      id: 'ollama',
      kind: 'openai-compatible' as const,
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3',
      hasSecret: false,
      capabilities: { operations: ['text_generation' as const], poll: false, cancel: true, reportsCost: false },
    };
    studio.session.setState((s) => ({ providers: [...s.providers, ollama] }));
    fake.handle('providers.setSecret', () => ({ hasSecret: true, persisted: false }));
    fake.handle('providers.list', () => [studio.session.getState().providers[0]!, { ...ollama, hasSecret: true }]);
    renderWithStudio(<SettingsDialog onClose={() => undefined} initialTab="providers" />, studio);
    const field = screen.getByTestId('provider-secret-ollama');
    expect(field.getAttribute('data-has-secret')).toBe('false');
    fireEvent.change(within(field).getByLabelText('API key for ollama'), { target: { value: 'sk-secret-value' } });
    fireEvent.click(within(field).getByText('Set key'));
    await waitFor(() => expect(screen.getByTestId('provider-secret-ollama').getAttribute('data-has-secret')).toBe('true'));
    expect(screen.getByTestId('provider-not-persisted-ollama')).toBeTruthy();
    expect(document.body.innerHTML).not.toContain('sk-secret-value');
    expect(screen.getByTestId('provider-row-ollama')).toBeTruthy();
  });
});

describe('ExportDialog', () => {
  it('lists blocking problems and keeps Export disabled', async () => {
    const { fake, studio } = createStudio();
    fake.handle('export.check', () => ({ ok: false, problems: [{ nodeId: 'gen-t', rule: 'V31', severity: 'error', message: 'Duration min (30s) cannot be greater than max (10s)', path: 'duration.min' }] }));
    renderWithStudio(<ExportDialog onClose={() => undefined} />, studio);
    const refusal = await screen.findByTestId('export-refusal');
    expect(refusal.textContent).toContain('Walk out');
    fireEvent.change(screen.getByTestId('export-dir'), { target: { value: '/tmp/out' } });
    expect(screen.getByTestId('export-run')).toHaveProperty('disabled', true);
  });

  it('exports into the typed folder and shows the files and the bundle path', async () => {
    const { fake, studio } = createStudio();
    fake.handle('export.check', () => ({ ok: true, problems: [] }));
    fake.handle('export.run', (input) => ({ outDir: input.outDir, files: ['genweave-bundle.json', 'genweave-bundle.schema.json'], bundleSha256: 'd'.repeat(64), skippedNodes: [] }));
    renderWithStudio(<ExportDialog onClose={() => undefined} />, studio);
    await screen.findByTestId('export-check-ok');
    fireEvent.change(screen.getByTestId('export-dir'), { target: { value: '/tmp/out' } });
    fireEvent.click(screen.getByTestId('export-include-media'));
    fireEvent.click(screen.getByTestId('export-run'));
    const result = await screen.findByTestId('export-result');
    expect(result.textContent).toContain('Wrote 2 files');
    expect(result.textContent).toContain('/tmp/out/genweave-bundle.json');
    expect(fake.callsOf('export.run')[0]).toMatchObject({ includeMedia: true });
  });
});
