import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { lstat, mkdir, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { GenError } from '../domain';
import { outsideRoot, syncDirectory, toStorageError } from '../project';
import { errnoOf } from '../project/project-file';
import { BUNDLE_FILE, BUNDLE_SCHEMA_FILE } from './bundle-schema';

// project-format.md §6 (path confinement, atomic): files go into `<outDir>/.genweave-export-<random>/`, are
// fsynced, then renamed into place with the bundle file last; its presence marks a complete export.

export const EXPORT_TEMP_PREFIX = '.genweave-export-';
const OWN_FILE = /^(assets|media)\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;

export type PlannedFile = { relativePath: string; bytes: Uint8Array };

/** The calls that write an export; tests pass a wrapper to inject faults (RELIABILITY.md DUR-6). */
export type ExportFs = Pick<typeof nodeFs, 'open' | 'mkdir' | 'rename' | 'rm' | 'readdir' | 'lstat'>;

export type PreparedOutDir = {
  root: string;
  /** Bundle-relative files of the previous export in this folder, if any. */
  previousFiles: string[];
};

/** Resolves `outDir` once (creating it), and refuses a folder that is neither empty nor a previous bundle. */
export async function prepareOutDir(outDir: string): Promise<PreparedOutDir> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (cause) {
    throw toStorageError(cause, `create the export folder '${outDir}'`);
  }
  const root = await realpath(outDir);
  const entries = (await readdir(root)).filter((name) => !name.startsWith(EXPORT_TEMP_PREFIX));
  if (entries.length === 0) return { root, previousFiles: [] };
  const previousFiles = await previousBundleFiles(root);
  if (previousFiles === null) {
    throw new GenError(
      'GEN_EXPORT_DIR_NOT_EMPTY',
      `The folder '${outDir}' is not empty and does not hold a previous export. Choose an empty folder.`,
      { outDir },
    );
  }
  return { root, previousFiles };
}

async function previousBundleFiles(root: string): Promise<string[] | null> {
  const file = path.join(root, BUNDLE_FILE);
  try {
    if (!(await lstat(file)).isFile()) return null;
    const bundle = JSON.parse(await readFile(file, 'utf8')) as {
      assets?: Array<{ path?: unknown }>;
      nodes?: Array<{ result?: { path?: unknown } }>;
    };
    const listed = [BUNDLE_SCHEMA_FILE, BUNDLE_FILE];
    const add = (candidate: unknown) => {
      // Only names this exporter could have written are removed later; anything else in the file is ignored.
      if (typeof candidate === 'string' && OWN_FILE.test(candidate)) listed.push(candidate);
    };
    for (const asset of bundle.assets ?? []) add(asset.path);
    for (const node of bundle.nodes ?? []) add(node.result?.path);
    return listed;
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT' || cause instanceof SyntaxError) return null;
    throw toStorageError(cause, 'read the previous export');
  }
}

/** `p` lies inside `root`: `path.relative` is neither absolute nor starting with `..`. */
export function confined(root: string, relativePath: string): string {
  const target = path.resolve(root, relativePath);
  const relative = path.relative(root, target);
  if (relative === '' || path.isAbsolute(relative) || relative.startsWith('..')) throw outsideRoot(relativePath, 'export');
  return target;
}

export async function writeBundleFiles(
  prepared: PreparedOutDir,
  files: readonly PlannedFile[],
  options: { signal?: AbortSignal; fs?: ExportFs } = {},
): Promise<void> {
  const { root } = prepared;
  const fs = options.fs ?? nodeFs;
  const signal = options.signal;
  await removeStaleTempFolders(root, fs);
  const temp = path.join(root, `${EXPORT_TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
  try {
    // Stage everything, so that a failure (disk full, cancel) leaves the previous export untouched.
    for (const file of files) {
      signal?.throwIfAborted();
      const staged = confined(temp, file.relativePath);
      await fs.mkdir(path.dirname(staged), { recursive: true });
      await writeSynced(fs, staged, file.bytes);
    }
    for (const dir of new Set(files.map((f) => path.dirname(f.relativePath)).filter((d) => d !== '.'))) {
      await ensureRealDirectory(fs, root, dir);
    }
    // The bundle file goes last: its presence marks a complete export.
    const ordered = [...files.filter((f) => f.relativePath !== BUNDLE_FILE), ...files.filter((f) => f.relativePath === BUNDLE_FILE)];
    for (const file of ordered) {
      // rename() replaces a symlink at the target itself; it never writes through it.
      await fs.rename(confined(temp, file.relativePath), confined(root, file.relativePath));
    }
    const kept = new Set(files.map((f) => f.relativePath));
    for (const old of prepared.previousFiles) {
      if (!kept.has(old)) await fs.rm(confined(root, old), { force: true });
    }
    await syncDirectory(root);
  } catch (cause) {
    throw isAbort(cause) ? cause : toStorageError(cause, 'write the export');
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
}

/** A bundle subfolder (`assets`, `media`) must be a real folder inside root, never a symlink to elsewhere. */
async function ensureRealDirectory(fs: ExportFs, root: string, relativeDir: string): Promise<void> {
  const dir = confined(root, relativeDir);
  try {
    const info = await fs.lstat(dir);
    if (info.isSymbolicLink() || !info.isDirectory()) throw outsideRoot(relativeDir, 'export');
  } catch (cause) {
    if (errnoOf(cause) !== 'ENOENT') throw cause;
    await fs.mkdir(dir);
  }
}

async function writeSynced(fs: ExportFs, file: string, bytes: Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx', 0o644);
  try {
    let written = 0;
    while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeStaleTempFolders(root: string, fs: ExportFs): Promise<void> {
  for (const name of await fs.readdir(root)) {
    if (name.startsWith(EXPORT_TEMP_PREFIX)) await fs.rm(path.join(root, name), { recursive: true, force: true });
  }
}

function isAbort(cause: unknown): boolean {
  return cause instanceof Error && cause.name === 'AbortError';
}
