import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../../core/domain';
import { BUNDLE_FILE, runExport } from '../../../core/export';
import { sha256Hex } from '../../../core/project';
import { readJson, sampleProject } from '../../unit/export/export-kit';

// RELIABILITY.md IN-1: nothing authored can make the export write outside the chosen folder.

async function listTree(root: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      out.push(full);
      if (entry.isDirectory()) stack.push(full);
    }
  }
  return out.sort();
}

/** Points the storm node's default content at a new asset with this path. */
function useAssetPath(document: ProjectDocument, assetPath: string, sha256: string): void {
  document.assets.push({ id: 'asset-odd', path: assetPath, mediaType: 'image/svg+xml', sha256 });
  const storm = document.generationNodes.find((n) => n.id === 'gen-market-storm')!;
  (storm.config.fallback as Record<string, unknown>).defaultContentId = 'asset-odd';
}

describe('IN-1 export paths', () => {
  it.each(['assets/%2e%2e%2f', 'assets/CON', 'assets/con.svg', 'assets/trailing.', 'assets/..hidden', 'assets/sp ace$&;|.svg'])(
    'writes nothing outside the chosen folder: the asset %j gets a safe name',
    async (assetPath) => {
      const { dir, projectPath, document } = await sampleProject();
      const bytes = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
      await writeFile(path.join(path.dirname(projectPath), ...assetPath.split('/')), bytes);
      useAssetPath(document, assetPath, sha256Hex(bytes));
      const outDir = path.join(dir, 'out');
      const before = await listTree(dir);
      const result = await runExport({ document, projectPath, outDir });
      const after = await listTree(dir);
      expect(after.filter((p) => !before.includes(p)).every((p) => p === outDir || p.startsWith(`${outDir}${path.sep}`))).toBe(true);
      const written = (await readJson(path.join(outDir, BUNDLE_FILE))).assets as Array<{ id: string; path: string }>;
      const odd = written.find((a) => a.id === 'asset-odd')!.path;
      expect(odd).toMatch(/^assets\/[A-Za-z0-9_-][A-Za-z0-9._-]*[A-Za-z0-9_-]$/);
      expect(odd.slice('assets/'.length).split('.')[0]!.toUpperCase()).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)$/);
      expect(result.files).toContain(odd);
    },
  );

  it.each(['../x', '..\\x', '/etc/x', 'C:\\x', '\\\\srv\\share\\x', 'assets/../../evil', 'assets/a\0b'])(
    'refuses the asset path %j and writes nothing',
    async (assetPath) => {
      const { dir, projectPath, document } = await sampleProject();
      useAssetPath(document, assetPath, '0'.repeat(64));
      const before = await listTree(dir);
      await expect(runExport({ document, projectPath, outDir: path.join(dir, 'out') })).rejects.toMatchObject({
        code: 'GEN_EXPORT_BLOCKED',
        details: { problems: expect.arrayContaining([expect.objectContaining({ rule: 'G05', nodeId: 'asset-odd' })]) },
      });
      expect(await listTree(dir)).toEqual(before);
    },
  );

  it('keeps a node and a scene titled ../../evil out of every path', async () => {
    const { dir, projectPath, document } = await sampleProject();
    document.generationNodes[0]!.label = '../../evil';
    document.scenes[0]!.title = '..\\..\\evil';
    const outDir = path.join(dir, 'out');
    const result = await runExport({ document, projectPath, outDir });
    expect(result.files.every((f) => !f.includes('evil'))).toBe(true);
    expect((await listTree(dir)).some((p) => p.includes('evil'))).toBe(false);
  });

  it('refuses an asset that is a symlink out of the project folder with GEN_PATH_OUTSIDE_ROOT', async () => {
    const { dir, projectPath, document } = await sampleProject();
    const outside = path.join(dir, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.svg'), 'secret');
    await symlink(path.join(outside, 'secret.svg'), path.join(path.dirname(projectPath), 'assets', 'leak.svg'));
    useAssetPath(document, 'assets/leak.svg', sha256Hex('secret'));
    const outDir = path.join(dir, 'out');
    await expect(runExport({ document, projectPath, outDir })).rejects.toMatchObject({
      code: 'GEN_PATH_OUTSIDE_ROOT',
      message: "Path 'assets/leak.svg' is outside the project folder.",
      details: { path: 'assets/leak.svg', root: 'project' },
    });
    await expect(readdir(outDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('does not follow a symlinked assets folder in a previous export', async () => {
    const { dir, projectPath, document } = await sampleProject();
    const outDir = path.join(dir, 'out');
    await runExport({ document, projectPath, outDir });
    const outside = path.join(dir, 'outside');
    await mkdir(outside);
    await rm(path.join(outDir, 'assets'), { recursive: true });
    await symlink(outside, path.join(outDir, 'assets'));
    await expect(runExport({ document, projectPath, outDir })).rejects.toMatchObject({ code: 'GEN_PATH_OUTSIDE_ROOT', details: { root: 'export' } });
    expect(await readdir(outside)).toEqual([]);
    expect((await readdir(outDir)).filter((name) => name.startsWith('.genweave-export-'))).toEqual([]);
  });
});
