import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../core/domain';
import { encodeProjectDocument, migrateProject, PROJECT_MIGRATIONS, readProjectFile, saveProjectFile } from '../../../core/project';
import { chainDocument, FIXTURES_DIR, fixedClock, makeTempDir, SAMPLE_FILE } from '../../unit/project/project-test-kit';

const versions = Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1);

describe('project migrations', () => {
  it.each(versions)('DATA-2 migrates every fixture to its golden result (v%i)', async (version) => {
    const loaded = await readProjectFile(path.join(FIXTURES_DIR, `v${version}.genweave.json`));
    expect(loaded.migratedFrom).toBe(version < CURRENT_SCHEMA_VERSION ? version : null);
    await expect(encodeProjectDocument(loaded.document)).toMatchFileSnapshot(path.join(FIXTURES_DIR, `v${version}.golden.json`));
  });

  it('DATA-2 has a never-edited fixture and a migration step for every schema version up to the current one', () => {
    for (const version of versions) {
      expect(existsSync(path.join(FIXTURES_DIR, `v${version}.genweave.json`)), `fixture v${version}`).toBe(true);
      expect(existsSync(path.join(FIXTURES_DIR, `v${version}.golden.json`)), `golden v${version}`).toBe(true);
    }
    expect(Object.keys(PROJECT_MIGRATIONS).map(Number).sort((a, b) => a - b)).toEqual(versions.slice(0, -1));
  });

  it('runs each step N → N+1 in order and stamps the new version', () => {
    const calls: string[] = [];
    const migrations = {
      1: (doc: Record<string, unknown>) => (calls.push('1→2'), { ...doc, renamed: doc.old, old: undefined }),
      2: (doc: Record<string, unknown>) => (calls.push('2→3'), { ...doc, added: true }),
    };
    const result = migrateProject({ schemaVersion: 1, old: 'x' }, 1, migrations, 3);
    expect(calls).toEqual(['1→2', '2→3']);
    expect(result).toEqual({ schemaVersion: 3, renamed: 'x', old: undefined, added: true });
    expect(migrateProject({ schemaVersion: 3 }, 3, migrations, 3)).toEqual({ schemaVersion: 3 });
  });

  it('DATA-2 open-save-open-save gives byte-identical files (sample and a 10k-scene graph)', async () => {
    const dir = await makeTempDir();
    const big = path.join(dir, 'big.genweave.json');
    await writeFile(big, encodeProjectDocument(chainDocument(10_000, { cycle: true })));
    for (const source of [SAMPLE_FILE, big]) {
      const target = path.join(dir, `copy-${path.basename(source)}`);
      const first = await readProjectFile(source);
      const saved = await saveProjectFile({ path: target, document: first.document, expectedSha256: null, now: fixedClock('2026-02-01T00:00:00.000Z') });
      const bytesA = await readFile(target);
      const second = await readProjectFile(target);
      const again = await saveProjectFile({ path: target, document: second.document, expectedSha256: saved.sha256, now: fixedClock('2026-03-01T00:00:00.000Z') });
      expect((await readFile(target)).equals(bytesA)).toBe(true);
      expect(again.sha256).toBe(saved.sha256);
      expect((await readProjectFile(target)).document).toEqual(second.document);
    }
  });

  it('saves the sample exactly as committed (the committed file is in canonical encoding)', async () => {
    const committed = await readFile(SAMPLE_FILE, 'utf8');
    const loaded = await readProjectFile(SAMPLE_FILE);
    expect(encodeProjectDocument(loaded.document)).toBe(committed);
  });
});
