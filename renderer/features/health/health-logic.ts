import type { ProjectDocument } from '../../../core/domain/project-document';
import type { NodeMetrics, ProviderHealth } from '../../../core/domain/telemetry-shapes';
import type { ValidationResult } from '../../../core/validation';
import { linkedScenes } from '../../graph/document-ops';

// studio-ui.md §6 and telemetry.md §6: node health rows join the validator's result with NodeMetrics, and the
// charts are plain series derived from the same reads. Pure, so every figure here is unit-tested.

export const NODE_FILTERS = ['all', 'errors', 'warnings', 'ok'] as const;
export type NodeFilter = (typeof NODE_FILTERS)[number];
export type NodeValidationStatus = 'ok' | 'warning' | 'error';

export type NodeHealthRow = {
  id: string;
  label: string;
  scene: string | null;
  generationType: string | null;
  strategy: string | null;
  enabled: boolean;
  status: NodeValidationStatus;
  validation: ValidationResult;
  metrics: NodeMetrics | null;
  slow: boolean;
};

const EMPTY_RESULT: ValidationResult = { errors: [], warnings: [], suggestions: [] };

function statusOf(result: ValidationResult): NodeValidationStatus {
  if (result.errors.length > 0) return 'error';
  if (result.warnings.length > 0) return 'warning';
  return 'ok';
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function buildNodeRows(
  doc: ProjectDocument,
  results: Readonly<Record<string, ValidationResult>>,
  metrics: readonly NodeMetrics[],
  p95WarnMs: number,
): NodeHealthRow[] {
  const byNode = new Map(metrics.map((m) => [m.nodeId, m]));
  return doc.generationNodes.map((node) => {
    const validation = results[node.id] ?? EMPTY_RESULT;
    const m = byNode.get(node.id) ?? null;
    const { fromScene, toScene } = linkedScenes(doc, node.id);
    const scene = fromScene ?? toScene;
    return {
      id: node.id,
      label: node.label || node.id,
      scene: scene ? scene.title || scene.id : null,
      generationType: text(node.config['generationType']),
      strategy: text(node.config['strategy']),
      enabled: node.config['enabled'] !== false,
      status: statusOf(validation),
      validation,
      metrics: m,
      slow: m !== null && m.latencyMs.p95 !== null && m.latencyMs.p95 > p95WarnMs,
    };
  });
}

export function filterCounts(rows: readonly NodeHealthRow[]): Record<NodeFilter, number> {
  return {
    all: rows.length,
    errors: rows.filter((r) => r.status === 'error').length,
    warnings: rows.filter((r) => r.status === 'warning').length,
    ok: rows.filter((r) => r.status === 'ok').length,
  };
}

const FILTER_STATUS: Record<Exclude<NodeFilter, 'all'>, NodeValidationStatus> = { errors: 'error', warnings: 'warning', ok: 'ok' };

export function filterRows(rows: readonly NodeHealthRow[], filter: NodeFilter): NodeHealthRow[] {
  return filter === 'all' ? [...rows] : rows.filter((r) => r.status === FILTER_STATUS[filter]);
}

/** studio-ui.md §6, verbatim: singular and plural. */
export function actionRequiredText(errorNodes: number): string {
  return errorNodes === 1
    ? 'Action required: 1 generation node has validation errors that must be fixed before export.'
    : `Action required: ${errorNodes} generation nodes have validation errors that must be fixed before export.`;
}

export function emptyText(filter: NodeFilter, totalNodes: number): string {
  if (totalNodes === 0) return 'No generation nodes found';
  const names: Record<NodeFilter, string> = { all: 'any', errors: 'Errors', warnings: 'Warnings', ok: 'OK' };
  return `No nodes with ${names[filter]} status`;
}

export type ChartSeries = { key: string; label: string };
export type ChartGroup = { label: string; values: Record<string, number | null> };

export const LATENCY_SERIES: ChartSeries[] = [
  { key: 'p50', label: 'p50' },
  { key: 'p95', label: 'p95' },
  { key: 'p99', label: 'p99' },
];

export const OUTCOME_SERIES: ChartSeries[] = [
  { key: 'completed', label: 'Completed' },
  { key: 'failed', label: 'Failed' },
  { key: 'cancelled', label: 'Cancelled' },
];

export function latencyGroups(providers: readonly ProviderHealth[], rows: readonly NodeHealthRow[]): ChartGroup[] {
  const groups: ChartGroup[] = providers.map((p) => ({
    label: p.providerId,
    values: { p50: p.latencyMs.p50, p95: p.latencyMs.p95, p99: p.latencyMs.p99 },
  }));
  for (const row of rows) {
    if (!row.metrics || row.metrics.latencyMs.count === 0) continue;
    const l = row.metrics.latencyMs;
    groups.push({ label: `node ${row.label}`, values: { p50: l.p50, p95: l.p95, p99: l.p99 } });
  }
  return groups;
}

export function outcomeGroups(providers: readonly ProviderHealth[]): ChartGroup[] {
  return providers.map((p) => ({ label: p.providerId, values: { completed: p.completed, failed: p.failed, cancelled: p.cancelled } }));
}

/** A round axis maximum (1, 2, 5 × 10^n) at or above the largest value, so bars and ticks read cleanly. */
export function niceMax(values: readonly (number | null)[]): number {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

/** For counts: the smallest multiple of the tick count at or above the largest value, so ticks are whole numbers. */
export function integerMax(values: readonly (number | null)[], ticks: number): number {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  return Math.max(ticks, Math.ceil(max / ticks) * ticks);
}
