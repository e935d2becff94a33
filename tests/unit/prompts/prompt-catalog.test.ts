import { describe, expect, it } from 'vitest';
import { PromptCatalogSchema, type PromptCatalog } from '../../../core/domain';

function catalog(): PromptCatalog {
  return {
    families: [
      { id: 'pf-a', slug: 'storm-scenes', title: 'Storm', promptType: 'visual', tags: [], isActive: true, createdAt: '2025-03-01T10:00:00.000Z' },
      { id: 'pf-b', slug: 'talk', title: 'Talk', promptType: 'narrative', tags: ['x'], isActive: false, createdAt: '2025-03-01T10:00:00.000Z' },
    ],
    versions: [
      { id: 'pv-1', familyId: 'pf-a', versionNumber: 1, text: 'A {{mood}}', variables: { mood: { type: 'string', default: 'dark' } }, tags: [], createdAt: '2025-03-01T10:00:00.000Z' },
      { id: 'pv-2', familyId: 'pf-a', versionNumber: 2, parentVersionId: 'pv-1', text: 'B', variables: {}, tags: [], createdAt: '2025-03-01T10:00:00.000Z' },
      { id: 'pv-3', familyId: 'pf-b', versionNumber: 1, text: 'C', variables: {}, tags: [], createdAt: '2025-03-01T10:00:00.000Z' },
    ],
  };
}

function paths(mutate: (c: PromptCatalog) => void): string[] {
  const c = catalog();
  mutate(c);
  const result = PromptCatalogSchema.safeParse(c);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('PromptCatalogSchema', () => {
  it('accepts a well-formed catalog and an empty one', () => {
    expect(paths(() => undefined)).toEqual([]);
    expect(PromptCatalogSchema.safeParse({ families: [], versions: [] }).success).toBe(true);
  });

  it('requires unique family ids, slugs and version ids', () => {
    expect(paths((c) => (c.families[1]!.id = 'pf-a'))).toContain('families.1.id');
    expect(paths((c) => (c.families[1]!.slug = 'storm-scenes'))).toEqual(['families.1.slug']);
    expect(paths((c) => (c.versions[2]!.id = 'pv-1'))).toContain('versions.2.id');
  });

  it('requires (familyId, versionNumber) to be unique', () => {
    expect(paths((c) => (c.versions[1]!.versionNumber = 1))).toEqual(['versions.1.versionNumber']);
    expect(paths((c) => (c.versions[2]!.versionNumber = 2))).toEqual([]);
  });

  it('requires familyId and parentVersionId to resolve, the parent in the same family', () => {
    expect(paths((c) => (c.versions[2]!.familyId = 'pf-zz'))).toEqual(['versions.2.familyId']);
    expect(paths((c) => (c.versions[1]!.parentVersionId = 'pv-9'))).toEqual(['versions.1.parentVersionId']);
    expect(paths((c) => (c.versions[1]!.parentVersionId = 'pv-3'))).toEqual(['versions.1.parentVersionId']);
  });

  it('requires each declared default to match its type', () => {
    expect(paths((c) => (c.versions[0]!.variables = { n: { type: 'number', default: '3' } }))).toEqual(['versions.0.variables.n.default']);
    expect(paths((c) => (c.versions[0]!.variables = { b: { type: 'boolean', default: 1 } }))).toEqual(['versions.0.variables.b.default']);
    expect(paths((c) => (c.versions[0]!.variables = { b: { type: 'boolean', default: false }, n: { type: 'number' } }))).toEqual([]);
  });

  it('checks id, slug and variable-name formats, blank text and lengths', () => {
    expect(paths((c) => (c.families[0]!.id = 'pf a'))).toContain('families.0.id');
    expect(paths((c) => (c.families[0]!.slug = 'Storm--x'))).toEqual(['families.0.slug']);
    expect(paths((c) => (c.families[0]!.slug = 'a'.repeat(101)))).toEqual(['families.0.slug']);
    expect(paths((c) => (c.families[0]!.title = ''))).toEqual(['families.0.title']);
    expect(paths((c) => (c.versions[0]!.text = '  \n'))).toEqual(['versions.0.text']);
    expect(paths((c) => (c.versions[0]!.versionNumber = 0))).toContain('versions.0.versionNumber');
    expect(paths((c) => (c.versions[0]!.variables = { 'bad-name': { type: 'string' } }))).toEqual(['versions.0.variables.bad-name']);
    expect(paths((c) => (c.versions[0]!.commitMessage = 'x'.repeat(501)))).toEqual(['versions.0.commitMessage']);
  });

  it('treats null optional fields as absent', () => {
    const c = catalog() as unknown as { versions: Array<Record<string, unknown>> };
    c.versions[0]!.parentVersionId = null;
    c.versions[0]!.author = null;
    const parsed = PromptCatalogSchema.parse(c);
    expect(parsed.versions[0]).not.toHaveProperty('parentVersionId');
  });
});
