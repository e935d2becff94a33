import { randomBytes } from 'node:crypto';

// generation.md §3: ids are `gen_` + a 26-character ULID (Crockford base32), time-ordered by the
// engine clock. Within one millisecond the random part is incremented, so ids stay strictly ordered.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function createUlidFactory(now: () => number): () => string {
  let lastTime = -1;
  let lastRandom: number[] = [];

  return function nextUlid(): string {
    const time = now();
    if (time <= lastTime) {
      lastRandom = increment(lastRandom);
    } else {
      lastTime = time;
      lastRandom = [...randomBytes(16)].map((b) => b % 32);
    }
    return encodeTime(Math.max(time, lastTime)) + lastRandom.map((d) => ALPHABET[d]).join('');
  };
}

export function createGenerationIdFactory(now: () => number): () => string {
  const ulid = createUlidFactory(now);
  return () => `gen_${ulid()}`;
}

function encodeTime(time: number): string {
  let out = '';
  let rest = time;
  for (let i = 0; i < 10; i += 1) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i -= 1) {
    if ((next[i] ?? 0) < 31) {
      next[i] = (next[i] ?? 0) + 1;
      return next;
    }
    next[i] = 0;
  }
  return next;
}
