import { describe, expect, it } from 'vitest';
import {
  actionRequiredText,
  buildNodeRows,
  emptyText,
  filterCounts,
  filterRows,
  latencyGroups,
  integerMax,
  niceMax,
  outcomeGroups,
} from '../../../../renderer/features/health/health-logic';
import { nodeMetrics, providerHealth, sampleDocument } from './fixtures';

const error = { errors: [{ rule: 'V31', message: 'Duration min (30s) cannot be greater than max (10s)', path: 'duration.min' }], warnings: [], suggestions: [] };

describe('node health (studio-ui.md §6)', () => {
  it('joins validation and metrics per node, with the linked scene and a slow mark over the threshold', () => {
    const rows = buildNodeRows(
      sampleDocument(),
      { 'gen-t': error },
      [nodeMetrics({ nodeId: 'gen-t', latencyMs: { count: 30, p50: 100, p95: 70_000, p99: 80_000 } })],
      60_000,
    );
    expect(rows.map((r) => [r.id, r.status, r.scene, r.slow])).toEqual([
      ['gen-t', 'error', 'Kitchen', true],
      ['gen-d', 'ok', null, false],
    ]);
    expect(rows[1]?.metrics).toBeNull();
  });

  it('counts and filters by validation status', () => {
    const rows = buildNodeRows(sampleDocument(), { 'gen-t': error }, [], 60_000);
    expect(filterCounts(rows)).toEqual({ all: 2, errors: 1, warnings: 0, ok: 1 });
    expect(filterRows(rows, 'errors').map((r) => r.id)).toEqual(['gen-t']);
    expect(filterRows(rows, 'warnings')).toEqual([]);
  });

  it('words the footer in singular and plural', () => {
    expect(actionRequiredText(1)).toBe('Action required: 1 generation node has validation errors that must be fixed before export.');
    expect(actionRequiredText(3)).toBe('Action required: 3 generation nodes have validation errors that must be fixed before export.');
  });

  it('has designed empty states', () => {
    expect(emptyText('all', 0)).toBe('No generation nodes found');
    expect(emptyText('warnings', 2)).toBe('No nodes with Warnings status');
  });
});

describe('charts', () => {
  it('plots p50/p95/p99 per provider, then per node that has completed samples', () => {
    const groups = latencyGroups(
      [providerHealth({ latencyMs: { count: 3, p50: 300, p95: null, p99: null } })],
      buildNodeRows(sampleDocument(), {}, [nodeMetrics({ nodeId: 'gen-d', latencyMs: { count: 2, p50: 250, p95: null, p99: null } })], 60_000),
    );
    expect(groups).toEqual([
      { label: 'local-preview', values: { p50: 300, p95: null, p99: null } },
      { label: 'node Chat', values: { p50: 250, p95: null, p99: null } },
    ]);
  });

  it('plots outcomes per provider', () => {
    expect(outcomeGroups([providerHealth({ completed: 4, failed: 1, cancelled: 2 })])).toEqual([
      { label: 'local-preview', values: { completed: 4, failed: 1, cancelled: 2 } },
    ]);
  });

  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax([])).toBe(1);
    expect(niceMax([null, 0])).toBe(1);
    expect(niceMax([3])).toBe(5);
    expect(niceMax([120, 40])).toBe(200);
    expect(niceMax([1000])).toBe(1000);
    expect(niceMax([0.3])).toBe(0.5);
  });

  it('ends a count axis on a multiple of the tick count', () => {
    expect(integerMax([3, 0], 4)).toBe(4);
    expect(integerMax([], 4)).toBe(4);
    expect(integerMax([9], 4)).toBe(12);
  });
});
