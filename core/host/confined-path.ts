// Path confinement for every file a host serves (EL-7, HOST-4, rpc.md §5): decode once, refuse NUL and
// absolute paths, resolve symlinks with realpath, then compare with path.relative, never with a string prefix.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type ConfinedLookup = { status: 'ok'; path: string; size: number } | { status: 'outside' } | { status: 'missing' };

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves `encoded` (a URL path below the route, still percent-encoded) to a regular file inside `root`.
 * A malformed escape, NUL, a backslash, an absolute path, or anything that leaves the root (lexically or
 * through a symlink) is `outside`; a path that stays inside but names no regular file is `missing`.
 */
export async function resolveConfinedFile(root: string, encoded: string): Promise<ConfinedLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch (thrown) {
    if (thrown instanceof URIError) return { status: 'outside' };
    throw thrown;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || isAbsolute(decoded) || /^[A-Za-z]:/.test(decoded)) {
    return { status: 'outside' };
  }
  const realRoot = await realpathOrNull(root);
  if (realRoot === null) return { status: 'missing' };
  const lexical = resolve(realRoot, decoded);
  if (!isInside(realRoot, lexical)) return { status: 'outside' };
  const real = await realpathOrNull(lexical);
  if (real === null) return { status: 'missing' };
  if (!isInside(realRoot, real)) return { status: 'outside' };
  const info = await stat(real);
  return info.isFile() ? { status: 'ok', path: real, size: info.size } : { status: 'missing' };
}

async function realpathOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'EACCES') return null;
    throw thrown;
  }
}
