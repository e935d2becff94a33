// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HealthPanel } from '../../../../renderer/features';
import { cacheStats, nodeMetrics, providerHealth } from './fixtures';
import { renderWithStudio } from './render';
import { createStudio } from './studio';

afterEach(cleanup);

function setup() {
  const { fake, studio } = createStudio();
  fake.handle('telemetry.nodes', () => [nodeMetrics({ nodeId: 'gen-d', total: 3, completed: 3, successRate: 1, latencyMs: { count: 3, p50: 320, p95: null, p99: null } })]);
  fake.handle('telemetry.providers', () => [
    providerHealth({ total: 4, completed: 3, failed: 1, successRate: 0.75, status: 'degraded', latencyMs: { count: 3, p50: 310, p95: null, p99: null } }),
  ]);
  fake.handle('telemetry.cache', () => cacheStats({ hits: 2, misses: 3, hitRate: 0.4, entries: 3, entriesByStrategy: { once: 1, per_playthrough: 2, per_player: 0 } }));
  // A broken duration on the transition node: the problems store validates it like the editor does.
  studio.graph.getState().commit((doc) => ({
    ...doc,
    generationNodes: doc.generationNodes.map((n) => (n.id === 'gen-t' ? { ...n, config: { ...n.config, duration: { min: 30, max: 10 } } } : n)),
  }));
  studio.problems.getState().recompute();
  renderWithStudio(<HealthPanel />, studio);
  return { fake, studio };
}

describe('HealthPanel', () => {
  it('shows tiles, filter counts, rows with validation, and the action-required footer', async () => {
    setup();
    const tiles = screen.getByTestId('health-tiles');
    expect(tiles.querySelector('[data-tile="total"]')?.getAttribute('data-value')).toBe('2');
    expect(tiles.querySelector('[data-tile="errors"]')?.getAttribute('data-value')).toBe('1');
    expect(screen.getByTestId('health-filter-errors').textContent).toBe('Errors (1)');
    expect(screen.getByTestId('health-node-row-gen-t').getAttribute('data-validation')).toBe('error');
    // Rows with errors are expanded automatically.
    expect(screen.getByTestId('health-node-row-gen-t').textContent).toContain('Duration min (30s) cannot be greater than max (10s)');
    expect(screen.getByTestId('health-action-required').textContent).toBe(
      'Action required: 1 generation node has validation errors that must be fixed before export.',
    );
    // The dialogue node has only a warning (V40), so no node is OK.
    expect(screen.getByTestId('health-node-row-gen-d').getAttribute('data-validation')).toBe('warning');
    fireEvent.click(screen.getByTestId('health-filter-ok'));
    expect(screen.getByTestId('health-empty').textContent).toContain('No nodes with OK status');
  });

  it('shows provider health with a Test button and the cache figures', async () => {
    setup();
    const row = await screen.findByTestId('provider-health-row-local-preview');
    expect(row.getAttribute('data-status')).toBe('degraded');
    expect(row.querySelector('[data-field="total"]')?.textContent).toBe('4');
    expect(within(row).getByTestId('provider-test-local-preview')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('cache-stats').querySelector('[data-field="hitRate"]')?.textContent).toContain('40.0%'));
  });

  it('draws labelled SVG charts with a table equivalent', async () => {
    setup();
    await screen.findByTestId('provider-health-row-local-preview');
    const chart = screen.getByTestId('latency-chart');
    await waitFor(() => expect(chart.querySelector('svg')?.getAttribute('aria-label')).toContain('local-preview: p50 310 ms'));
    fireEvent.click(screen.getByTestId('latency-chart-toggle'));
    expect(chart.querySelector('table')?.textContent).toContain('node Chat');
    expect(screen.getByTestId('outcome-chart').querySelector('svg')?.getAttribute('aria-label')).toContain('Completed 3');
  });

  it('reads every figure again when the window changes', async () => {
    const { fake } = setup();
    fireEvent.change(screen.getByTestId('health-window'), { target: { value: '1h' } });
    await waitFor(() => expect(fake.callsOf('telemetry.nodes').at(-1)).toMatchObject({ window: '1h' }));
  });

  it('clears the cache only after confirmation', async () => {
    const { fake, studio } = setup();
    fake.handle('cache.clear', () => ({ removed: 3 }));
    fireEvent.click(screen.getByTestId('cache-clear'));
    await waitFor(() => expect(studio.ui.getState().dialog?.kind).toBe('confirm'));
    expect(fake.callsOf('cache.clear')).toHaveLength(0);
    const dialog = studio.ui.getState().dialog;
    if (dialog?.kind !== 'confirm') throw new Error('expected a confirm dialog');
    studio.ui.getState().finishDialog();
    dialog.resolve(true);
    await waitFor(() => expect(fake.callsOf('cache.clear')).toHaveLength(1));
  });
});
