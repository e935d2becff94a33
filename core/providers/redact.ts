// providers.md §6: every string bound for a log, an attempt row, a provider error, an event or a GenError
// passes this redactor. Secrets are replaced as sent (plain) and in the encodings a server may echo them.

export type Redactor = (text: string) => string;

export const REDACTED = '***';
export const PROVIDER_MESSAGE_MAX_CHARS = 500;

// A header name (optionally quoted, as in echoed JSON) followed by its value up to a quote or line end.
const HEADER_VALUE = /(["']?)\b(authorization|x-api-key|api-key)\1(\s*[:=]\s*)(["']?)([^"'\r\n]*)/gi;

function variantsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    bytes.toString('base64'),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
  ];
}

export function createRedactor(secrets: ReadonlyArray<string | null | undefined>): Redactor {
  const needles = [
    ...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length > 0).flatMap(variantsOf)),
  ]
    // Longest first, so a variant that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  return function redact(text: string): string {
    let out = text.replace(HEADER_VALUE, (_m, q1: string, name: string, sep: string, q2: string, value: string) =>
      value.length === 0 ? `${q1}${name}${q1}${sep}${q2}` : `${q1}${name}${q1}${sep}${q2}${REDACTED}`,
    );
    for (const needle of needles) out = out.split(needle).join(REDACTED);
    return out;
  };
}

/** Provider text for `details.providerMessage`: redacted, whitespace-collapsed, at most 500 characters. */
export function cutProviderMessage(text: string, redact: Redactor): string {
  const clean = redact(text).replace(/\s+/g, ' ').trim();
  return clean.length <= PROVIDER_MESSAGE_MAX_CHARS ? clean : clean.slice(0, PROVIDER_MESSAGE_MAX_CHARS);
}
