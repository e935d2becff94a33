// SQLite stores text as UTF-8, where a lone UTF-16 surrogate has no encoding: better-sqlite3 would silently
// turn it into U+FFFD. So a request carrying one is refused at creation instead of being stored altered
// (RELIABILITY.md IN-5). The walk is iterative, so nesting depth costs memory, never the call stack.

// In a `u` regular expression a surrogate pair is one code point, so \p{Cs} matches only lone surrogates.
const LONE_SURROGATE = /\p{Cs}/u;

function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** The dotted path of the first string that is not well-formed UTF-16, or null when there is none. */
export function findIllFormedString(value: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (!isWellFormed(current)) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: `${path}[${i}]` });
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        // A key is stored too (inside JSON, which escapes it, but also as a prompt variable name).
        if (!isWellFormed(key)) return path === '' ? key : `${path}.${key}`;
        stack.push({ value: child, path: path === '' ? key : `${path}.${key}` });
      }
    }
  }
  return null;
}
