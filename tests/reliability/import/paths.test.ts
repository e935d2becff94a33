import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmptyProject, type ProjectDocument } from '../../../core/domain';
import { runExport } from '../../../core/export';
import { encodeProjectDocument, importFromProject, readProjectFile } from '../../../core/project';
import { makeTempDir, SAMPLE_DIR, SAMPLE_FILE } from '../../unit/project/project-test-kit';

async function emptyTarget(dir: string): Promise<{ document: ProjectDocument; projectPath: string }> {
  const projectPath = path.join(dir, 'target', 'target.genweave.json');
  await mkdir(path.dirname(projectPath), { recursive: true });
  const document = createEmptyProject({ name: 'Target', now: '2026-01-01T00:00:00.000Z', projectId: '22222222-3333-4444-8555-666666666666' });
  return { document, projectPath };
}

/** Exports a copy of the sample project into `<dir>/bundle` and answers that folder. */
async function exportSampleBundle(dir: string): Promise<string> {
  const project = path.join(dir, 'project');
  await cp(SAMPLE_DIR, project, { recursive: true });
  const projectPath = path.join(project, 'harbor-lights.genweave.json');
  const bundleDir = path.join(dir, 'bundle');
  await runExport({ document: (await readProjectFile(projectPath)).document, projectPath, outDir: bundleDir });
  return bundleDir;
}

async function listTree(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).map(String).sort();
}

describe('IN-2 import paths', () => {
  it.each(['../evil', 'assets/../../evil', '/tmp/evil', 'C:\\evil', '\\\\srv\\share\\evil'])(
    'IN-2 refuses a bundle or project whose asset paths leave it: a project with %j',
    async (bad) => {
      const dir = await makeTempDir();
      const sample = (await readProjectFile(SAMPLE_FILE)).document;
      sample.assets[0]!.path = bad;
      const sourcePath = path.join(dir, 'source', 'evil.genweave.json');
      await mkdir(path.dirname(sourcePath), { recursive: true });
      await writeFile(sourcePath, encodeProjectDocument(sample));
      const target = await emptyTarget(dir);
      const before = await listTree(dir);
      await expect(importFromProject({ ...target, sourcePath })).rejects.toMatchObject({
        code: 'GEN_PATH_OUTSIDE_ROOT',
        message: `Path '${bad}' is outside the project folder.`,
        details: { path: bad, root: 'project' },
      });
      expect(await listTree(dir)).toEqual(before);
    },
  );

  it.each(['../evil', 'assets/../../evil', '/tmp/evil', 'C:\\evil', '\\\\srv\\share\\evil'])(
    'IN-2 refuses a bundle or project whose asset paths leave it: a bundle with %j',
    async (bad) => {
      const dir = await makeTempDir();
      const bundleDir = await exportSampleBundle(dir);
      const bundleFile = path.join(bundleDir, 'genweave-bundle.json');
      const bundle = JSON.parse(await readFile(bundleFile, 'utf8')) as { assets: Array<{ path: string }> };
      bundle.assets[0]!.path = bad;
      await writeFile(bundleFile, JSON.stringify(bundle));
      const target = await emptyTarget(dir);
      const before = await listTree(dir);
      await expect(importFromProject({ ...target, sourcePath: bundleDir })).rejects.toMatchObject({
        code: 'GEN_PATH_OUTSIDE_ROOT',
        details: { path: bad, root: 'project' },
      });
      expect(await listTree(dir)).toEqual(before);
    },
  );
});

describe('importing nodes and prompts', () => {
  it('imports every node, its prompts and its assets from a project file into an empty project', async () => {
    const dir = await makeTempDir();
    const target = await emptyTarget(dir);
    const result = await importFromProject({ ...target, sourcePath: SAMPLE_FILE });
    expect(result.conflicts).toEqual([]);
    expect(result.imported.nodes).toHaveLength(5);
    expect(result.imported.promptFamilies).toHaveLength(2);
    expect(result.imported.promptVersions).toHaveLength(3);
    expect(result.imported.assets).toEqual(['asset-storm-still']);
    expect(await readdir(path.join(dir, 'target', 'assets'))).toEqual(['storm-still.svg']);
    expect(target.document.generationNodes).toEqual([]); // the caller's document is not mutated
  });

  it('reports conflicts: clashing node ids are renamed, a different prompt version with the same id keeps the existing one', async () => {
    const dir = await makeTempDir();
    const target = await emptyTarget(dir);
    const first = await importFromProject({ ...target, sourcePath: SAMPLE_FILE, nodeIds: ['gen-mara-dialogue'] });
    const edited = (await readProjectFile(SAMPLE_FILE)).document;
    edited.prompts.versions[2]!.text = 'Changed text with the same id.';
    const sourcePath = path.join(dir, 'edited.genweave.json');
    await writeFile(sourcePath, encodeProjectDocument(edited));
    const second = await importFromProject({ document: first.document, projectPath: target.projectPath, sourcePath, nodeIds: ['gen-mara-dialogue'] });
    expect(second.conflicts.map((c) => [c.kind, c.id, c.resolution])).toEqual([
      ['promptVersion', edited.prompts.versions[2]!.id, 'kept-existing'],
      ['node', 'gen-mara-dialogue', 'renamed'],
    ]);
    const renamed = second.conflicts.find((c) => c.kind === 'node')!.newId!;
    expect(renamed).toMatch(/^gen-[0-9a-z]{8}$/);
    expect(second.document.generationNodes.map((n) => n.id)).toEqual(['gen-mara-dialogue', renamed]);
    expect(second.document.prompts.versions.find((v) => v.id === edited.prompts.versions[2]!.id)!.text).not.toBe('Changed text with the same id.');
  });

  it('imports nodes from an export bundle folder', async () => {
    const dir = await makeTempDir();
    const bundleDir = await exportSampleBundle(dir);
    const target = await emptyTarget(dir);
    const result = await importFromProject({ ...target, sourcePath: bundleDir });
    expect(result.imported.nodes).toEqual(['gen-market-storm', 'gen-tavern-variation', 'gen-mara-dialogue', 'gen-docks-ambient', 'gen-tomas-reaction']);
    const storm = result.document.generationNodes[0]!.config as { fallback: { defaultContentId: string }; prompt: Record<string, unknown> };
    expect(storm.fallback.defaultContentId).toBe('asset-storm-still');
    expect(result.document.assets.map((a) => a.path)).toEqual(['assets/storm-still.svg']);
  });
});
