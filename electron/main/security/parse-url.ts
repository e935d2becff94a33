/** The URL, or undefined when the text is not one: callers refuse what they cannot parse. */
export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch (thrown) {
    if (thrown instanceof TypeError) return undefined;
    throw thrown;
  }
}
