import { mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Asset, GenError, isGenError, PROJECT_ID_PREFIXES, type ProjectDocument } from '../domain';
import { type AssetFileStatus, isAssetPathInside } from '../validation';
import { toStorageError } from './atomic-write';
import { errnoOf, sha256Hex } from './project-file';
import { generateEntityId, mediaTypeForFileName, sanitizeFileName, uniqueFileName } from './safe-names';

// Authored media live in `<project folder>/assets/` (project-format.md §1) and are read only from inside it.

export function outsideRoot(offending: string, root: 'project' | 'export'): GenError {
  return new GenError('GEN_PATH_OUTSIDE_ROOT', `Path '${offending}' is outside the ${root} folder.`, { path: offending, root });
}

/**
 * Resolves a document-relative asset path to a real file inside the project folder. Symlinks are resolved
 * before the containment check, so a link that points out of the folder is refused too.
 */
export async function resolveAssetFile(projectDir: string, assetPath: string): Promise<string> {
  if (!isAssetPathInside(assetPath)) throw outsideRoot(assetPath, 'project');
  const root = await realpath(projectDir);
  const real = await realpath(path.join(root, ...assetPath.split('/')));
  const relative = path.relative(root, real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw outsideRoot(assetPath, 'project');
  return real;
}

/** G06 input: for each asset, whether its file is there and still hashes to the recorded value. */
export async function checkAssetFiles(projectDir: string, assets: readonly Asset[]): Promise<Record<string, AssetFileStatus>> {
  const status: Record<string, AssetFileStatus> = {};
  for (const asset of assets) {
    if (!isAssetPathInside(asset.path)) continue; // G05 already reports it; nothing is read from outside.
    try {
      const bytes = await readFile(await resolveAssetFile(projectDir, asset.path));
      status[asset.id] = sha256Hex(bytes) === asset.sha256 ? 'ok' : 'changed';
    } catch (cause) {
      if (errnoOf(cause) === 'ENOENT' || errnoOf(cause) === 'ENOTDIR') status[asset.id] = 'missing';
      else if (isGenError(cause) && cause.code === 'GEN_PATH_OUTSIDE_ROOT') status[asset.id] = 'missing';
      else throw toStorageError(cause, `read the asset '${asset.path}'`);
    }
  }
  return status;
}

/**
 * `project.importAsset`: copies a file into `assets/` under a sanitized, unused name and describes it. The
 * caller adds the asset to its document.
 */
export async function importAssetFile(options: {
  projectPath: string;
  sourcePath: string;
  document?: Pick<ProjectDocument, 'assets'>;
}): Promise<Asset> {
  const assetsDir = path.join(path.dirname(path.resolve(options.projectPath)), 'assets');
  let bytes: Buffer;
  try {
    bytes = await readFile(options.sourcePath);
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT') {
      throw new GenError('GEN_NOT_FOUND', `File '${options.sourcePath}' was not found.`, { entity: 'file', id: options.sourcePath });
    }
    throw toStorageError(cause, `read '${options.sourcePath}'`);
  }
  try {
    await mkdir(assetsDir, { recursive: true });
    const taken = new Set(await readdir(assetsDir));
    const name = uniqueFileName(sanitizeFileName(path.basename(options.sourcePath)), taken);
    // The bytes that were hashed are the bytes written; 'wx' never replaces an existing file.
    await writeFile(path.join(assetsDir, name), bytes, { flag: 'wx' });
    const usedIds = new Set((options.document?.assets ?? []).map((asset) => asset.id));
    let id = generateEntityId(PROJECT_ID_PREFIXES.asset);
    while (usedIds.has(id)) id = generateEntityId(PROJECT_ID_PREFIXES.asset);
    return { id, path: `assets/${name}`, mediaType: mediaTypeForFileName(name), sha256: sha256Hex(bytes) };
  } catch (cause) {
    throw toStorageError(cause, `copy '${options.sourcePath}' into the project's assets folder`);
  }
}
