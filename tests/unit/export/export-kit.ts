import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectDocument } from '../../../core/domain';
import { readProjectFile } from '../../../core/project';
import { makeTempDir, SAMPLE_DIR } from '../project/project-test-kit';

/** A fresh copy of the sample project folder in a temp dir, opened. */
export async function sampleProject(): Promise<{ dir: string; projectPath: string; document: ProjectDocument }> {
  const dir = await makeTempDir('genweave-export-');
  const projectDir = path.join(dir, 'project');
  await cp(SAMPLE_DIR, projectDir, { recursive: true });
  const projectPath = path.join(projectDir, 'harbor-lights.genweave.json');
  const { document } = await readProjectFile(projectPath);
  return { dir, projectPath, document };
}

export async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}

export function fixedNow(iso: string): () => Date {
  return () => new Date(iso);
}
