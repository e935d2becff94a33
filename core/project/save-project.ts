import { constants } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { GenError, type ProjectDocument } from '../domain';
import { type AtomicFs, removeStaleTemps, toStorageError, writeFileAtomic } from './atomic-write';
import { encodeProjectDocument, errnoOf, requireProjectDocument, sha256Hex } from './project-file';

// project-format.md §3: compare the hash on disk, keep a backup before the first save after a migration,
// then write atomically.

export type SaveProjectOptions = {
  path: string;
  document: ProjectDocument;
  /** The hash recorded when the file was last read or written; `null` expects no file; absent skips the check. */
  expectedSha256?: string | null;
  force?: boolean;
  /** The schemaVersion the document was migrated from and not yet saved since, else null. */
  migratedFrom?: number | null;
  now?: () => Date;
  fs?: AtomicFs;
};

export type SavedProject = { path: string; savedAt: string; sha256: string; document: ProjectDocument };

const STALE_TEMP_MS = 60 * 60 * 1000;

export async function saveProjectFile(options: SaveProjectOptions): Promise<SavedProject> {
  const target = path.resolve(options.path);
  const now = options.now ?? (() => new Date());
  const document = requireProjectDocument(options.document);
  const current = await readIfExists(target);
  const actualSha256 = current === null ? null : sha256Hex(current);

  if (options.expectedSha256 !== undefined && options.expectedSha256 !== actualSha256 && options.force !== true) {
    throw new GenError(
      'GEN_PROJECT_CHANGED_ON_DISK',
      'The project file changed on disk after it was opened. Reload it, or save again to overwrite it.',
      { path: target, expectedSha256: options.expectedSha256, actualSha256 },
    );
  }

  // Saving an unchanged document rewrites nothing, so its bytes (updatedAt included) stay identical.
  const migrated = options.migratedFrom !== undefined && options.migratedFrom !== null;
  if (current !== null && !migrated && encodeProjectDocument(document) === current.toString('utf8')) {
    return { path: target, savedAt: now().toISOString(), sha256: actualSha256!, document };
  }

  const savedAt = now().toISOString();
  const saved: ProjectDocument = { ...document, updatedAt: savedAt };
  const bytes = encodeProjectDocument(saved);
  await mkdir(path.dirname(target), { recursive: true }).catch((cause: unknown) => {
    throw toStorageError(cause, `create the folder '${path.dirname(target)}'`);
  });
  if (migrated && current !== null) await backUpOriginal(target, options.migratedFrom!);
  await removeStaleTemps(path.dirname(target), path.basename(target), now().getTime(), STALE_TEMP_MS, options.fs).catch(
    (cause: unknown) => {
      throw toStorageError(cause, 'remove old temporary files');
    },
  );
  await writeFileAtomic(target, bytes, { operation: 'save the project', ...(options.fs ? { fs: options.fs } : {}) });
  return { path: target, savedAt, sha256: sha256Hex(bytes), document: saved };
}

/** `<name>.genweave.json.v<N>.bak`, copied once: an existing backup is the older original and is kept. */
async function backUpOriginal(target: string, fromVersion: number): Promise<void> {
  const backup = `${target}.v${fromVersion}.bak`;
  try {
    await copyFile(target, backup, constants.COPYFILE_EXCL);
  } catch (cause) {
    if (errnoOf(cause) !== 'EEXIST') throw toStorageError(cause, 'back up the project file before its first save after migration');
  }
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT') return null;
    throw toStorageError(cause, `read the project file '${file}'`);
  }
}
