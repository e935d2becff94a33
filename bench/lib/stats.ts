// Small statistics for the bench: nearest-rank percentiles, medians and a monotonic clock in milliseconds.

/** Milliseconds from a monotonic clock with sub-microsecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Nearest rank: the value at 1-based rank ceil(p × n) of the ascending samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}

/** The middle value; for an even count the lower of the two middle values, so it is always a real sample. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Times `fn` once per item and returns the per-call durations in milliseconds. */
export async function timeEach<T>(items: readonly T[], fn: (item: T) => unknown): Promise<number[]> {
  const out = new Array<number>(items.length);
  for (let i = 0; i < items.length; i += 1) {
    const start = nowMs();
    await fn(items[i]!);
    out[i] = nowMs() - start;
  }
  return out;
}

/** Times synchronous `fn` once per item without awaiting, so no microtask hop is counted. */
export function timeEachSync<T>(items: readonly T[], fn: (item: T) => unknown): number[] {
  const out = new Array<number>(items.length);
  for (let i = 0; i < items.length; i += 1) {
    const start = nowMs();
    fn(items[i]!);
    out[i] = nowMs() - start;
  }
  return out;
}

/** Runs `task` over `count` indices with at most `width` in flight; returns the wall time in milliseconds. */
export async function runPool(count: number, width: number, task: (index: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = nowMs();
  async function lane(): Promise<void> {
    while (next < count) {
      const index = next;
      next += 1;
      await task(index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, count) }, () => lane()));
  return nowMs() - start;
}

/**
 * Runs the floor and the figure of one repetition, floor first on even repetitions and figure first on odd
 * ones, so neither side always runs on the warmer (or more fragmented) heap. Returns [floor, figure].
 */
export async function alternate<F, G>(index: number, floor: () => Promise<F> | F, figure: () => Promise<G> | G): Promise<[F, G]> {
  if (index % 2 === 0) {
    const f = await floor();
    return [f, await figure()];
  }
  const g = await figure();
  return [await floor(), g];
}
