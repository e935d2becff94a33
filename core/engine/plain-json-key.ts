// A memo key for request parts that are plain JSON data: the same text for equal data written in the same
// key order, and null for anything a JSON text could not carry exactly — NaN, ±Infinity, -0, undefined
// values, functions, symbols, bigints, sparse or exotic arrays, objects with a prototype other than
// Object's (class instances, proxies of them), cycles, deep nesting. JSON.stringify would write
// several of those as `null` or drop them, so two different values could share a key; here they simply
// get no key, and the caller computes without the memo.

const MAX_DEPTH = 64;

export function plainJsonKey(value: unknown): string | null {
  try {
    const parts: string[] = [];
    return write(value, parts, 0) ? parts.join('') : null;
  } catch {
    return null; // a revoked proxy or a throwing trap: not plain data, so no key
  }
}

function write(value: unknown, parts: string[], depth: number): boolean {
  switch (typeof value) {
    case 'string':
      parts.push(JSON.stringify(value));
      return true;
    case 'number':
      if (!Number.isFinite(value) || Object.is(value, -0)) return false;
      parts.push(String(value));
      return true;
    case 'boolean':
      parts.push(value ? 'true' : 'false');
      return true;
    case 'object':
      if (value === null) {
        parts.push('null');
        return true;
      }
      if (depth >= MAX_DEPTH) return false;
      return Array.isArray(value) ? writeArray(value, parts, depth) : writeObject(value, parts, depth);
    default:
      return false;
  }
}

function writeArray(items: unknown[], parts: string[], depth: number): boolean {
  if (Object.getPrototypeOf(items) !== Array.prototype) return false;
  parts.push('[');
  for (let i = 0; i < items.length; i += 1) {
    if (!Object.hasOwn(items, i)) return false;
    if (i > 0) parts.push(',');
    if (!write(items[i], parts, depth + 1)) return false;
  }
  parts.push(']');
  return true;
}

function writeObject(record: object, parts: string[], depth: number): boolean {
  const proto: unknown = Object.getPrototypeOf(record);
  if (proto !== Object.prototype && proto !== null) return false;
  parts.push('{');
  let first = true;
  for (const key of Object.keys(record)) {
    if (!first) parts.push(',');
    first = false;
    parts.push(JSON.stringify(key), ':');
    // An accessor is read once here; one that answers differently on every read defeats any memo, and the
    // validator reads such values defensively anyway (validation/safe-read.ts).
    if (!write((record as Record<string, unknown>)[key], parts, depth + 1)) return false;
  }
  parts.push('}');
  return true;
}
