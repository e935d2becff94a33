// providers.md §9: a script is a list of steps consumed in order by the requests they match.

export const FAKE_MODES = [
  'ok',
  'pending',
  'error500',
  'rateLimit429',
  'error400',
  'error401',
  'timeout',
  'slowDrip',
  'malformedJson',
  'filtered',
  'jobFailed',
  'connectionReset',
  // Extensions for RELIABILITY.md §4 and §9: a redirect (SEC-4), an endless body and a lying length (PROV-7).
  'redirect',
  'hugeBody',
  // A Content-Length shorter than the JSON body that follows it (PROV-7 "lying Content-Length").
  'lyingLength',
] as const;
export type FakeMode = (typeof FAKE_MODES)[number];

export type RequestKind = 'submit' | 'poll' | 'fetch' | 'other';

export type FakeStep = {
  mode: FakeMode;
  match?: 'submit' | 'poll' | 'fetch' | 'any';
  /** ok: wait before answering. */
  delayMs?: number;
  /** pending: how many polls report processing (default 1). */
  times?: number;
  /** rateLimit429: `Retry-After` seconds (default 1); `retryAfterMs` adds `retry-after-ms`; `retryAfterDate` sends an HTTP-date instead. */
  retryAfterSeconds?: number;
  retryAfterMs?: number;
  retryAfterDate?: string;
  /** slowDrip: milliseconds between bytes (default 2000). */
  intervalMs?: number;
  /** error400 / error401: another status of the same family (403, 404, 422). */
  status?: number;
  /** error401: echo the request's Authorization header in the body (redaction tests). */
  echoAuthorization?: boolean;
  /** jobFailed: the failure message. */
  message?: string;
  /** redirect: the Location (default: the same path). */
  location?: string;
  /** connectionReset: send 200 headers and this many body bytes first (a reset mid-body). */
  afterBytes?: number;
  /** hugeBody: bytes to stream (default 100 MB). */
  bytes?: number;
};

export type FakeCall = {
  method: string;
  path: string;
  query: string;
  time: number;
  bodySha256: string;
  hasAuthorization: boolean;
  headers: Record<string, string>;
  /** The parsed JSON body, or the text, or null when empty. */
  body: unknown;
  kind: RequestKind;
  mode: FakeMode;
  /** hugeBody: bytes the server managed to write before the client went away. */
  bytesSent?: number;
};

export function stepMatches(step: FakeStep, kind: RequestKind): boolean {
  // `pending` only means something to a poll, whatever its match says.
  if (step.mode === 'pending') return kind === 'poll' && (step.match ?? 'any') !== 'submit' && step.match !== 'fetch';
  const match = step.match ?? 'any';
  return match === 'any' || match === kind;
}

/** Takes the mode for one request: the head step when it matches, else `ok`. */
export function takeMode(steps: FakeStep[], kind: RequestKind): FakeStep {
  const head = steps[0];
  if (head === undefined || !stepMatches(head, kind)) return { mode: 'ok' };
  if (head.mode === 'pending') {
    const remaining = (head.times ?? 1) - 1;
    if (remaining <= 0) steps.shift();
    else steps[0] = { ...head, times: remaining };
    return head;
  }
  steps.shift();
  return head;
}
