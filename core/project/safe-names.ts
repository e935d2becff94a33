import { randomBytes } from 'node:crypto';
import { mediaTypeFromExtension } from '../domain';

// project-format.md §6 (path confinement): every written file name is built from fixed names, hex hashes or
// sanitized base names, so no authored text can steer a write (RELIABILITY.md IN-1).

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME = 100;

/** `[A-Za-z0-9._-]` only, others become `_`; no leading dot, no trailing dot, at most 100 characters. */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let safe = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').replace(/\.+$/, '');
  if (safe.length > MAX_NAME) {
    const ext = /\.[A-Za-z0-9]{1,10}$/.exec(safe)?.[0] ?? '';
    safe = safe.slice(0, MAX_NAME - ext.length) + ext;
  }
  if (safe === '' || safe === '_') safe = 'file';
  // Windows refuses device names with any extension (CON.txt), so they get a prefix.
  if (WINDOWS_RESERVED.test(safe.split('.')[0]!)) safe = `_${safe}`.slice(0, MAX_NAME);
  return safe;
}

/** `name`, or `name-2.ext`, `name-3.ext`… — the first not in `taken` (compared case-insensitively). */
export function uniqueFileName(name: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${stem.slice(0, MAX_NAME - ext.length - suffix.length)}${suffix}${ext}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** The studio's generated ids: a prefix and 8 base-36 characters (project-format.md §2.1). */
export function generateEntityId(prefix: string): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  const bytes = randomBytes(8);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % 36];
  return `${prefix}${out}`;
}

export function mediaTypeForFileName(name: string): string {
  return mediaTypeFromExtension(name) ?? 'application/octet-stream';
}
