import { describe, expect, it } from 'vitest';
import { PromptCatalogSchema } from '../../../../core/domain/prompt-catalog';
import { createPromptLibraryStore } from '../../../../renderer/features/prompts/prompt-library-store';
import { NOW, PROJECT_ID } from './fixtures';
import { createStudio } from './studio';

function setup() {
  const { fake, studio } = createStudio();
  const store = createPromptLibraryStore({ rpc: fake.rpc, graph: studio.graph, now: () => NOW });
  return { fake, studio, store };
}

function createFamily(store: ReturnType<typeof setup>['store']) {
  store.getState().openNewFamily();
  store.getState().updateEditor({ title: 'Night walk', text: 'Rain in {{fromScene.mood}} streets', commitMessage: 'first' });
  return store.getState().saveEditor();
}

describe('prompt library store (studio-ui.md §8)', () => {
  it('adds a family to the open document as one undo step', () => {
    const { studio, store } = setup();
    const pastBefore = studio.graph.getState().past.length;
    const versionId = createFamily(store);
    const doc = studio.graph.getState().document!;
    expect(doc.prompts.versions.map((v) => v.id)).toEqual([versionId]);
    expect(studio.graph.getState().past.length).toBe(pastBefore + 1);
    expect(store.getState().selectedVersionId).toBe(versionId);
    studio.graph.getState().undo();
    expect(studio.graph.getState().document!.prompts.families).toEqual([]);
  });

  it('saves a new version prefilled from the selected one, with the next number and its parent', () => {
    const { studio, store } = setup();
    const v1 = createFamily(store);
    store.getState().openNewVersion();
    expect(store.getState().editor).toMatchObject({ mode: 'version', parentVersionId: v1, text: 'Rain in {{fromScene.mood}} streets' });
    store.getState().updateEditor({ text: 'Heavy rain in {{fromScene.mood}} streets' });
    const v2 = store.getState().saveEditor();
    const catalog = studio.graph.getState().document!.prompts;
    expect(catalog.versions.find((v) => v.id === v2)).toMatchObject({ versionNumber: 2, parentVersionId: v1 });
    expect(catalog.versions.find((v) => v.id === v1)?.text).toBe('Rain in {{fromScene.mood}} streets');
    expect(PromptCatalogSchema.safeParse(catalog).success).toBe(true);
  });

  it('refuses an unchanged or blank version and leaves the document alone', () => {
    const { studio, store } = setup();
    createFamily(store);
    const before = studio.graph.getState().document;
    store.getState().openNewVersion();
    expect(store.getState().saveEditor()).toBeNull();
    expect(store.getState().editorError).toContain('unchanged');
    store.getState().updateEditor({ text: '   ' });
    expect(store.getState().saveEditor()).toBeNull();
    expect(store.getState().editorError).toContain('blank');
    expect(studio.graph.getState().document).toBe(before);
  });

  it('deactivates a family instead of deleting it', () => {
    const { studio, store } = setup();
    createFamily(store);
    const familyId = store.getState().selectedFamilyId!;
    store.getState().setActive(familyId, false);
    expect(studio.graph.getState().document!.prompts.families).toEqual([expect.objectContaining({ id: familyId, isActive: false })]);
  });

  it('reads usage per version from prompts.usage', async () => {
    const { fake, store } = setup();
    fake.handle('prompts.usage', () => [{ versionId: 'pv-1', generations: 4, completed: 3, failed: 1, lastUsedAt: NOW }]);
    await store.getState().loadUsage();
    expect(fake.callsOf('prompts.usage')).toEqual([{ projectId: PROJECT_ID }]);
    expect(store.getState().usage['pv-1']?.generations).toBe(4);
  });

  it('focuses the family of a linked version', () => {
    const { store } = setup();
    const v1 = createFamily(store)!;
    store.getState().selectFamily(null);
    store.getState().focusVersion(v1);
    expect(store.getState().selectedVersionId).toBe(v1);
    expect(store.getState().selectedFamilyId).not.toBeNull();
  });
});
