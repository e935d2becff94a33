import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE, EXPORT_TEMP_PREFIX, runExport } from '../../../core/export';
import { diskFullAfter } from '../../unit/project/project-test-kit';
import { sampleProject } from '../../unit/export/export-kit';

// RELIABILITY.md DUR-6 for the export: a full disk at any point leaves the previous export whole and no
// temporary folder behind.

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).map(String).sort()) {
    const file = path.join(dir, name);
    if (name.endsWith('.json') || name.endsWith('.svg')) out[name] = await readFile(file, 'utf8');
  }
  return out;
}

describe('DUR-6 export on a full disk', () => {
  it.each([0, 100, 2_000, 10_000, 30_000])('after %i bytes keeps the previous bundle and leaves no temp folder', async (limit) => {
    const { dir, projectPath, document } = await sampleProject();
    const outDir = path.join(dir, 'out');
    await runExport({ document, projectPath, outDir }, { now: () => new Date('2026-01-01T00:00:00.000Z') });
    const before = await snapshot(outDir);
    document.name = 'Harbor Lights, second export';
    await expect(runExport({ document, projectPath, outDir }, { fs: diskFullAfter(limit) })).rejects.toMatchObject({
      code: 'GEN_STORAGE_FULL',
      details: { operation: 'write the export' },
    });
    expect(await snapshot(outDir)).toEqual(before);
    expect((await readdir(outDir)).filter((name) => name.startsWith(EXPORT_TEMP_PREFIX))).toEqual([]);
    expect(JSON.parse(before[BUNDLE_FILE]!).project.name).toBe('Harbor Lights');
  });
});
