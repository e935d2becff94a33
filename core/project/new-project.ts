import { randomUUID } from 'node:crypto';
import { cp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmptyProject, GenError, type ProjectDocument } from '../domain';
import { toStorageError } from './atomic-write';
import { errnoOf, parseProjectText } from './project-file';
import { type SavedProject, saveProjectFile } from './save-project';

// rpc.md §3 project.new: 'sample' copies the sample project and its assets and assigns a new projectId.

export const SAMPLE_FILE_NAME = 'harbor-lights.genweave.json';
export const DEFAULT_SAMPLE_DIR = fileURLToPath(new URL('../../resources/sample/', import.meta.url));

/** `~/Genweave/Harbor Lights/harbor-lights.genweave.json`, or `Harbor Lights 2`, `3`… when taken. */
export async function defaultSamplePath(homeDir: string = os.homedir()): Promise<string> {
  for (let n = 1; ; n += 1) {
    const dir = path.join(homeDir, 'Genweave', n === 1 ? 'Harbor Lights' : `Harbor Lights ${n}`);
    if (!(await exists(dir))) return path.join(dir, SAMPLE_FILE_NAME);
  }
}

export async function loadSampleDocument(sampleDir: string = DEFAULT_SAMPLE_DIR): Promise<ProjectDocument> {
  const file = path.join(sampleDir, SAMPLE_FILE_NAME);
  return parseProjectText(await readFile(file, 'utf8'), file).document;
}

export type NewProjectOptions = {
  template: 'empty' | 'sample';
  path?: string;
  now?: () => Date;
  sampleDir?: string;
  homeDir?: string;
};

export type NewProject = { document: ProjectDocument; path: string | null; saved: SavedProject | null };

export async function createNewProject(options: NewProjectOptions): Promise<NewProject> {
  const now = options.now ?? (() => new Date());
  if (options.template === 'empty') {
    const document = createEmptyProject({ name: 'Untitled project', now: now().toISOString(), projectId: randomUUID() });
    if (options.path === undefined) return { document, path: null, saved: null };
    await refuseExisting(options.path);
    const saved = await saveProjectFile({ path: options.path, document, expectedSha256: null, now });
    return { document: saved.document, path: saved.path, saved };
  }
  const sampleDir = options.sampleDir ?? DEFAULT_SAMPLE_DIR;
  const target = options.path === undefined ? await defaultSamplePath(options.homeDir) : path.resolve(options.path);
  await refuseExisting(target);
  const sample = await loadSampleDocument(sampleDir);
  const stamp = now().toISOString();
  const document: ProjectDocument = { ...sample, projectId: randomUUID(), createdAt: stamp, updatedAt: stamp };
  try {
    // Assets first: a document that exists always has its assets beside it.
    await cp(path.join(sampleDir, 'assets'), path.join(path.dirname(target), 'assets'), { recursive: true, errorOnExist: false, force: false });
  } catch (cause) {
    throw toStorageError(cause, "copy the sample project's assets");
  }
  const saved = await saveProjectFile({ path: target, document, expectedSha256: null, now });
  return { document: saved.document, path: saved.path, saved };
}

async function refuseExisting(file: string): Promise<void> {
  if (await exists(file)) {
    throw new GenError('GEN_BAD_REQUEST', `Invalid request: 'path' already exists.`, {
      issues: [{ path: 'path', message: `'${file}' already exists` }],
    });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT') return false;
    throw toStorageError(cause, `inspect '${file}'`);
  }
}
