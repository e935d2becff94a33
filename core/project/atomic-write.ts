import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { GenError, isGenError } from '../domain';

// project-format.md §3 (atomic save): a crash leaves the old file or the new one, never a mix.

/** The file-system calls an atomic write makes; tests pass a wrapper to inject faults (RELIABILITY.md DUR-6). */
export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'rm' | 'readdir' | 'stat'>;

export type AtomicWriteOptions = { operation: string; fs?: AtomicFs };

const CHUNK_BYTES = 64 * 1024;

export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // Rename is atomic only within one filesystem, so the temp file sits beside the target, not in os.tmpdir().
  const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    const handle = await fs.open(temp, 'wx', 0o644);
    try {
      for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
        const chunk = bytes.subarray(offset, Math.min(offset + CHUNK_BYTES, bytes.length));
        let written = 0;
        while (written < chunk.length) {
          const { bytesWritten } = await handle.write(chunk, written, chunk.length - written);
          written += bytesWritten;
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (cause) {
    await fs.rm(temp, { force: true });
    throw toStorageError(cause, options.operation);
  }
  await syncDirectory(path.dirname(target), fs);
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; there the rename is all we get. */
export async function syncDirectory(dir: string, fs: AtomicFs = nodeFs): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes `<base>.tmp-*` files in `dir` older than `maxAgeMs`, left behind by a crash mid-save. */
export async function removeStaleTemps(dir: string, base: string, nowMs: number, maxAgeMs: number, fs: AtomicFs = nodeFs): Promise<string[]> {
  const removed: string[] = [];
  const prefix = `${base}.tmp-`;
  for (const name of await fs.readdir(dir)) {
    if (!name.startsWith(prefix)) continue;
    const file = path.join(dir, name);
    const info = await fs.stat(file);
    if (info.isFile() && nowMs - info.mtimeMs > maxAgeMs) {
      await fs.rm(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}

/** errors.md: ENOSPC is GEN_STORAGE_FULL; any other I/O failure is GEN_STORAGE_ERROR naming the operation. */
export function toStorageError(cause: unknown, operation: string): GenError {
  if (isGenError(cause)) return cause;
  const errno = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
  const error =
    errno === 'ENOSPC' || errno === 'EDQUOT'
      ? new GenError('GEN_STORAGE_FULL', 'The disk is full, so nothing was saved. Free some space and try again.', { operation })
      : new GenError('GEN_STORAGE_ERROR', `Could not ${operation}: ${reasonOf(cause)}.`, {
          operation,
          reason: reasonOf(cause),
          ...(errno === undefined ? {} : { errno }),
        });
  error.cause = cause;
  return error;
}

function reasonOf(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.replace(/\.$/, '');
}
