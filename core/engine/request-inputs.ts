import { readFile, realpath } from 'node:fs/promises';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { GenError, type GenerationInput, type RequestInput } from '../domain';
import { mediaTypeForExtension, sha256Hex, type MediaStore } from '../storage';

// generation.md §5: media inputs resolved against the project folder, hashed and copied into the
// media store. Order: from_image, to_image, then seed_image entries in request order.

const ROLE_ORDER = { from_image: 0, to_image: 1, seed_image: 2 } as const;

function outsideRoot(path: string): GenError {
  return new GenError('GEN_PATH_OUTSIDE_ROOT', `Path '${path}' is outside the project folder.`, { path, root: 'project' });
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' ? false : !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** Reads and hashes every input; copies them into the store unless `store` is null (dry runs). */
export async function resolveInputs(
  inputs: readonly RequestInput[] | undefined,
  projectPath: string | undefined,
  store: MediaStore | null,
): Promise<GenerationInput[]> {
  if (inputs === undefined || inputs.length === 0) return [];
  if (projectPath === undefined || !isAbsolute(projectPath)) {
    throw new GenError('GEN_BAD_REQUEST', "Invalid request: 'projectPath' is required as an absolute path when inputs are given.", {
      issues: [{ path: 'projectPath', message: 'is required as an absolute path when inputs are given' }],
    });
  }
  const root = dirname(projectPath);
  const ordered = inputs
    .map((input, index) => ({ input, index }))
    .sort((a, b) => ROLE_ORDER[a.input.role] - ROLE_ORDER[b.input.role] || a.index - b.index);
  const resolved: GenerationInput[] = [];
  for (const { input } of ordered) {
    const target = resolve(root, input.assetPath);
    if (isAbsolute(input.assetPath) || !isInside(root, target)) throw outsideRoot(input.assetPath);
    let real: string;
    try {
      real = await realpath(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new GenError('GEN_NOT_FOUND', `Asset '${input.assetPath}' was not found.`, { entity: 'asset', id: input.assetPath });
      }
      throw error;
    }
    // A symlink inside the folder may still point outside it.
    if (!isInside(await realpath(root), real)) throw outsideRoot(input.assetPath);
    const bytes = await readFile(real);
    const mediaType = mediaTypeForExtension(extname(real).slice(1));
    const sha256 = store === null ? sha256Hex(bytes) : store.put(bytes, mediaType).sha256;
    resolved.push({ role: input.role, sha256, mediaType });
  }
  return resolved;
}
