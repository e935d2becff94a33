// project-format.md §6 (determinism): 2-space indentation, keys sorted at every depth, arrays in order.

export function sortedJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    // defineProperty keeps a key named "__proto__" as data instead of replacing the prototype (IN-7).
    if (child !== undefined) Object.defineProperty(out, key, { value: sortKeys(child), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
