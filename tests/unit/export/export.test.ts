import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../../core/domain';
import { BUNDLE_FILE, checkExport, EXPORT_TEMP_PREFIX, ExportBundleSchema, runExport } from '../../../core/export';
import { sha256Hex } from '../../../core/project';
import { fixedNow, readJson, sampleProject } from './export-kit';

function node(document: ProjectDocument, id: string) {
  return document.generationNodes.find((n) => n.id === id)!;
}

describe('export.run', () => {
  it('exports the sample: bundle, schema and the assets its nodes use', async () => {
    const { dir, projectPath, document } = await sampleProject();
    const outDir = path.join(dir, 'out');
    const result = await runExport({ document, projectPath, outDir }, { now: fixedNow('2026-05-01T10:00:00.000Z'), providers: ['local-preview'] });
    // The lighthouse reference image feeds no exported node (no transition leaves or enters s-lighthouse).
    expect(result.files).toEqual(['genweave-bundle.schema.json', 'assets/storm-still.svg', 'assets/tomas.svg', 'genweave-bundle.json']);
    expect(result.skippedNodes).toEqual([]);
    const bundleText = await readFile(path.join(outDir, BUNDLE_FILE), 'utf8');
    expect(result.bundleSha256).toBe(sha256Hex(bundleText));
    const bundle = ExportBundleSchema.parse(JSON.parse(bundleText));
    expect(bundle.generator).toMatch(/^Genweave Studio \d+\.\d+\.\d+/);
    expect(bundle.world).toMatchObject({ id: 'world-harbor', maxContentRating: 'romantic', defaultStrategy: 'per_playthrough' });
    expect(bundle.scenes.every((scene) => !('position' in scene))).toBe(true);
    const storm = bundle.nodes.find((n) => n.id === 'gen-market-storm')!;
    expect(storm).toMatchObject({
      fromSceneId: 's-market',
      toSceneId: 's-storm',
      operation: 'video_transition',
      prompt: { source: 'versioned', template: 'Show the passage from {{from}} to {{to}} as the weather turns. Keep it under {{seconds}} seconds.' },
      cache: { ttlSeconds: 31536000, keyFormat: 'generation:video_transition|gap_fill|s-market|s-storm|once|v1' },
      fallback: { mode: 'default_content', defaultContent: { assetId: 'asset-storm-still', path: 'assets/storm-still.svg' } },
      social: { npcIds: [], ratingOverride: null, ratingCeiling: 'romantic' },
    });
    expect(bundle.nodes.find((n) => n.id === 'gen-docks-ambient')!.cache).toEqual({ ttlSeconds: null, keyFormat: null });
    expect(bundle.nodes.find((n) => n.id === 'gen-tomas-reaction')!.cache.keyFormat).toBe(
      'generation:image_to_video|adaptive|s-tavern|none|per_playthrough|pt:{playthroughId}|r:{contentRating}|v1',
    );
    expect(bundle.prompts.versions.map((v) => v.versionNumber)).toEqual([2, 1]);
    expect(bundle.prompts.families.map((f) => f.slug)).toEqual(['transitions', 'npc-dialogue']);
    expect(await readFile(path.join(outDir, 'assets/tomas.svg'))).toEqual(await readFile(path.join(path.dirname(projectPath), 'assets/tomas.svg')));
  });

  it('writes sorted keys with 2-space indentation, so two exports differ only in exportedAt', async () => {
    const { dir, projectPath, document } = await sampleProject();
    const a = await runExport({ document, projectPath, outDir: path.join(dir, 'a') }, { now: fixedNow('2026-05-01T10:00:00.000Z') });
    const b = await runExport({ document, projectPath, outDir: path.join(dir, 'b') }, { now: fixedNow('2026-06-02T11:30:00.000Z') });
    const textA = await readFile(path.join(dir, 'a', BUNDLE_FILE), 'utf8');
    const textB = await readFile(path.join(dir, 'b', BUNDLE_FILE), 'utf8');
    expect(textA).not.toBe(textB);
    expect(textA.replace('2026-05-01T10:00:00.000Z', 'T')).toBe(textB.replace('2026-06-02T11:30:00.000Z', 'T'));
    const again = await runExport({ document, projectPath, outDir: path.join(dir, 'a') }, { now: fixedNow('2026-05-01T10:00:00.000Z') });
    expect(again.bundleSha256).toBe(a.bundleSha256);
    expect(b.bundleSha256).not.toBe(a.bundleSha256);
    const keys = Object.keys(JSON.parse(textA) as object);
    expect(keys).toEqual([...keys].sort());
    expect(textA.split('\n')[1]).toMatch(/^ {2}"\$schema": /);
  });

  it('refuses with GEN_EXPORT_BLOCKED naming the enabled nodes with errors, and writes nothing', async () => {
    const { dir, projectPath, document } = await sampleProject();
    delete (node(document, 'gen-market-storm').config as Record<string, unknown>).fallback;
    (node(document, 'gen-tavern-variation').config as Record<string, unknown>).strategy = 'sometimes';
    // A disabled node with errors does not block; it is skipped.
    Object.assign(node(document, 'gen-docks-ambient').config, { enabled: false, purpose: 42 });
    const outDir = path.join(dir, 'out');
    const error = await runExport({ document, projectPath, outDir }).catch((cause: unknown) => cause);
    expect(error).toMatchObject({ code: 'GEN_EXPORT_BLOCKED', message: 'Export refused: 2 enabled generation node(s) have errors (gen-market-storm, gen-tavern-variation).' });
    const problems = (error as { details: { problems: Array<Record<string, unknown>> } }).details.problems;
    expect(problems).toContainEqual({ nodeId: 'gen-market-storm', rule: 'V47', severity: 'error', message: 'Fallback configuration is required', path: 'fallback' });
    expect(problems.every((p) => p.nodeId !== 'gen-docks-ambient')).toBe(true);
    await expect(readdir(outDir)).rejects.toMatchObject({ code: 'ENOENT' });
    const check = await checkExport({ document, projectPath });
    expect(check.ok).toBe(false);
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual(problems);
  });

  it('refuses a graph error with the graph message', async () => {
    const { dir, projectPath, document } = await sampleProject();
    document.edges.push({ id: 'edge-ghost', source: 's-market', target: 's-nowhere' });
    await expect(runExport({ document, projectPath, outDir: path.join(dir, 'out') })).rejects.toMatchObject({
      code: 'GEN_EXPORT_BLOCKED',
      message: 'Export refused: the graph has 1 error(s).',
      details: { problems: [{ nodeId: 'edge-ghost', rule: 'G02', severity: 'error', message: "Edge 'edge-ghost' points to missing node 's-nowhere'", path: 'edges[14].target' }] },
    });
  });

  it('refuses a node whose provider is not configured (V53), as at creation', async () => {
    const { dir, projectPath, document } = await sampleProject();
    Object.assign(node(document, 'gen-tavern-variation').config, { provider: 'comfy-remote' });
    await expect(runExport({ document, projectPath, outDir: path.join(dir, 'out') }, { providers: ['local-preview'] })).rejects.toMatchObject({
      code: 'GEN_EXPORT_BLOCKED',
      details: { problems: [expect.objectContaining({ nodeId: 'gen-tavern-variation', rule: 'V53' })] },
    });
  });

  it('skips disabled nodes and lists them', async () => {
    const { dir, projectPath, document } = await sampleProject();
    Object.assign(node(document, 'gen-tomas-reaction').config, { enabled: false });
    const outDir = path.join(dir, 'out');
    const result = await runExport({ document, projectPath, outDir });
    expect(result.skippedNodes).toEqual(['gen-tomas-reaction']);
    const bundle = await readJson(path.join(outDir, BUNDLE_FILE));
    expect(bundle.skippedNodes).toEqual(['gen-tomas-reaction']);
    expect((bundle.nodes as Array<{ id: string }>).map((n) => n.id)).not.toContain('gen-tomas-reaction');
    // Tomas's portrait was used only by that node.
    expect(result.files).not.toContain('assets/tomas.svg');
  });

  it('refuses a folder that is neither empty nor a previous bundle with GEN_EXPORT_DIR_NOT_EMPTY', async () => {
    const { dir, projectPath, document } = await sampleProject();
    const outDir = path.join(dir, 'busy');
    await mkdir(outDir);
    await writeFile(path.join(outDir, 'notes.txt'), 'mine');
    await expect(runExport({ document, projectPath, outDir })).rejects.toMatchObject({
      code: 'GEN_EXPORT_DIR_NOT_EMPTY',
      message: `The folder '${outDir}' is not empty and does not hold a previous export. Choose an empty folder.`,
      details: { outDir },
    });
    expect(await readdir(outDir)).toEqual(['notes.txt']);
  });

  it('replaces a previous bundle, removes the files it no longer lists and stale temp folders', async () => {
    const { dir, projectPath, document } = await sampleProject();
    const outDir = path.join(dir, 'out');
    await runExport({ document, projectPath, outDir });
    await mkdir(path.join(outDir, `${EXPORT_TEMP_PREFIX}dead`));
    await writeFile(path.join(outDir, `${EXPORT_TEMP_PREFIX}dead`, 'half.json'), '{');
    Object.assign(node(document, 'gen-tomas-reaction').config, { enabled: false });
    await runExport({ document, projectPath, outDir });
    expect((await readdir(outDir)).sort()).toEqual(['assets', 'genweave-bundle.json', 'genweave-bundle.schema.json']);
    expect(await readdir(path.join(outDir, 'assets'))).toEqual(['storm-still.svg']);
  });

  it('with includeMedia embeds the stored result of each once node, by hash', async () => {
    const { dir, projectPath, document } = await sampleProject();
    const bytes = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const sha256 = sha256Hex(bytes);
    const queries: Array<{ nodeId: string; keyFormat: string }> = [];
    const outDir = path.join(dir, 'out');
    const result = await runExport(
      { document, projectPath, outDir, includeMedia: true },
      {
        mediaSource: async (query) => {
          queries.push({ nodeId: query.nodeId, keyFormat: query.keyFormat });
          return { generationId: 'gen-01', sha256, mediaType: 'image/svg+xml', read: async () => bytes };
        },
      },
    );
    expect(queries).toEqual([{ nodeId: 'gen-market-storm', keyFormat: 'generation:video_transition|gap_fill|s-market|s-storm|once|v1' }]);
    expect(result.files).toContain(`media/${sha256}.svg`);
    expect(await readFile(path.join(outDir, `media/${sha256}.svg`))).toEqual(bytes);
    const bundle = await readJson(path.join(outDir, BUNDLE_FILE));
    const storm = (bundle.nodes as Array<{ id: string; result?: unknown }>).find((n) => n.id === 'gen-market-storm');
    expect(storm?.result).toEqual({ kind: 'media', generationId: 'gen-01', path: `media/${sha256}.svg`, mediaType: 'image/svg+xml', sha256 });
  });
});
