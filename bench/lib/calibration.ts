import { createHash } from 'node:crypto';
import { median, nowMs } from './stats';

// RELIABILITY.md §11: a fixed CPU probe timed before and after every repetition. When the machine's speed
// drifts by more than 5 % across a repetition (another process took the cores), the repetition says
// nothing about our code: it is discarded and run again, and a row without enough clean repetitions is
// VOID rather than FAIL.

export const CALIBRATION_DRIFT_LIMIT = 0.05;

const BLOCK = Buffer.alloc(64 * 1024, 0x5a);
const HASHES_PER_PROBE = 40;

function probeOnce(): number {
  const start = nowMs();
  let digest = BLOCK;
  for (let i = 0; i < HASHES_PER_PROBE; i += 1) digest = createHash('sha256').update(BLOCK).update(digest).digest();
  if (digest.length !== 32) throw new Error('sha256 produced an unexpected digest');
  return nowMs() - start;
}

/** Median of seven probes, in milliseconds (a few ms on this class of machine). */
export function calibrationProbe(): number {
  return median(Array.from({ length: 7 }, probeOnce));
}

export function drift(before: number, after: number): number {
  return Math.abs(after - before) / before;
}
