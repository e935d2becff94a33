// rpc.md §5: generated media by hash. The store names files `<aa>/<sha256>.<ext>`; the extension gives the
// stored media type back.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { mediaTypeForExtension } from '../storage/media-store';

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export type MediaFile = { path: string; mediaType: string };

export async function findMediaFile(dataDir: string, sha256: string): Promise<MediaFile | null> {
  if (!SHA256_PATTERN.test(sha256)) return null;
  const folder = join(dataDir, 'media', sha256.slice(0, 2));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw thrown;
  }
  const name = names.find((n) => n.startsWith(`${sha256}.`));
  if (name === undefined) return null;
  return { path: join(folder, name), mediaType: mediaTypeForExtension(name.slice(sha256.length + 1)) };
}
