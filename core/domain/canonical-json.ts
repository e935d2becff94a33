import { GenError } from './gen-error';

// core-api.md "Reproducible hash": byte-compatible with Python
// json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=True).

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

// Everything outside printable ASCII (' '..'~'), plus the quote and the backslash. Astral characters are two
// UTF-16 code units, so escaping unit by unit yields Python's surrogate-pair escapes, lone surrogates included.
const NEEDS_ESCAPE = /["\\]|[^\x20-\x7e]/g;
const HAS_ESCAPE = /["\\]|[^\x20-\x7e]/;
const BEYOND_BMP_ORDER = /[\ud800-\uffff]/;

function escapeUnit(unit: string): string {
  return SHORT_ESCAPES[unit] ?? `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function quote(text: string): string {
  // Most strings are plain printable ASCII: one test instead of a replace pass with a callback.
  return HAS_ESCAPE.test(text) ? `"${text.replace(NEEDS_ESCAPE, escapeUnit)}"` : `"${text}"`;
}

/**
 * Orders strings by Unicode code point, as Python sorts str. This differs from the default UTF-16 order only
 * where a surrogate pair meets a BMP character at or above U+E000.
 */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  // Back up onto a shared high surrogate: it may pair with the differing unit in one string only.
  const prev = i > 0 ? a.charCodeAt(i - 1) : 0;
  if (prev >= 0xd800 && prev <= 0xdbff) {
    const ca = a.codePointAt(i - 1) as number;
    const cb = b.codePointAt(i - 1) as number;
    if (ca !== cb) return ca - cb;
    // The same lone high surrogate in both: the code points that follow it decide.
  }
  return (a.codePointAt(i) as number) - (b.codePointAt(i) as number);
}

/** Where encoding stands, as a path stack, so an error can name the offending value. */
type Walk = { ancestors: Set<object>; path: (string | number)[] };

function badValue(walk: Walk, issue: string): GenError {
  const path = walk.path.length === 0 ? '(value)' : walk.path.join('.');
  return new GenError('GEN_BAD_REQUEST', `Invalid request: '${path}' ${issue}.`, { issues: [{ path, message: issue }] });
}

/** A finite number as Python prints it: integers never in exponent form (JavaScript switches at 1e21); -0 is 0. */
function finiteNumberText(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n === 0 ? 0 : n) : BigInt(n).toString();
  return String(n);
}

function numberText(n: number, walk: Walk): string {
  if (!Number.isFinite(n)) throw badValue(walk, `is not a finite number (${String(n)})`);
  return finiteNumberText(n);
}

/** An object's keys in code-point order. UTF-16 order (the default sort) equals it unless a key holds a unit at or above U+D800. */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  return keys.sort(keys.some((key) => BEYOND_BMP_ORDER.test(key)) ? compareCodePoints : undefined);
}

function encode(value: unknown, walk: Walk): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return numberText(value, walk);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      if (value === null) return 'null';
      if (walk.ancestors.has(value)) throw badValue(walk, 'is a cyclic reference');
      walk.ancestors.add(value);
      try {
        return Array.isArray(value) ? encodeArray(value, walk) : encodeObject(value as Record<string, unknown>, walk);
      } finally {
        walk.ancestors.delete(value);
      }
    default:
      throw badValue(walk, `cannot be encoded as JSON (${typeof value})`);
  }
}

function encodeArray(items: readonly unknown[], walk: Walk): string {
  const parts: string[] = [];
  items.forEach((item, i) => {
    walk.path.push(i);
    // As JSON.stringify does, an undefined element stands as null so positions are kept.
    parts.push(item === undefined ? 'null' : encode(item, walk));
    walk.path.pop();
  });
  return `[${parts.join(',')}]`;
}

function encodeObject(record: Record<string, unknown>, walk: Walk): string {
  const parts: string[] = [];
  for (const key of sortedKeys(record)) {
    const child = record[key];
    if (child === undefined) continue;
    walk.path.push(key);
    parts.push(`${quote(key)}:${encode(child, walk)}`);
    walk.path.pop();
  }
  return `{${parts.join(',')}}`;
}

/** The canonical text of a JSON-like value; `NaN`, `±Infinity`, functions, symbols and cycles throw GEN_BAD_REQUEST. */
export function canonicalJson(value: unknown): string {
  // Hashing runs on every create: the plain values it almost always meets take a walk that keeps no path and
  // no ancestor set; anything else (and every error, which must name its path) takes the full walk.
  const fast = value === undefined ? null : fastEncode(value, 0);
  if (fast !== null) return fast;
  const walk: Walk = { ancestors: new Set(), path: [] };
  if (value === undefined) throw badValue(walk, 'cannot be encoded as JSON (undefined)');
  return encode(value, walk);
}

const FAST_MAX_DEPTH = 64;

/** encode() for well-formed values, or null where encode() would throw or the depth suggests a cycle. */
function fastEncode(value: unknown, depth: number): string | null {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? finiteNumberText(value) : null;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object': {
      if (value === null) return 'null';
      if (depth >= FAST_MAX_DEPTH) return null;
      if (Array.isArray(value)) {
        const items = value as unknown[];
        const parts: string[] = [];
        for (let i = 0; i < items.length; i += 1) {
          if (!Object.hasOwn(items, i)) return null; // a hole: encode() skips it, as forEach does
          const item = items[i];
          const text = item === undefined ? 'null' : fastEncode(item, depth + 1);
          if (text === null) return null;
          parts.push(text);
        }
        return `[${parts.join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of sortedKeys(record)) {
        const child = record[key];
        if (child === undefined) continue;
        const text = fastEncode(child, depth + 1);
        if (text === null) return null;
        parts.push(`${quote(key)}:${text}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return null;
  }
}
