// The shapes shared by the orchestrator (run.ts), the worker (worker.ts) and the row modules.

export type Mode = 'quick' | 'full';

/** What dominates a measure; it picks the noise margin (RELIABILITY.md §11). */
export type Bound = 'cpu' | 'disk' | 'browser';

export type Target =
  | { kind: 'max'; ratio: number } // figure / floor must stay at or below
  | { kind: 'min'; ratio: number } // figure / floor must reach at least
  | { kind: 'exact'; value: number } // the figure itself, no floor
  | { kind: 'report' }; // reported only

export type MeasureSpec = { name: string; unit: string; bound: Bound; target: Target };

/** One repetition of one measure: the figure and the floor measured beside it (null when there is none). */
export type Sample = { figure: number; floor: number | null };

export type RowContext = {
  mode: Mode;
  /** A fresh temporary directory for this row, removed by the worker afterwards. */
  tmpDir: string;
  log(message: string): void;
};

export type RowModule<Shared = unknown> = {
  id: string;
  title: string;
  /** false for rows whose figure does not depend on CPU speed (counts, memory): no calibration probe. */
  calibrated?: boolean;
  /**
   * Quiet time before each calibration probe, for rows whose own child processes (Chromium, a host) are
   * still winding down when a repetition returns: the probe must see other loads, not the row's own.
   */
  settleMs?: number;
  measures(mode: Mode): MeasureSpec[];
  /** Setup done once per row, before the repetitions (engines, fixtures, bulk data). */
  prepare(ctx: RowContext): Promise<Shared>;
  /** One repetition: a Sample for every measure name. */
  rep(ctx: RowContext, shared: Shared, index: number): Promise<Record<string, Sample>>;
  dispose?(shared: Shared): Promise<void>;
};

/** Thrown (by prepare) when a dependency is not there: the row is reported as SKIP with this reason. */
export class SkipRow extends Error {
  override readonly name = 'SkipRow';
}

export type RepRecord = { samples: Record<string, Sample>; calibrationDrift: number; discarded: boolean };

export const RESULT_PREFIX = 'BENCH_ROW ';

/** What a worker prints for its row on the `BENCH_ROW ` line. */
export type WorkerResult =
  | { id: string; status: 'ok'; measures: MeasureSpec[]; reps: RepRecord[] }
  | { id: string; status: 'skip'; reason: string; measures: MeasureSpec[] }
  | { id: string; status: 'error'; reason: string; measures: MeasureSpec[] };
