import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProjectFile, saveProjectFile, sha256Hex } from '../../../core/project';
import { diskFullAfter, fixedClock, makeTempDir, SAMPLE_FILE } from './project-test-kit';

async function copyOfSample(dir: string) {
  const file = path.join(dir, 'harbor.genweave.json');
  await writeFile(file, await readFile(SAMPLE_FILE));
  return readProjectFile(file);
}

describe('saving a project file', () => {
  it('stamps updatedAt on a changed document and writes canonical bytes', async () => {
    const loaded = await copyOfSample(await makeTempDir());
    const saved = await saveProjectFile({
      path: loaded.path,
      document: { ...loaded.document, name: 'Harbor Lights, revised' },
      expectedSha256: loaded.sha256,
      now: fixedClock('2026-04-01T12:00:00.000Z'),
    });
    const text = await readFile(loaded.path, 'utf8');
    expect(saved.sha256).toBe(sha256Hex(text));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "schemaVersion": 1,');
    const reread = await readProjectFile(loaded.path);
    expect(reread.document.updatedAt).toBe('2026-04-01T12:00:00.000Z');
    expect(reread.document.name).toBe('Harbor Lights, revised');
  });

  it('leaves the bytes of an unchanged document identical, updatedAt included', async () => {
    const loaded = await copyOfSample(await makeTempDir());
    const before = await readFile(loaded.path);
    const saved = await saveProjectFile({ path: loaded.path, document: loaded.document, expectedSha256: loaded.sha256, now: fixedClock('2030-01-01T00:00:00.000Z') });
    expect((await readFile(loaded.path)).equals(before)).toBe(true);
    expect(saved.sha256).toBe(loaded.sha256);
  });

  it('refuses with GEN_PROJECT_CHANGED_ON_DISK when someone else changed the file, unless forced', async () => {
    const loaded = await copyOfSample(await makeTempDir());
    const foreign = (await readFile(loaded.path, 'utf8')).replace('"Harbor Lights"', '"Edited elsewhere"');
    await writeFile(loaded.path, foreign);
    const mine = { ...loaded.document, name: 'Mine' };
    await expect(saveProjectFile({ path: loaded.path, document: mine, expectedSha256: loaded.sha256 })).rejects.toMatchObject({
      code: 'GEN_PROJECT_CHANGED_ON_DISK',
      message: 'The project file changed on disk after it was opened. Reload it, or save again to overwrite it.',
      details: { path: loaded.path, expectedSha256: loaded.sha256, actualSha256: sha256Hex(foreign) },
    });
    expect(await readFile(loaded.path, 'utf8')).toBe(foreign);
    await saveProjectFile({ path: loaded.path, document: mine, expectedSha256: loaded.sha256, force: true });
    expect((await readProjectFile(loaded.path)).document.name).toBe('Mine');
  });

  it('copies the original to <file>.v<N>.bak before the first save after a migration, once', async () => {
    const dir = await makeTempDir();
    const loaded = await copyOfSample(dir);
    const original = await readFile(loaded.path);
    const first = await saveProjectFile({ path: loaded.path, document: loaded.document, expectedSha256: loaded.sha256, migratedFrom: 1 });
    expect((await readFile(`${loaded.path}.v1.bak`)).equals(original)).toBe(true);
    await saveProjectFile({ path: loaded.path, document: { ...loaded.document, name: 'Later' }, expectedSha256: first.sha256, migratedFrom: 1 });
    expect((await readFile(`${loaded.path}.v1.bak`)).equals(original)).toBe(true);
  });

  it('removes temporary files older than an hour and keeps younger ones', async () => {
    const dir = await makeTempDir();
    const loaded = await copyOfSample(dir);
    const stale = `${loaded.path}.tmp-old`;
    const young = `${loaded.path}.tmp-young`;
    await writeFile(stale, 'half a file');
    await writeFile(young, 'another save in progress');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    await saveProjectFile({ path: loaded.path, document: { ...loaded.document, name: 'x' }, expectedSha256: loaded.sha256 });
    const names = await readdir(dir);
    expect(names).not.toContain(path.basename(stale));
    expect(names).toContain(path.basename(young));
  });

  it('refuses a document that fails the schema with GEN_BAD_REQUEST and writes nothing', async () => {
    const loaded = await copyOfSample(await makeTempDir());
    const before = await readFile(loaded.path);
    const bad = { ...loaded.document, scenes: [{ id: 'bad id with spaces', title: 't', position: { x: 0, y: 0 } }] };
    await expect(saveProjectFile({ path: loaded.path, document: bad, expectedSha256: loaded.sha256 })).rejects.toMatchObject({ code: 'GEN_BAD_REQUEST' });
    expect((await readFile(loaded.path)).equals(before)).toBe(true);
  });

  it.each([0, 1, 4096, 65_536, 70_000])('DUR-6 on ENOSPC after %i bytes reports GEN_STORAGE_FULL, keeps the old file whole and leaves no temp file', async (failAfter) => {
    const dir = await makeTempDir();
    const loaded = await copyOfSample(dir);
    const before = await readFile(loaded.path);
    const bigger = { ...loaded.document, name: 'x'.repeat(80_000) };
    await expect(
      saveProjectFile({ path: loaded.path, document: bigger, expectedSha256: loaded.sha256, fs: diskFullAfter(failAfter) }),
    ).rejects.toMatchObject({ code: 'GEN_STORAGE_FULL', message: 'The disk is full, so nothing was saved. Free some space and try again.', details: { operation: 'save the project' } });
    expect((await readFile(loaded.path)).equals(before)).toBe(true);
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});
