import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDIO_SETTINGS } from '../../../../core/rpc/settings';
import { bundlePath, createExportStore } from '../../../../renderer/features/export/export-store';
import { configOf, createSettingsDialogStore } from '../../../../renderer/features/settings/settings-store';
import { FakeRpcError } from './fake-rpc';
import { createStudio } from './studio';

describe('settings dialog store', () => {
  it('sends preference changes to settings.update and keeps the merged answer', async () => {
    const { fake, studio } = createStudio();
    const store = createSettingsDialogStore(fake.rpc, studio.session);
    fake.handle('settings.update', (input) => ({ ...DEFAULT_STUDIO_SETTINGS, user: { ...DEFAULT_STUDIO_SETTINGS.user, ...input.patch.user } }));
    expect(await store.getState().update({ user: { maxContentRating: 'sfw' } })).toBe(true);
    expect(studio.session.getState().settings.user.maxContentRating).toBe('sfw');
  });

  it('never hands a secret back: the list item gives a config without hasSecret or capabilities', () => {
    const { studio } = createStudio();
    const item = { ...studio.session.getState().providers[0]!, hasSecret: true };
    expect(configOf(item)).toEqual({ id: 'local-preview', kind: 'local-preview' });
  });

  it('remembers that a key was kept for this session only', async () => {
    const { fake, studio } = createStudio();
    const store = createSettingsDialogStore(fake.rpc, studio.session);
    fake.handle('providers.setSecret', () => ({ hasSecret: true, persisted: false }));
    fake.handle('providers.list', () => studio.session.getState().providers);
    expect(await store.getState().setSecret('ollama', 'sk-test')).toBe(true);
    expect(store.getState().persisted['ollama']).toBe(false);
    expect(JSON.stringify(store.getState())).not.toContain('sk-test');
  });

  it('shows the refusal of a provider change', async () => {
    const { fake, studio } = createStudio();
    const store = createSettingsDialogStore(fake.rpc, studio.session);
    fake.handle('providers.configure', () => {
      throw new FakeRpcError('GEN_BAD_REQUEST', "Invalid request: 'baseUrl' is required for kind 'comfyui'.");
    });
    expect(await store.getState().configure({ id: 'comfy', kind: 'comfyui' })).toBe(false);
    expect(store.getState().error).toBe("Invalid request: 'baseUrl' is required for kind 'comfyui'.");
  });
});

describe('export store', () => {
  it('pre-checks the open document and refuses to run while problems exist', async () => {
    const { fake, studio } = createStudio();
    const store = createExportStore(fake.rpc, studio.graph);
    fake.handle('export.check', () => ({ ok: false, problems: [{ nodeId: 'gen-t', rule: 'V31', severity: 'error', message: 'Duration', path: 'duration.min' }] }));
    await store.getState().runCheck();
    expect(fake.callsOf('export.check')[0]).toMatchObject({ projectPath: '/projects/harbor/harbor.genweave.json' });
    store.getState().setOutDir('/tmp/out');
    await store.getState().run();
    expect(fake.callsOf('export.run')).toEqual([]);
  });

  it('runs with the folder and media choice and shows the result', async () => {
    const { fake, studio } = createStudio();
    const store = createExportStore(fake.rpc, studio.graph);
    fake.handle('export.check', () => ({ ok: true, problems: [] }));
    fake.handle('export.run', (input) => ({ outDir: input.outDir, files: ['genweave-bundle.json', 'genweave-bundle.schema.json'], bundleSha256: 'c'.repeat(64), skippedNodes: [] }));
    await store.getState().runCheck();
    store.getState().setOutDir(' /tmp/out ');
    store.getState().setIncludeMedia(true);
    await store.getState().run();
    expect(fake.callsOf('export.run')[0]).toMatchObject({ outDir: '/tmp/out', includeMedia: true });
    expect(store.getState().result?.files).toHaveLength(2);
    expect(bundlePath('/tmp/out')).toBe('/tmp/out/genweave-bundle.json');
  });

  it('asks for a saved project first', async () => {
    const { fake, studio } = createStudio();
    studio.graph.setState({ path: null });
    const store = createExportStore(fake.rpc, studio.graph);
    await store.getState().runCheck();
    expect(store.getState().error).toContain('Save the project first');
    expect(fake.calls).toEqual([]);
  });
});
