import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toStorageError } from './sqlite-errors';

// engine.md §5: content-addressed files `media/<aa>/<sha256>.<ext>`. A write goes to media/.tmp,
// is fsynced and renamed into place; files are never modified afterwards.

const EXTENSIONS: Record<string, string> = {
  'image/svg+xml': 'svg',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/ogg': 'ogg',
};

export function extensionForMediaType(mediaType: string): string {
  return EXTENSIONS[mediaType.split(';')[0]?.trim().toLowerCase() ?? ''] ?? 'bin';
}

export function mediaTypeForExtension(ext: string): string {
  const lower = ext.toLowerCase() === 'jpeg' ? 'jpg' : ext.toLowerCase();
  return Object.entries(EXTENSIONS).find(([, e]) => e === lower)?.[0] ?? 'application/octet-stream';
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type StoredMedia = { sha256: string; mediaType: string; byteLength: number };

export type MediaStore = {
  root: string;
  put(bytes: Uint8Array, mediaType: string): StoredMedia;
  has(sha256: string, mediaType: string): boolean;
  pathOf(sha256: string, mediaType: string): string;
  read(sha256: string, mediaType: string): Promise<Uint8Array>;
};

export function openMediaStore(dataDir: string): MediaStore {
  const root = join(dataDir, 'media');
  const tmp = join(root, '.tmp');
  // Partial writes of a process that died mid-write are dropped at open (engine.md §1).
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });

  function pathOf(sha256: string, mediaType: string): string {
    return join(root, sha256.slice(0, 2), `${sha256}.${extensionForMediaType(mediaType)}`);
  }

  return {
    root,
    pathOf,
    has: (sha256, mediaType) => existsSync(pathOf(sha256, mediaType)),
    read: (sha256, mediaType) => readFile(pathOf(sha256, mediaType)),
    put(bytes, mediaType) {
      const sha256 = sha256Hex(bytes);
      const target = pathOf(sha256, mediaType);
      const stored = { sha256, mediaType, byteLength: bytes.byteLength };
      if (existsSync(target)) return stored;
      const temp = join(tmp, `${randomUUID()}.part`);
      try {
        const fd = openSync(temp, 'w');
        try {
          let offset = 0;
          while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true });
        if (existsSync(target)) rmSync(temp, { force: true });
        else renameSync(temp, target);
      } catch (error) {
        rmSync(temp, { force: true });
        throw toStorageError(error, 'write a media file');
      }
      return stored;
    },
  };
}

/** Number of leftover partial files, for checks and tests. */
export function countTempFiles(store: MediaStore): number {
  const dir = join(store.root, '.tmp');
  return existsSync(dir) ? readdirSync(dir).length : 0;
}
