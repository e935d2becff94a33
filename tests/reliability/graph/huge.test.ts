import { readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../core/cli';
import { createDefaultNodeConfig, type ProjectDocument } from '../../../core/domain';
import { BUNDLE_FILE, runExport } from '../../../core/export';
import { encodeProjectDocument, parseProjectText, readProjectFile, saveProjectFile } from '../../../core/project';
import { checkGraphProblems, validateGenerationNode } from '../../../core/validation';
import { chainDocument, makeTempDir, SAMPLE_DIR, SAMPLE_FILE } from '../../unit/project/project-test-kit';

// RELIABILITY.md IN-4: huge and cyclic graphs. Every traversal is iterative, and a cycle is not a finding.

function tenThousandNodes(): ProjectDocument {
  const doc = chainDocument(10_000, { cycle: true });
  // Every other scene gets a generation node between it and the next one: 5,000 nodes, 20,000 edges.
  doc.generationNodes = doc.scenes.filter((_, i) => i % 2 === 0).map((scene, i) => ({
    id: `gen-${i}`,
    label: `Node ${i}`,
    position: { x: scene.position.x, y: 100 },
    config: { ...createDefaultNodeConfig(), style: { moodFrom: 'a', moodTo: 'b' } },
  }));
  doc.generationNodes.forEach((node, i) => {
    doc.edges.push({ id: `in-${i}`, source: `s-${2 * i}`, target: node.id });
    doc.edges.push({ id: `out-${i}`, source: node.id, target: `s-${(2 * i + 1) % 10_000}` });
  });
  return doc;
}

describe('IN-4 huge and cyclic graphs', () => {
  it.each([
    ['a 10,000-scene chain', () => chainDocument(10_000)],
    ['a 10,000-scene cycle', () => chainDocument(10_000, { cycle: true })],
    ['5,000 generation nodes on a 10,000-scene cycle', tenThousandNodes],
  ])('checks %s without a finding or a RangeError', (_label, build) => {
    const doc = build();
    expect(checkGraphProblems(doc)).toEqual([]);
    for (const node of doc.generationNodes) expect(validateGenerationNode(node.config).errors).toEqual([]);
  });

  it('opens and saves a 10,000-scene cycle', async () => {
    const file = path.join(await makeTempDir(), 'cycle.genweave.json');
    const doc = tenThousandNodes();
    await saveProjectFile({ path: file, document: doc, expectedSha256: null });
    const loaded = await readProjectFile(file);
    expect(loaded.document.scenes).toHaveLength(10_000);
    expect(loaded.ignoredFields).toEqual([]);
  });

  it('does not report the sample with a choice looping back to s-arrival', () => {
    const doc = parseProjectText(readFileSync(SAMPLE_FILE, 'utf8'), SAMPLE_FILE).document;
    doc.edges.push({ id: 'edge-departure-arrival', source: 's-departure', target: 's-arrival' });
    expect(checkGraphProblems(doc)).toEqual([]);
    expect(parseProjectText(encodeProjectDocument(doc), 'loop').document.edges).toHaveLength(doc.edges.length);
  });

  it('exports 5,000 nodes on a 10,000-scene cycle', async () => {
    const dir = await makeTempDir();
    const doc = tenThousandNodes();
    const result = await runExport({ document: doc, projectPath: path.join(dir, 'p.genweave.json'), outDir: path.join(dir, 'out') });
    expect(result.files).toEqual(['genweave-bundle.schema.json', BUNDLE_FILE]);
    const bundle = JSON.parse(await readFile(path.join(dir, 'out', BUNDLE_FILE), 'utf8')) as { nodes: Array<{ fromSceneId: string; toSceneId: string }> };
    expect(bundle.nodes).toHaveLength(5_000);
    expect(bundle.nodes[4_999]).toMatchObject({ fromSceneId: 's-9998', toSceneId: 's-9999' });
  });

  it('runs genweave regress on the sample with a choice looping back to s-arrival', { timeout: 60_000 }, async () => {
    const dir = await makeTempDir();
    await cp(SAMPLE_DIR, dir, { recursive: true, filter: (source) => !source.endsWith('.snapshots.json') });
    const projectPath = path.join(dir, 'harbor-lights.genweave.json');
    const doc = parseProjectText(await readFile(projectPath, 'utf8'), projectPath).document;
    doc.edges.push({ id: 'edge-departure-arrival', source: 's-departure', target: 's-arrival' });
    await writeFile(projectPath, encodeProjectDocument(doc));
    const out: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: () => undefined, env: {}, signal: new AbortController().signal };
    const args = ['regress', projectPath, '--node', 'gen-market-storm', '--data-dir', path.join(dir, 'data')];
    expect(await runCli([...args, '--update'], io)).toBe(0);
    expect(await runCli(args, io)).toBe(0);
    expect(out.at(-1)).toBe('No changes in 2 snapshots.\n');
  });
});
