import type { Bound, MeasureSpec, RepRecord, Target, WorkerResult } from './row-types';
import { median } from './stats';

// Turns the repetitions of one worker into table rows: the median repetition by ratio (its figure and floor
// are shown, so ratio = figure / floor on every line), then the verdict against the target with the noise
// margin of RELIABILITY.md §11.

export const NOISE_MARGIN: Record<Bound, number> = { cpu: 0.15, disk: 0.5, browser: 0.5 };

/** PASS: within target. NOISE: missed by less than the margin (not a failure). FAIL: missed by more. */
export type Status = 'PASS' | 'NOISE' | 'FAIL' | 'REPORT' | 'SKIP' | 'VOID' | 'ERROR';

export type ResultRow = {
  name: string;
  figure: number | null;
  floor: number | null;
  unit: string;
  ratio: number | null;
  target: string;
  pass: boolean | null;
  status: Status;
  bound: Bound;
  reason?: string;
  /** Ratios (or figures, for rows without a floor) of the clean repetitions, in run order. */
  reps: number[];
};

export function describeTarget(target: Target): string {
  switch (target.kind) {
    case 'max':
      return `≤ ${target.ratio}×`;
    case 'min':
      return `≥ ${target.ratio}×`;
    case 'exact':
      return `= ${target.value}`;
    case 'report':
      return 'reported';
  }
}

function judgeRatio(target: Target, ratio: number, margin: number): Status {
  if (target.kind === 'max') {
    if (ratio <= target.ratio) return 'PASS';
    return ratio <= target.ratio * (1 + margin) ? 'NOISE' : 'FAIL';
  }
  if (target.kind === 'min') {
    if (ratio >= target.ratio) return 'PASS';
    return ratio >= target.ratio / (1 + margin) ? 'NOISE' : 'FAIL';
  }
  return 'REPORT';
}

function emptyRow(spec: MeasureSpec, status: Status, reason: string): ResultRow {
  return { name: spec.name, figure: null, floor: null, unit: spec.unit, ratio: null, target: describeTarget(spec.target), pass: null, status, bound: spec.bound, reason, reps: [] };
}

function measureRow(spec: MeasureSpec, reps: readonly RepRecord[], minReps: number): ResultRow {
  const clean = reps.filter((r) => !r.discarded && r.samples[spec.name] !== undefined);
  const base = { name: spec.name, unit: spec.unit, target: describeTarget(spec.target), bound: spec.bound };
  if (clean.length < minReps) {
    const drifts = reps.map((r) => `${(r.calibrationDrift * 100).toFixed(1)}%`).join(', ');
    return emptyRow(spec, 'VOID', `only ${clean.length} of ${minReps} repetitions had a steady machine (calibration drift ${drifts})`);
  }
  const samples = clean.map((r) => r.samples[spec.name]!);
  if (spec.target.kind === 'exact') {
    const value = spec.target.value;
    const figures = samples.map((s) => s.figure);
    const off = figures.find((f) => f !== value);
    const pass = off === undefined;
    return { ...base, figure: off ?? value, floor: null, ratio: null, pass, status: pass ? 'PASS' : 'FAIL', reps: figures };
  }
  if (samples.some((s) => s.floor === null || s.floor <= 0)) {
    const figures = samples.map((s) => s.figure);
    return { ...base, figure: median(figures), floor: null, ratio: null, pass: null, status: 'REPORT', reps: figures };
  }
  const ratios = samples.map((s) => s.figure / s.floor!);
  const mid = median(ratios);
  const chosen = samples[ratios.indexOf(mid)]!;
  const status = judgeRatio(spec.target, mid, NOISE_MARGIN[spec.bound]);
  const pass = status === 'REPORT' ? null : status !== 'FAIL';
  return { ...base, figure: chosen.figure, floor: chosen.floor, ratio: mid, pass, status, reps: ratios };
}

export function rowsOf(result: WorkerResult, minReps: number): ResultRow[] {
  if (result.status === 'skip') return result.measures.map((m) => emptyRow(m, 'SKIP', result.reason));
  if (result.status === 'error') return result.measures.map((m) => emptyRow(m, 'ERROR', result.reason));
  return result.measures.map((m) => measureRow(m, result.reps, minReps));
}

/** FAIL and ERROR fail the run; SKIP and VOID are printed with their reason and neither pass nor fail it. */
export function runFailed(rows: readonly ResultRow[]): boolean {
  return rows.some((r) => r.status === 'FAIL' || r.status === 'ERROR');
}
