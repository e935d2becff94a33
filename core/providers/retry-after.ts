// providers.md §3: `retry-after-ms` wins over `Retry-After`, which is delta-seconds or an HTTP-date.

type HeaderValue = string | string[] | undefined;

function single(value: HeaderValue): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined ? undefined : text.trim();
}

/** Milliseconds to wait, or undefined when neither header is present and readable. */
export function parseRetryAfterMs(headers: Record<string, HeaderValue>, nowMs: number): number | undefined {
  const ms = single(headers['retry-after-ms']);
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  const after = single(headers['retry-after']);
  if (after === undefined || after === '') return undefined;
  if (/^\d+$/.test(after)) return Number(after) * 1000;
  // An HTTP-date always names a weekday or month; Date.parse alone would accept bare numbers like "1.5".
  if (!/[A-Za-z]/.test(after)) return undefined;
  const at = Date.parse(after);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}
