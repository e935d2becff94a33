import { describe, expect, it } from 'vitest';
import { PromptCatalogSchema, type PromptCatalog } from '../../../../core/domain/prompt-catalog';
import {
  addFamily,
  addVersion,
  lineDiff,
  newCatalogId,
  nextVersionNumber,
  nodesUsingFamily,
  setFamilyActive,
  slugify,
  templateSegments,
  versionsOf,
} from '../../../../renderer/features/prompts/catalog-ops';
import { NOW, sampleDocument } from './fixtures';

function seq(): () => number {
  let n = 0;
  return () => ((n += 7) % 36) / 36;
}

function catalogWithFamily(): { catalog: PromptCatalog; familyId: string; v1: string } {
  const edit = addFamily({ families: [], versions: [] }, { title: 'Rainy walk', promptType: 'visual', text: 'Rain on {{fromScene.mood}} streets', commitMessage: 'first' }, NOW, seq());
  return { catalog: edit.catalog, familyId: edit.familyId, v1: edit.versionId };
}

describe('prompt library edits (prompts.md §2)', () => {
  it('creates a family with version 1, valid under PromptCatalogSchema', () => {
    const { catalog, familyId, v1 } = catalogWithFamily();
    expect(familyId).toMatch(/^pf-[0-9a-z]{8}$/);
    expect(v1).toMatch(/^pv-[0-9a-z]{8}$/);
    expect(catalog.families[0]).toMatchObject({ slug: 'rainy-walk', title: 'Rainy walk', isActive: true, promptType: 'visual' });
    expect(catalog.versions[0]).toMatchObject({ versionNumber: 1, commitMessage: 'first', familyId });
    expect(PromptCatalogSchema.safeParse(catalog).success).toBe(true);
  });

  it('saves an edit as a new immutable version with the next number and its parent', () => {
    const { catalog, familyId, v1 } = catalogWithFamily();
    const before = structuredClone(catalog);
    const edit = addVersion(catalog, { familyId, parentVersionId: v1, text: 'Rain on {{fromScene.mood}} streets at night', commitMessage: ' night ' }, NOW);
    expect(catalog).toEqual(before);
    expect(edit.catalog.versions[0]).toBe(catalog.versions[0]);
    const v2 = edit.catalog.versions.find((v) => v.id === edit.versionId);
    expect(v2).toMatchObject({ versionNumber: 2, parentVersionId: v1, commitMessage: 'night' });
    expect(nextVersionNumber(edit.catalog, familyId)).toBe(3);
    expect(versionsOf(edit.catalog, familyId).map((v) => v.versionNumber)).toEqual([2, 1]);
    expect(PromptCatalogSchema.safeParse(edit.catalog).success).toBe(true);
  });

  it('deactivates a family without removing it, and returns the same catalog when nothing changes', () => {
    const { catalog, familyId } = catalogWithFamily();
    const off = setFamilyActive(catalog, familyId, false);
    expect(off.families).toHaveLength(1);
    expect(off.families[0]?.isActive).toBe(false);
    expect(setFamilyActive(off, familyId, false)).toBe(off);
  });

  it('generates ids that are not taken and unique slugs', () => {
    let calls = 0;
    const random = () => (calls++ < 8 ? 0 : 1 / 36);
    expect(newCatalogId('pv-', new Set(['pv-00000000']), random)).toBe('pv-11111111');
    expect(slugify('Rainy walk!', new Set(['rainy-walk']))).toBe('rainy-walk-2');
    expect(slugify('¿¿', new Set())).toBe('prompt');
  });
});

describe('library views', () => {
  it('finds nodes following the family or pinned to one of its versions', () => {
    const { catalog, familyId, v1 } = catalogWithFamily();
    const doc = sampleDocument();
    doc.generationNodes = [
      { ...doc.generationNodes[0]!, config: { ...doc.generationNodes[0]!.config, prompt: { familyId } } },
      { ...doc.generationNodes[1]!, config: { ...doc.generationNodes[1]!.config, prompt: { versionId: v1 } } },
      { id: 'gen-x', label: '', position: { x: 0, y: 0 }, config: { prompt: { versionId: 'pv-other' } } },
    ];
    expect(nodesUsingFamily(doc, catalog, familyId)).toEqual([
      { nodeId: 'gen-t', label: 'Walk out', versionId: null },
      { nodeId: 'gen-d', label: 'Chat', versionId: v1 },
    ]);
  });

  it('splits placeholders out of the text with the prompts.md §3 grammar', () => {
    expect(templateSegments('Hi {{ name }}, {{bad-name}} {{x.y}}!')).toEqual([
      { text: 'Hi ', placeholder: null },
      { text: '{{ name }}', placeholder: 'name' },
      { text: ', {{bad-name}} ', placeholder: null },
      { text: '{{x.y}}', placeholder: 'x.y' },
      { text: '!', placeholder: null },
    ]);
  });

  it('diffs two texts line by line with line numbers on both sides', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc')).toEqual([
      { kind: 'same', text: 'a', oldNo: 1, newNo: 1 },
      { kind: 'removed', text: 'b', oldNo: 2, newNo: null },
      { kind: 'added', text: 'B', oldNo: null, newNo: 2 },
      { kind: 'same', text: 'c', oldNo: 3, newNo: 3 },
    ]);
  });
});
