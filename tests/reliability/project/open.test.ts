import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, isGenError } from '../../../core/domain';
import { createProjectSession, readProjectFile } from '../../../core/project';
import { listRecoverable } from '../../../core/project';
import { FIXTURES_DIR, makeTempDir, SAMPLE_FILE } from '../../unit/project/project-test-kit';

async function openError(file: string) {
  const error = await readProjectFile(file).then(
    () => null,
    (cause: unknown) => cause,
  );
  if (!isGenError(error)) throw new Error(`expected a GenError, got ${String(error)}`);
  return error;
}

describe('opening a project file', () => {
  it('DATA-1 refuses a file from a newer studio and leaves it alone', async () => {
    const dir = await makeTempDir();
    const dataDir = path.join(dir, 'data');
    const sample = JSON.parse(await readFile(SAMPLE_FILE, 'utf8')) as Record<string, unknown>;
    for (const ahead of [1, 100]) {
      const file = path.join(dir, `newer-${ahead}.genweave.json`);
      const fileVersion = CURRENT_SCHEMA_VERSION + ahead;
      const bytes = Buffer.from(JSON.stringify({ ...sample, schemaVersion: fileVersion, futureField: [1, 2] }, null, 4));
      await writeFile(file, bytes);
      const session = createProjectSession({ dataDir });
      const error = await session.open({ path: file }).then(() => null, (cause: unknown) => cause);
      expect(isGenError(error) && error.code).toBe('GEN_PROJECT_TOO_NEW');
      expect(isGenError(error) && error.details).toEqual({ fileVersion, supportedVersion: CURRENT_SCHEMA_VERSION });
      expect((error as Error).message).toBe(
        `This project was saved by a newer version of Genweave Studio (format ${fileVersion}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Genweave Studio to open it.`,
      );
      // Nothing was opened, so nothing can be saved or autosaved over it.
      expect(session.currentPath).toBeNull();
      await expect(session.save({ document: sample })).rejects.toMatchObject({ code: 'GEN_BAD_REQUEST' });
      expect(await readFile(file)).toEqual(bytes);
    }
    expect(await listRecoverable(dataDir)).toEqual([]);
  });

  it('reports text that is not JSON as GEN_PROJECT_INVALID with its line and column', async () => {
    const file = path.join(await makeTempDir(), 'broken.genweave.json');
    await writeFile(file, '{\n  "schemaVersion": 1,\n  "name": "x",,\n}\n');
    const error = await openError(file);
    expect(error.code).toBe('GEN_PROJECT_INVALID');
    expect(error.details).toMatchObject({ path: file, line: 3, column: 15 });
    expect(error.message).toMatch(new RegExp(`^'${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' is not a valid Genweave project: .*line 3, column 15\\)\\.$`));
  });

  it('reports a truncated file at its end', async () => {
    const file = path.join(await makeTempDir(), 'cut.genweave.json');
    await writeFile(file, '{\n  "schemaVersion": 1,\n  "na');
    const error = await openError(file);
    expect(error.code).toBe('GEN_PROJECT_INVALID');
    expect(error.details).toMatchObject({ line: 3 });
  });

  it.each([
    ['missing', {}, "'schemaVersion' is missing"],
    ['a string', { schemaVersion: '1' }, "'schemaVersion' must be a positive integer"],
    ['a fraction', { schemaVersion: 1.5 }, "'schemaVersion' must be a positive integer"],
    ['zero', { schemaVersion: 0 }, "'schemaVersion' must be a positive integer"],
  ])('refuses a schemaVersion that is %s', async (_label, patch, problem) => {
    const file = path.join(await makeTempDir(), 'v.genweave.json');
    const sample = JSON.parse(await readFile(SAMPLE_FILE, 'utf8')) as Record<string, unknown>;
    delete sample.schemaVersion;
    await writeFile(file, JSON.stringify({ ...sample, ...patch }));
    const error = await openError(file);
    expect(error.code).toBe('GEN_PROJECT_INVALID');
    expect(error.message).toBe(`'${file}' is not a valid Genweave project: ${problem}.`);
  });

  it('refuses a structural failure with every issue in details.issues', async () => {
    const file = path.join(await makeTempDir(), 's.genweave.json');
    const sample = JSON.parse(await readFile(SAMPLE_FILE, 'utf8')) as { scenes: Array<Record<string, unknown>>; world: { settings: Record<string, unknown> } };
    sample.scenes[1]!.id = '../escape';
    sample.world.settings.relationshipSchema = { axes: [], tierAxis: 'nope', tiers: [], levels: [] };
    await writeFile(file, JSON.stringify(sample));
    const error = await openError(file);
    expect(error.code).toBe('GEN_PROJECT_INVALID');
    const issues = (error.details as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path);
    expect(issues).toContain('scenes[1].id');
    expect(issues.some((p) => p.startsWith('world.settings.relationshipSchema'))).toBe(true);
  });

  it('opens a node whose config is malformed, keeping the config exactly as written', async () => {
    const loaded = await readProjectFile(path.join(FIXTURES_DIR, 'v1.genweave.json'));
    const broken = loaded.document.generationNodes.find((node) => node.id === 'gen-broken');
    expect(broken?.config).toEqual({ generationType: 42, duration: { min: 'long' } });
    const bridge = loaded.document.generationNodes.find((node) => node.id === 'gen-bridge');
    expect(Object.keys(bridge!.config)).toEqual(['strategy', 'generationType', 'purpose', 'unknownInsideConfig', 'fallback']);
  });

  it('drops unknown fields outside extensions and config and names them once', async () => {
    const dir = await makeTempDir();
    const session = createProjectSession({ dataDir: path.join(dir, 'data') });
    const opened = await session.open({ path: path.join(FIXTURES_DIR, 'v1.genweave.json') });
    expect(opened.notices).toEqual(['Ignored unknown fields: editorHint, scenes[0].colour, edges[2].label']);
    expect(opened.document.extensions).toEqual({ zeta: 1, alpha: { nested: [3, 2, 1], __keep: null } });
    expect(opened.migratedFrom).toBeNull();
    const clean = await session.open({ path: SAMPLE_FILE });
    expect(clean.notices).toEqual([]);
  });

  it('removes null-valued optional fields', async () => {
    const loaded = await readProjectFile(path.join(FIXTURES_DIR, 'v1.genweave.json'));
    expect('summary' in loaded.document.scenes[0]!).toBe(false);
    expect('budgetUsd' in loaded.document.generationNodes[0]!).toBe(false);
    expect(loaded.document.budgets).toEqual({});
    expect(loaded.document.world.settings).toEqual({ maxContentRating: 'sfw', stylePresetId: 'ink' });
  });

  it('treats a missing file as unreadable, not as a crash', async () => {
    const error = await openError(path.join(await makeTempDir(), 'nope.genweave.json'));
    expect(error.code).toBe('GEN_PROJECT_INVALID');
    expect(error.message).toMatch(/the file does not exist\.$/);
  });
});
