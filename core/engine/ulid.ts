import { randomBytes } from 'node:crypto';

// generation.md §3: ids are `gen_` + a 26-character ULID (Crockford base32), time-ordered by the
// engine clock. Within one millisecond the random part is incremented, so ids stay strictly ordered.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// Random bytes are drawn from the OS in blocks: one call per id costs more than the rest of making it.
const RANDOM_BLOCK_BYTES = 4096;

export function createUlidFactory(now: () => number): () => string {
  let lastTime = -1;
  let lastRandom: number[] = [];
  let block = randomBytes(RANDOM_BLOCK_BYTES);
  let offset = 0;

  function randomDigits(): number[] {
    if (offset + 16 > block.length) {
      block = randomBytes(RANDOM_BLOCK_BYTES);
      offset = 0;
    }
    const digits: number[] = [];
    for (let i = 0; i < 16; i += 1) digits.push((block[offset + i] as number) % 32);
    offset += 16;
    return digits;
  }

  return function nextUlid(): string {
    const time = now();
    if (time <= lastTime) {
      lastRandom = increment(lastRandom);
    } else {
      lastTime = time;
      lastRandom = randomDigits();
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
