import { describe, expect, it } from 'vitest';
import { createEmptyProject, CURRENT_SCHEMA_VERSION, nodeSceneLinks, ProjectDocumentSchema } from '../../../core/domain';
import { encodeProjectDocument, findIgnoredFields } from '../../../core/project';
import { chainDocument } from './project-test-kit';

describe('ProjectDocumentSchema', () => {
  it('accepts a new empty project and keeps its keys in schema order', () => {
    const doc = createEmptyProject({ name: 'New', now: '2026-01-01T00:00:00.000Z', projectId: '3f1c2a64-0d5e-4b8a-9c7d-1e2f3a4b5c6d' });
    expect(doc.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const shuffled = Object.fromEntries(Object.entries(doc).reverse());
    expect(Object.keys(ProjectDocumentSchema.parse(shuffled))).toEqual(Object.keys(ProjectDocumentSchema.out.shape).filter((k) => k in doc));
    expect(encodeProjectDocument(shuffled as typeof doc)).toBe(encodeProjectDocument(doc));
  });

  it.each(['', 'has space', '../up', 'x'.repeat(65), 'semi;colon'])('refuses the entity id %j', (id) => {
    const doc = chainDocument(1);
    doc.scenes[0]!.id = id;
    expect(ProjectDocumentSchema.safeParse(doc).success).toBe(false);
  });

  it('accepts any object as a node config, and refuses a config that is not an object', () => {
    const doc = chainDocument(1);
    doc.generationNodes.push({ id: 'gen-a', label: 'A', position: { x: 0, y: 0 }, config: { generationType: 12, extra: { deep: [1] } } });
    const parsed = ProjectDocumentSchema.parse(doc);
    expect(parsed.generationNodes[0]!.config).toBe(doc.generationNodes[0]!.config);
    expect(ProjectDocumentSchema.safeParse({ ...doc, generationNodes: [{ ...doc.generationNodes[0], config: 'text' }] }).success).toBe(false);
  });

  it('treats a __proto__ key in the file as data, not as a prototype (IN-7)', () => {
    const raw = JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(chainDocument(1)).slice(1)}`) as Record<string, unknown>;
    raw.extensions = JSON.parse('{"__proto__":{"polluted":2}}');
    const parsed = ProjectDocumentSchema.parse(raw);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(findIgnoredFields(raw, parsed)).toEqual(['__proto__']);
    expect(Object.hasOwn(parsed.extensions!, '__proto__')).toBe(true);
  });

  it('links a node to the scene with an edge into it and the scene it has an edge to', () => {
    const doc = chainDocument(3);
    doc.generationNodes.push({ id: 'gen-x', label: 'X', position: { x: 0, y: 0 }, config: {} });
    doc.edges.push({ id: 'in', source: 's-2', target: 'gen-x' }, { id: 'out', source: 'gen-x', target: 's-0' }, { id: 'out2', source: 'gen-x', target: 's-1' });
    const links = nodeSceneLinks(doc, 'gen-x');
    expect([links.fromScene?.id, links.toScene?.id]).toEqual(['s-2', 's-0']);
    expect(nodeSceneLinks(doc, 'gen-none')).toEqual({});
  });
});
