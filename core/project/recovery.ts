import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { GenError, type ProjectDocument, ProjectDocumentSchema } from '../domain';
import { toStorageError, writeFileAtomic } from './atomic-write';
import { encodeProjectDocument, errnoOf } from './project-file';

// project-format.md §4: autosave snapshots in `<dataDir>/recovery/<projectId>.genweave.json`, written
// atomically as `{ savedAt, path, baseSha256, document }`. Autosave never writes the project file.

export const RecoverySnapshotSchema = z.object({
  savedAt: z.string(),
  path: z.string().nullable(),
  baseSha256: z.string().nullable(),
  document: ProjectDocumentSchema,
});
export type RecoverySnapshot = z.infer<typeof RecoverySnapshotSchema>;
export type RecoverableProject = { projectId: string; title: string; path: string | null; savedAt: string };

const SUFFIX = '.genweave.json';
// The file name comes from a document the renderer sent: only a UUID may become a path segment.
const PROJECT_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function recoveryDir(dataDir: string): string {
  return path.join(dataDir, 'recovery');
}

function snapshotFile(dataDir: string, projectId: string): string | null {
  return PROJECT_ID.test(projectId) ? path.join(recoveryDir(dataDir), `${projectId}${SUFFIX}`) : null;
}

export async function writeRecoverySnapshot(
  dataDir: string,
  snapshot: { document: ProjectDocument; path: string | null; baseSha256: string | null; savedAt: string },
): Promise<{ savedAt: string }> {
  const file = snapshotFile(dataDir, snapshot.document.projectId);
  if (file === null) throw notFound(snapshot.document.projectId);
  // The document is encoded canonically, then embedded, so the snapshot restores exactly what was sent.
  const document: unknown = JSON.parse(encodeProjectDocument(snapshot.document));
  const body = { savedAt: snapshot.savedAt, path: snapshot.path, baseSha256: snapshot.baseSha256, document };
  try {
    await mkdir(recoveryDir(dataDir), { recursive: true });
  } catch (cause) {
    throw toStorageError(cause, 'create the recovery folder');
  }
  await writeFileAtomic(file, `${JSON.stringify(body, null, 2)}\n`, { operation: 'write the recovery snapshot' });
  return { savedAt: snapshot.savedAt };
}

/** The snapshot of one project, or null when there is none (or it cannot be read as one). */
export async function readRecoverySnapshot(dataDir: string, projectId: string): Promise<RecoverySnapshot | null> {
  const file = snapshotFile(dataDir, projectId);
  if (file === null) return null;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT') return null;
    throw toStorageError(cause, 'read the recovery snapshot');
  }
  return parseSnapshot(text);
}

export async function listRecoverable(dataDir: string): Promise<RecoverableProject[]> {
  let names: string[];
  try {
    names = await readdir(recoveryDir(dataDir));
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT') return [];
    throw toStorageError(cause, 'list the recovery snapshots');
  }
  const items: RecoverableProject[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith(SUFFIX)) continue;
    const snapshot = await readRecoverySnapshot(dataDir, name.slice(0, -SUFFIX.length));
    if (snapshot === null) continue;
    items.push({ projectId: snapshot.document.projectId, title: snapshot.document.name, path: snapshot.path, savedAt: snapshot.savedAt });
  }
  return items.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
}

/** `project.restore`: the snapshot, or GEN_NOT_FOUND. */
export async function restoreRecoverySnapshot(dataDir: string, projectId: string): Promise<RecoverySnapshot> {
  const snapshot = await readRecoverySnapshot(dataDir, projectId);
  if (snapshot === null) throw notFound(projectId);
  return snapshot;
}

export async function discardRecoverySnapshot(dataDir: string, projectId: string): Promise<void> {
  const file = snapshotFile(dataDir, projectId);
  if (file === null) return;
  try {
    await rm(file, { force: true });
  } catch (cause) {
    throw toStorageError(cause, 'delete the recovery snapshot');
  }
}

function parseSnapshot(text: string): RecoverySnapshot | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    // A torn or foreign file in the recovery folder is not a snapshot; it must not block the welcome screen.
    if (cause instanceof SyntaxError) return null;
    throw cause;
  }
  const result = RecoverySnapshotSchema.safeParse(raw);
  return result.success ? result.data : null;
}

function notFound(projectId: string): GenError {
  return new GenError('GEN_NOT_FOUND', `Recovery snapshot '${projectId}' was not found.`, { entity: 'recovery snapshot', id: projectId });
}
