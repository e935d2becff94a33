// validation.md §2: the validator reads untrusted input (cycles, Proxies, throwing getters) without ever
// throwing. Every access goes through these helpers: own properties only, and a read that throws counts
// as absent, exactly as the spec prescribes.

const hasOwn = Object.prototype.hasOwnProperty;

/** Absent means `undefined` or `null` (validation.md §2.3). */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** `Array.isArray` throws on a revoked Proxy; such a value is then treated as an opaque object. */
export function isArrayValue(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** A plain object is `typeof v === 'object' && v !== null && !Array.isArray(v)` (validation.md §2.1). */
export function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !isArrayValue(value);
}

/** An own property of `container`, or `undefined` when it is inherited, missing or its read throws. */
export function readOwn(container: unknown, key: string): unknown {
  if (typeof container !== 'object' || container === null) return undefined;
  try {
    return hasOwn.call(container, key) ? (container as Record<string, unknown>)[key] : undefined;
  } catch {
    // §2.2: "If reading a property throws, the value counts as absent."
    return undefined;
  }
}

/** The own enumerable keys of an object, or `undefined` when listing them throws (a hostile Proxy). */
export function readKeys(container: object): string[] | undefined {
  try {
    return Object.keys(container);
  } catch {
    return undefined;
  }
}

/** The length of an array read as an own property; `undefined` when it cannot be read. */
export function readLength(array: readonly unknown[]): number | undefined {
  const length = readOwn(array, 'length');
  return typeof length === 'number' && Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}
