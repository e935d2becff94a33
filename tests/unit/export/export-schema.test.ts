import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_FILE, exportBundleJsonSchema, runExport, sortedJson } from '../../../core/export';
import { sampleProject } from './export-kit';

describe('the bundle JSON Schema', () => {
  it('matches the committed golden file', async () => {
    await expect(sortedJson(exportBundleJsonSchema())).toMatchFileSnapshot('./golden/export-bundle.schema.json');
  });

  it('is draft 2020-12 and is written beside every bundle as committed', async () => {
    const schema = exportBundleJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const { dir, projectPath, document } = await sampleProject();
    const outDir = path.join(dir, 'out');
    await runExport({ document, projectPath, outDir });
    const written = await readFile(path.join(outDir, BUNDLE_SCHEMA_FILE), 'utf8');
    expect(written).toBe(await readFile(path.join(import.meta.dirname, 'golden/export-bundle.schema.json'), 'utf8'));
  });
});
