// rpc.md §5 in browser mode: `/media/<sha256>` from the data dir, `/asset/<path>` from the client's project folder.
import { stat } from 'node:fs/promises';
import { type ClientSession, projectFolderOf } from './client-session';
import { resolveConfinedFile } from './confined-path';
import { contentTypeForPath } from './content-types';
import { findMediaFile } from './media-lookup';

export type FileRoute = { status: 200; path: string; size: number; mediaType: string } | { status: 403 | 404 };

export async function routeMedia(dataDir: string, hash: string): Promise<FileRoute> {
  const media = await findMediaFile(dataDir, hash);
  if (media === null) return { status: 404 };
  const info = await stat(media.path);
  return { status: 200, path: media.path, size: info.size, mediaType: media.mediaType };
}

/** Resolves against the newest client of this cookie that has a project folder (GEN_PATH_OUTSIDE_ROOT → 403). */
export async function routeAsset(clients: readonly ClientSession[], encodedPath: string): Promise<FileRoute> {
  const folder = [...clients].reverse().map(projectFolderOf).find((f) => f !== null);
  if (folder === undefined || folder === null) return { status: 404 };
  const file = await resolveConfinedFile(folder, encodedPath);
  if (file.status === 'outside') return { status: 403 };
  if (file.status === 'missing') return { status: 404 };
  return { status: 200, path: file.path, size: file.size, mediaType: contentTypeForPath(file.path) };
}
