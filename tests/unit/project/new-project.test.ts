import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNewProject, readProjectFile } from '../../../core/project';
import { checkGraphProblems } from '../../../core/validation';
import { makeTempDir, SAMPLE_FILE } from './project-test-kit';

describe('project.new', () => {
  it('copies the sample and its assets to ~/Genweave/Harbor Lights with a new projectId', async () => {
    const home = await makeTempDir();
    const sample = (await readProjectFile(SAMPLE_FILE)).document;
    const created = await createNewProject({ template: 'sample', homeDir: home });
    expect(created.path).toBe(path.join(home, 'Genweave', 'Harbor Lights', 'harbor-lights.genweave.json'));
    expect(created.document.projectId).not.toBe(sample.projectId);
    expect(created.document.projectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect({ ...created.document, projectId: '', createdAt: '', updatedAt: '' }).toEqual({ ...sample, projectId: '', createdAt: '', updatedAt: '' });
    const folder = path.dirname(created.path!);
    expect((await readdir(path.join(folder, 'assets'))).sort()).toEqual(['lighthouse.svg', 'storm-still.svg', 'tomas.svg']);
    const reopened = await readProjectFile(created.path!);
    expect(reopened.document).toEqual(created.document);
    const status = Object.fromEntries(reopened.document.assets.map((a) => [a.id, 'ok' as const]));
    expect(checkGraphProblems(reopened.document, { assetStatus: status })).toEqual([]);
  });

  it('suffixes the folder with 2, 3… when the default is taken', async () => {
    const home = await makeTempDir();
    await mkdir(path.join(home, 'Genweave', 'Harbor Lights'), { recursive: true });
    const second = await createNewProject({ template: 'sample', homeDir: home });
    const third = await createNewProject({ template: 'sample', homeDir: home });
    expect(second.path).toBe(path.join(home, 'Genweave', 'Harbor Lights 2', 'harbor-lights.genweave.json'));
    expect(third.path).toBe(path.join(home, 'Genweave', 'Harbor Lights 3', 'harbor-lights.genweave.json'));
  });

  it('never overwrites an existing file at an explicit path', async () => {
    const dir = await makeTempDir();
    const target = path.join(dir, 'mine.genweave.json');
    await createNewProject({ template: 'empty', path: target });
    const before = await readFile(target);
    await expect(createNewProject({ template: 'sample', path: target })).rejects.toMatchObject({ code: 'GEN_BAD_REQUEST' });
    expect((await readFile(target)).equals(before)).toBe(true);
  });

  it('creates an empty project in memory when no path is given', async () => {
    const created = await createNewProject({ template: 'empty', now: () => new Date('2026-03-03T03:03:03.000Z') });
    expect(created.path).toBeNull();
    expect(created.document).toMatchObject({ schemaVersion: 1, name: 'Untitled project', createdAt: '2026-03-03T03:03:03.000Z', scenes: [], generationNodes: [] });
  });
});
