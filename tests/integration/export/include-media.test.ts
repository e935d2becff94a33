import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openEngine } from '../../../core/engine';
import { BUNDLE_FILE, engineMediaSource, runExport } from '../../../core/export';
import { buildCreateRequest, sha256Hex } from '../../../core/project';
import { makeTempDir } from '../../unit/project/project-test-kit';
import { sampleProject } from '../../unit/export/export-kit';

describe('export with includeMedia on the real engine', () => {
  it('embeds the newest completed result of each once node at its current version, and nothing after a version bump', async () => {
    const { dir, projectPath, document } = await sampleProject();
    const dataDir = await makeTempDir();
    const engine = await openEngine({ dataDir });
    onTestFinished(() => engine.close());
    const { generation } = await engine.generations.create(buildCreateRequest(document, 'gen-market-storm', { projectPath }));
    const done = await engine.generations.wait(generation.id, { timeoutMs: 30_000 });
    expect(done.status).toBe('completed');
    const sha = (done.result as { mediaSha256: string }).mediaSha256;

    const outDir = path.join(dir, 'out');
    const result = await runExport({ document, projectPath, outDir, includeMedia: true }, { mediaSource: engineMediaSource(engine, dataDir) });
    const mediaFile = result.files.find((f) => f.startsWith('media/'))!;
    expect(mediaFile).toBe(`media/${sha}.svg`);
    expect(sha256Hex(await readFile(path.join(outDir, mediaFile)))).toBe(sha);
    const bundle = JSON.parse(await readFile(path.join(outDir, BUNDLE_FILE), 'utf8')) as { nodes: Array<{ id: string; result?: { generationId: string } }> };
    expect(bundle.nodes.find((n) => n.id === 'gen-market-storm')!.result?.generationId).toBe(generation.id);

    // Raising the version makes the stored result stale: the next export embeds nothing and removes the old file.
    Object.assign(document.generationNodes.find((n) => n.id === 'gen-market-storm')!.config, { version: 2 });
    const after = await runExport({ document, projectPath, outDir, includeMedia: true }, { mediaSource: engineMediaSource(engine, dataDir) });
    expect(after.files.some((f) => f.startsWith('media/'))).toBe(false);
    await expect(readFile(path.join(outDir, mediaFile))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
