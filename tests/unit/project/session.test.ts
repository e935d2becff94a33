import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRecentProject, createProjectSession, describeRecentProjects, readProjectFile, type RecentEntry } from '../../../core/project';
import { fixedClock, makeTempDir, SAMPLE_DIR, SAMPLE_FILE } from './project-test-kit';

async function sessionWithSample() {
  const dir = await makeTempDir();
  const dataDir = path.join(dir, 'data');
  const file = path.join(dir, 'harbor.genweave.json');
  await writeFile(file, await readFile(SAMPLE_FILE));
  const recent: RecentEntry[] = [];
  // A clock well after the file's mtime, so snapshots count as newer than the file.
  const session = createProjectSession({ dataDir, now: () => new Date(Date.now() + 60_000), onRecent: (entry) => void recent.push(entry) });
  return { dir, dataDir, file, session, recent };
}

describe('the project session', () => {
  it('autosaves a snapshot without touching the project file, and offers it on the next open', async () => {
    const { dataDir, file, session } = await sessionWithSample();
    const opened = await session.open({ path: file });
    expect(opened.recovery).toEqual({ available: false });
    const bytes = await readFile(file);
    const edited = { ...opened.document, name: 'Edited, not saved' };
    const { savedAt } = await session.autosave({ document: edited });
    expect((await readFile(file)).equals(bytes)).toBe(true);
    expect(await readdir(path.join(dataDir, 'recovery'))).toEqual([`${opened.document.projectId}.genweave.json`]);
    const snapshot = JSON.parse(await readFile(path.join(dataDir, 'recovery', `${opened.document.projectId}.genweave.json`), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(snapshot)).toEqual(['savedAt', 'path', 'baseSha256', 'document']);

    await session.close(); // unsaved changes: the snapshot stays
    const other = createProjectSession({ dataDir });
    const reopened = await other.open({ path: file });
    expect(reopened.recovery).toEqual({ available: true, savedAt });
    expect(await other.listRecoverable()).toEqual([{ projectId: opened.document.projectId, title: 'Edited, not saved', path: file, savedAt }]);
    const restored = await other.restore({ projectId: opened.document.projectId });
    expect(restored).toMatchObject({ path: file, savedAt });
    expect(restored.document.name).toBe('Edited, not saved');
    // Saving the restored document removes the snapshot.
    await other.save({ document: restored.document });
    expect((await readProjectFile(file)).document.name).toBe('Edited, not saved');
    expect(await other.listRecoverable()).toEqual([]);
  });

  it('does not offer a snapshot older than the file', async () => {
    const { file, session, dataDir } = await sessionWithSample();
    const opened = await session.open({ path: file });
    await session.autosave({ document: opened.document });
    const future = new Date(Date.now() + 3600_000);
    await utimes(file, future, future);
    expect((await createProjectSession({ dataDir }).open({ path: file })).recovery).toEqual({ available: false });
  });

  it('discards a snapshot on request and when a clean document is closed', async () => {
    const { file, session } = await sessionWithSample();
    const opened = await session.open({ path: file });
    await session.autosave({ document: opened.document });
    expect(await session.discardRecovery({ projectId: opened.document.projectId })).toEqual({});
    expect(await session.listRecoverable()).toEqual([]);
    await expect(session.restore({ projectId: opened.document.projectId })).rejects.toMatchObject({
      code: 'GEN_NOT_FOUND',
      details: { entity: 'recovery snapshot', id: opened.document.projectId },
    });
    await session.autosave({ document: opened.document });
    await session.save({ document: opened.document });
    await session.autosave({ document: opened.document });
    await session.discardRecovery({ projectId: opened.document.projectId });
    await session.close();
    expect(await session.listRecoverable()).toEqual([]);
  });

  it('lists a never-saved document with a null path', async () => {
    const dir = await makeTempDir();
    const session = createProjectSession({ dataDir: path.join(dir, 'data'), now: fixedClock('2026-07-01T00:00:00.000Z') });
    const { document, path: file } = await session.newProject({ template: 'empty' });
    expect(file).toBeNull();
    await session.autosave({ document });
    expect(await session.listRecoverable()).toEqual([{ projectId: document.projectId, title: 'Untitled project', path: null, savedAt: '2026-07-01T00:00:00.000Z' }]);
    await expect(session.save({ document })).rejects.toMatchObject({ code: 'GEN_BAD_REQUEST' });
    const saved = await session.saveAs({ document, path: path.join(dir, 'new.genweave.json') });
    expect(saved.path).toBe(path.join(dir, 'new.genweave.json'));
    expect(session.currentPath).toBe(saved.path);
  });

  it('refuses a save after someone else changed the file, and saves with force', async () => {
    const { file, session } = await sessionWithSample();
    const opened = await session.open({ path: file });
    await writeFile(file, (await readFile(file, 'utf8')).replace('Fish Market', 'Fish Market (edited elsewhere)'));
    await expect(session.save({ document: opened.document })).rejects.toMatchObject({ code: 'GEN_PROJECT_CHANGED_ON_DISK' });
    const forced = await session.save({ document: opened.document, force: true });
    expect(forced.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports opened and saved files for the recent list, newest first, at most 10', async () => {
    const { file, session, recent } = await sessionWithSample();
    await session.open({ path: file });
    expect(recent.map((r) => r.path)).toEqual([file]);
    let list: RecentEntry[] = [];
    for (let i = 0; i < 12; i += 1) list = addRecentProject(list, { path: `/p/${i}.genweave.json`, name: `P${i}`, openedAt: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z` });
    list = addRecentProject(list, { path: file, name: 'Harbor', openedAt: '2026-02-01T00:00:00.000Z' });
    expect(list).toHaveLength(10);
    const items = await describeRecentProjects(list);
    expect(items[0]).toEqual({ path: file, name: 'Harbor', openedAt: '2026-02-01T00:00:00.000Z', exists: true });
    expect(items[1]).toMatchObject({ path: '/p/11.genweave.json', exists: false });
  });

  it('imports an asset into the project assets folder under a safe, unused name', async () => {
    const { dir, file, session } = await sessionWithSample();
    await session.open({ path: file });
    const source = path.join(dir, 'My Portrait (final).svg');
    await writeFile(source, await readFile(path.join(SAMPLE_DIR, 'assets', 'tomas.svg')));
    const first = await session.importAsset({ sourcePath: source });
    const second = await session.importAsset({ sourcePath: source });
    expect(first.asset).toMatchObject({ path: 'assets/My_Portrait__final_.svg', mediaType: 'image/svg+xml' });
    expect(second.asset.path).toBe('assets/My_Portrait__final_-2.svg');
    expect(first.asset.id).toMatch(/^asset-[0-9a-z]{8}$/);
    expect((await stat(path.join(dir, 'assets', 'My_Portrait__final_.svg'))).isFile()).toBe(true);
  });
});
