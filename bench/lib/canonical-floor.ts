import { createHash } from 'node:crypto';

// The floor's hash: the same canonical params, hashed with nothing but JSON.stringify and node:crypto. Keys
// are sorted once beforehand, so the stringified text is the canonical text and the floor pays only for
// serializing and hashing, the two things a reproducible hash cannot avoid.

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export function rawHash(sortedParams: unknown): string {
  return createHash('sha256').update(JSON.stringify({ canonical_params: sortedParams, inputs: [] })).digest('hex');
}
