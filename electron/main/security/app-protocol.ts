// rpc.md §5 and §7, EL-7: `app://genweave/…` serves the built renderer, generated media by hash and the open
// project's assets, each confined to its folder (realpath, then path.relative; never a string prefix).
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { resolveConfinedFile } from '../../../core/host/confined-path';
import { contentTypeForPath } from '../../../core/host/content-types';
import { routeMedia } from '../../../core/host/file-routes';
import { STUDIO_CSP } from '../../../core/host/security-headers';
import { isAppUrl } from './sender';

export type AppProtocolOptions = {
  rendererDir: string;
  dataDir: string;
  /** The project folder of the window that is asking (the focused one), or null when it has none. */
  projectFolder(): string | null;
};

const BASE_HEADERS = { 'Content-Security-Policy': STUDIO_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

function status(code: 403 | 404 | 405): Response {
  return new Response(null, { status: code, headers: { ...BASE_HEADERS, 'Cache-Control': 'no-store' } });
}

function fileResponse(path: string, size: number, contentType: string, cacheable: boolean): Response {
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  const headers: Record<string, string> = { ...BASE_HEADERS, 'Content-Type': contentType, 'Content-Length': String(size) };
  if (!cacheable) headers['Cache-Control'] = 'no-store';
  return new Response(body, { status: 200, headers });
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return status(405);
    if (!isAppUrl(request.url)) return status(404);
    const path = new URL(request.url).pathname;
    if (path.startsWith('/media/')) {
      const media = await routeMedia(options.dataDir, path.slice('/media/'.length));
      return media.status === 200 ? fileResponse(media.path, media.size, media.mediaType, false) : status(media.status);
    }
    if (path.startsWith('/asset/')) {
      const folder = options.projectFolder();
      if (folder === null) return status(404);
      const asset = await resolveConfinedFile(folder, path.slice('/asset/'.length));
      if (asset.status === 'ok') return fileResponse(asset.path, asset.size, contentTypeForPath(asset.path), false);
      return status(asset.status === 'outside' ? 403 : 404);
    }
    const file = await resolveConfinedFile(options.rendererDir, path === '/' ? 'index.html' : path.slice(1));
    return file.status === 'ok' ? fileResponse(file.path, file.size, contentTypeForPath(file.path), true) : status(404);
  };
}
