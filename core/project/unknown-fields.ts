// project-format.md §3: unknown keys outside `extensions` and node `config` are dropped on open and reported
// once. Schemas strip them; this finds which ones were stripped by walking input and output side by side.

const VERBATIM_PATHS = [/^extensions$/, /^generationNodes\[\d+\]\.config$/];

export function findIgnoredFields(input: unknown, output: unknown): string[] {
  const found: string[] = [];
  // An explicit stack rather than recursion: a 10k-node document must not exhaust the call stack (IN-4).
  const stack: Array<{ input: unknown; output: unknown; path: string }> = [{ input, output, path: '' }];
  while (stack.length > 0) {
    const { input: a, output: b, path } = stack.pop()!;
    if (VERBATIM_PATHS.some((pattern) => pattern.test(path))) continue;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = a.length - 1; i >= 0; i -= 1) stack.push({ input: a[i], output: b[i], path: `${path}[${i}]` });
    } else if (isObject(a) && isObject(b)) {
      const keys = Object.keys(a);
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i]!;
        const child = path === '' ? key : `${path}.${key}`;
        if (Object.hasOwn(b, key)) stack.push({ input: a[key], output: b[key], path: child });
        else if (a[key] !== null && a[key] !== undefined) found.push(child);
      }
    }
  }
  return found;
}

export function describeIgnoredFields(fields: readonly string[]): string | null {
  return fields.length === 0 ? null : `Ignored unknown fields: ${fields.join(', ')}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
