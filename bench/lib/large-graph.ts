import { randomUUID } from 'node:crypto';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSampleDocument, SAMPLE_DIR, variedConfigs } from './sample-project';

// A project of N nodes for the graph rows: the sample project's world, NPCs, prompts and assets, with its
// graph replaced by N/2 scenes and N/2 generation nodes in a chain (scene → generation → next scene), laid
// out on a grid 25 pairs wide. Written next to a copy of the sample's assets so every reference resolves.

const PAIRS_PER_ROW = 25;

export async function writeLargeProject(dir: string, nodeCount: number): Promise<string> {
  const doc = readSampleDocument();
  const pairs = Math.floor(nodeCount / 2);
  const configs = variedConfigs(doc, pairs);
  const templates = doc.scenes;
  const scenes = Array.from({ length: pairs }, (_, k) => {
    const { referenceImage: _image, ...template } = templates[k % templates.length]!;
    return {
      ...template,
      id: `s-${k}`,
      title: `${String(template.title)} ${k}`,
      position: { x: (k % PAIRS_PER_ROW) * 560, y: Math.floor(k / PAIRS_PER_ROW) * 200 },
    };
  });
  const generationNodes = configs.map((config, k) => ({
    id: `gen-${k}`,
    label: `Generation ${k}`,
    position: { x: (k % PAIRS_PER_ROW) * 560 + 280, y: Math.floor(k / PAIRS_PER_ROW) * 200 },
    config,
  }));
  const edges = Array.from({ length: pairs }, (_, k) => [
    { id: `e-in-${k}`, source: `s-${k}`, target: `gen-${k}` },
    ...(k + 1 < pairs ? [{ id: `e-out-${k}`, source: `gen-${k}`, target: `s-${k + 1}` }] : []),
  ]).flat();
  const { view: _view, ...rest } = doc;
  const project = { ...rest, projectId: randomUUID(), name: `Bench graph ${nodeCount}`, scenes, generationNodes, edges };
  const projectDir = join(dir, `graph-${nodeCount}`);
  await mkdir(projectDir, { recursive: true });
  await cp(join(SAMPLE_DIR, 'assets'), join(projectDir, 'assets'), { recursive: true });
  const file = join(projectDir, `graph-${nodeCount}.genweave.json`);
  await writeFile(file, `${JSON.stringify(project, null, 2)}\n`);
  return file;
}
