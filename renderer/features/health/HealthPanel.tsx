import '../features.css';
import { useEffect, useMemo } from 'react';
import { TELEMETRY_WINDOWS, type TelemetryWindow } from '../../../core/domain/vocabulary';
import { useGraphStore, useProblemsStore, useSessionStore, useStudio } from '../../stores/context';
import { EmptyState } from '../shared/EmptyState';
import { formatMs } from '../shared/format';
import { BarChart } from './BarChart';
import { CacheStatsView } from './CacheStatsView';
import {
  actionRequiredText,
  buildNodeRows,
  emptyText,
  filterCounts,
  filterRows,
  LATENCY_SERIES,
  latencyGroups,
  NODE_FILTERS,
  OUTCOME_SERIES,
  outcomeGroups,
  type NodeFilter,
} from './health-logic';
import { NodeHealthHeader } from './NodeHealthHeader';
import { NodeHealthRow } from './NodeHealthRow';
import { ProviderHealthTable } from './ProviderHealthTable';
import { useHealth, useHealthApi } from './use-health';

// studio-ui.md §6: node health (validator + telemetry.nodes), providers, cache and charts for one window.

const WINDOW_LABELS: Record<TelemetryWindow, string> = { '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days', all: 'All (90 days)' };
const FILTER_LABELS: Record<NodeFilter, string> = { all: 'All', errors: 'Errors', warnings: 'Warnings', ok: 'OK' };

export function HealthPanel() {
  const studio = useStudio();
  const api = useHealthApi();
  const document = useGraphStore((s) => s.document);
  const results = useProblemsStore((s) => s.results);
  const p95WarnMs = useSessionStore((s) => s.settings.health.p95WarnMs);
  const window = useHealth((s) => s.window);
  const metrics = useHealth((s) => s.nodes);
  const providers = useHealth((s) => s.providers);
  const cache = useHealth((s) => s.cache);
  const filter = useHealth((s) => s.filter);
  const expanded = useHealth((s) => s.expanded);
  const error = useHealth((s) => s.error);
  const loading = useHealth((s) => s.loading);

  useEffect(() => api.getState().start(), [api]);
  // Telemetry updates are only heard while mounted, so every mount (and project) starts from a fresh read.
  useEffect(() => {
    api.getState().setProject(document?.projectId ?? null);
    void api.getState().refresh();
  }, [api, document?.projectId]);

  const rows = useMemo(() => (document ? buildNodeRows(document, results, metrics, p95WarnMs) : []), [document, results, metrics, p95WarnMs]);
  const counts = filterCounts(rows);
  const visible = filterRows(rows, filter);

  const tiles: Array<[string, number, string]> = [
    ['total', counts.all, 'Total nodes'],
    ['errors', counts.errors, 'Errors'],
    ['warnings', counts.warnings, 'Warnings'],
    ['ok', counts.ok, 'Healthy'],
  ];

  return (
    <div className="fx-panel fx-health fx-scroll" data-testid="health-view" aria-busy={loading}>
      <div className="fx-toolbar">
        <label className="fx-field-inline">
          <span>Window</span>
          <select data-testid="health-window" value={window} onChange={(e) => void api.getState().setWindow(e.target.value as TelemetryWindow)}>
            {TELEMETRY_WINDOWS.map((w) => (
              <option key={w} value={w}>
                {WINDOW_LABELS[w]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => void api.getState().refresh()} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
        {error ? (
          <span className="fx-note fx-note-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>

      <div className="fx-tiles" data-testid="health-tiles">
        {tiles.map(([key, value, label]) => (
          <div key={key} className={`fx-tile fx-tile-${key}`} data-tile={key} data-value={value}>
            <span className="fx-tile-value">{value}</span>
            <span className="fx-tile-label">{label}</span>
          </div>
        ))}
      </div>

      <section className="fx-section" aria-label="Node health">
        <div className="fx-segmented" role="group" aria-label="Filter nodes by validation">
          {NODE_FILTERS.map((f) => (
            <button key={f} type="button" data-testid={`health-filter-${f}`} aria-pressed={filter === f} onClick={() => api.getState().setFilter(f)}>
              {FILTER_LABELS[f]} ({counts[f]})
            </button>
          ))}
        </div>
        {visible.length === 0 ? (
          <EmptyState icon="◎" title={emptyText(filter, rows.length)} testId="health-empty">
            {rows.length === 0 ? 'Add a generation node from the toolbar to see its health here.' : null}
          </EmptyState>
        ) : (
          <ul className="fx-health-rows">
            <NodeHealthHeader />
            {visible.map((row) => (
              <NodeHealthRow
                key={row.id}
                row={row}
                expanded={expanded[row.id] ?? row.status === 'error'}
                onToggle={(open) => api.getState().toggleExpanded(row.id, open)}
                onOpen={() => studio.selection.getState().requestFocus(row.id, null)}
              />
            ))}
          </ul>
        )}
        {counts.errors > 0 ? (
          <p className="fx-note fx-note-error" data-testid="health-action-required">
            {actionRequiredText(counts.errors)}
          </p>
        ) : null}
      </section>

      <section className="fx-section" aria-label="Providers">
        <header className="fx-section-header">
          <h3>Providers</h3>
        </header>
        <ProviderHealthTable providers={providers} />
      </section>

      <CacheStatsView stats={cache} />

      <div className="fx-charts">
        <BarChart
          title="Latency per provider and node"
          testId="latency-chart"
          series={LATENCY_SERIES}
          groups={latencyGroups(providers, rows)}
          format={formatMs}
          emptyText="No completed generations in this window."
        />
        <BarChart
          title="Outcomes per provider"
          testId="outcome-chart"
          series={OUTCOME_SERIES}
          groups={outcomeGroups(providers)}
          format={(v) => String(Math.round(v))}
          integer
          emptyText="No providers configured."
        />
      </div>
    </div>
  );
}
