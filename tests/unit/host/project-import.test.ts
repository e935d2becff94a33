import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ProjectDocument } from '../../../core/domain/project-document';
import { runExport } from '../../../core/export';
import { connectInProcess } from '../../../core/host/in-process';
import { createStudioHost } from '../../../core/host/studio-host';
import { encodeProjectDocument, readProjectFile } from '../../../core/project';
import { createRpcClient } from '../../../core/rpc/client';
import { recordingLogger } from '../../reliability/rpc/support/fake-endpoint';
import { createFakeEngine } from '../../reliability/host/support/fake-engine';

// project-format.md §3 (import) over RPC: project.import merges another project's nodes and prompts into the
// document the renderer sent, copies only their assets beside the current project, and never writes the file.

const SAMPLE_DIR = resolve(import.meta.dirname, '../../../resources/sample');
const SAMPLE_FILE = join(SAMPLE_DIR, 'harbor-lights.genweave.json');

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gw-import-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function listTree(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).map(String).sort();
}

async function studio(dir: string) {
  await mkdir(join(dir, 'data'));
  const host = await createStudioHost({ engine: createFakeEngine(), dataDir: join(dir, 'data'), transport: 'browser', version: '9.9.9', logger: recordingLogger(), checkOutputs: true });
  return createRpcClient(connectInProcess(host));
}

/** A host whose client has an empty project saved at `<dir>/target/target.genweave.json`. */
async function studioWithSavedProject(dir: string) {
  const client = await studio(dir);
  const { document } = await client.callOrThrow('project.new', { template: 'empty' });
  const projectPath = join(dir, 'target', 'target.genweave.json');
  await mkdir(join(dir, 'target'));
  await client.callOrThrow('project.saveAs', { document, path: projectPath });
  return { client, document, projectPath };
}

/** An edited copy of the sample, with its assets, in `<dir>/source`. */
async function writeSource(dir: string, name: string, edit: (document: ProjectDocument) => void): Promise<string> {
  const document = (await readProjectFile(SAMPLE_FILE)).document;
  edit(document);
  const file = join(dir, 'source', name);
  await cp(join(SAMPLE_DIR, 'assets'), join(dir, 'source', 'assets'), { recursive: true });
  await writeFile(file, encodeProjectDocument(document));
  return file;
}

describe('project.import', () => {
  it('imports the sample into an empty project, copying its assets and leaving the project file alone', async () => {
    const dir = await tempDir();
    const { client, document, projectPath } = await studioWithSavedProject(dir);
    const fileBefore = await readFile(projectPath, 'utf8');
    const sample = (await readProjectFile(SAMPLE_FILE)).document;

    const { document: merged, report } = await client.callOrThrow('project.import', { document, sourcePath: SAMPLE_FILE });

    expect(report.conflicts).toEqual([]);
    expect(report.imported.nodes).toEqual(sample.generationNodes.map((n) => n.id));
    expect(report.imported.promptFamilies).toEqual(sample.prompts.families.map((f) => f.id));
    expect(report.imported.promptVersions).toEqual(sample.prompts.versions.map((v) => v.id));
    expect(merged.generationNodes.map((n) => n.id)).toEqual(report.imported.nodes);
    expect(merged.prompts.versions.map((v) => v.text)).toEqual(sample.prompts.versions.map((v) => v.text));
    expect(merged.projectId).toBe(document.projectId);
    const copied = merged.assets.filter((a) => report.imported.assets.includes(a.id));
    expect(copied.length).toBeGreaterThan(0);
    for (const asset of copied) {
      const original = sample.assets.find((a) => a.sha256 === asset.sha256)!;
      expect(await readFile(join(dir, 'target', asset.path))).toEqual(await readFile(join(SAMPLE_DIR, original.path)));
    }
    expect(await readFile(projectPath, 'utf8')).toBe(fileBefore);
  });

  it('reports a conflicting prompt version as kept-existing and renames clashing node ids', async () => {
    const dir = await tempDir();
    const { client, document } = await studioWithSavedProject(dir);
    const first = await client.callOrThrow('project.import', { document, sourcePath: SAMPLE_FILE });
    const changedVersionId = first.document.prompts.versions[0]!.id;
    const edited = await writeSource(dir, 'edited.genweave.json', (d) => {
      d.prompts.versions[0]!.text = 'A different text under the same version id.';
    });

    const second = await client.callOrThrow('project.import', { document: first.document, sourcePath: edited });

    expect(second.report.conflicts.filter((c) => c.kind === 'promptVersion')).toEqual([
      expect.objectContaining({ id: changedVersionId, resolution: 'kept-existing' }),
    ]);
    expect(second.document.prompts.versions.find((v) => v.id === changedVersionId)!.text).toBe(first.document.prompts.versions[0]!.text);
    const renamed = second.report.conflicts.filter((c) => c.kind === 'node');
    expect(renamed.map((c) => [c.id, c.resolution])).toEqual(first.report.imported.nodes.map((id) => [id, 'renamed']));
    expect(second.report.imported.nodes).toEqual(renamed.map((c) => c.newId));
    expect(new Set(second.document.generationNodes.map((n) => n.id)).size).toBe(second.document.generationNodes.length);
  });

  it('refuses a source whose asset path leaves its folder with GEN_PATH_OUTSIDE_ROOT, writing nothing', async () => {
    const dir = await tempDir();
    const { client, document } = await studioWithSavedProject(dir);
    const evil = await writeSource(dir, 'evil.genweave.json', (d) => {
      d.assets[0]!.path = '../../evil.svg';
    });
    const before = await listTree(dir);

    const reply = await client.call('project.import', { document, sourcePath: evil });

    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error).toMatchObject({ code: 'GEN_PATH_OUTSIDE_ROOT', details: { path: '../../evil.svg', root: 'project' } });
      expect(reply.error.message).toBe("Path '../../evil.svg' is outside the project folder.");
    }
    expect(await listTree(dir)).toEqual(before);
  });

  it('takes the picked genweave-bundle.json of an export as its bundle folder', async () => {
    const dir = await tempDir();
    const { client, document } = await studioWithSavedProject(dir);
    const bundleDir = join(dir, 'bundle');
    await runExport({ document: (await readProjectFile(SAMPLE_FILE)).document, projectPath: SAMPLE_FILE, outDir: bundleDir });

    const { report } = await client.callOrThrow('project.import', { document, sourcePath: join(bundleDir, 'genweave-bundle.json') });

    const sample = (await readProjectFile(SAMPLE_FILE)).document;
    expect(report.imported.nodes).toEqual(sample.generationNodes.map((n) => n.id));
  });

  it('asks for a saved project first, since imported assets go beside the project file', async () => {
    const dir = await tempDir();
    const client = await studio(dir);
    const before = await listTree(dir);
    const { document } = await client.callOrThrow('project.new', { template: 'empty' });
    const reply = await client.call('project.import', { document, sourcePath: SAMPLE_FILE });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('GEN_BAD_REQUEST');
    expect(await listTree(dir)).toEqual(before);
  });
});
