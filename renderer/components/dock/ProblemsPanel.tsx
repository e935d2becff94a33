import { useMemo, useState, type KeyboardEvent } from 'react';
import { useProblemsStore, useStudio, useUiStore } from '../../stores/context';
import type { ProblemRow, ProblemSeverity } from '../../stores/problems-store';

type Filter = 'all' | ProblemSeverity;
const SEVERITY_TEXT: Record<ProblemSeverity, string> = { error: 'Error', warning: 'Warning', suggestion: 'Suggestion' };
const SEVERITY_ICON: Record<ProblemSeverity, string> = { error: '✖', warning: '⚠', suggestion: 'ℹ' };

/** studio-ui.md §9: every issue in the project, like an IDE's Problems view. */
export function ProblemsPanel() {
  const { selection, ui, graph } = useStudio();
  const rows = useProblemsStore((s) => s.rows);
  const counts = useProblemsStore((s) => s.counts);
  const inspectorOpen = useUiStore((s) => s.inspectorOpen);
  const [filter, setFilter] = useState<Filter>('all');
  const visible = useMemo(() => (filter === 'all' ? rows : rows.filter((r) => r.severity === filter)), [rows, filter]);

  const activate = (row: ProblemRow) => {
    if (!inspectorOpen) ui.getState().toggleInspector();
    // Graph problems may name an edge (G02), and carry document paths (e.g. `edges[0]`), not editor fields.
    if (graph.getState().document?.edges.some((e) => e.id === row.nodeId)) {
      selection.getState().select([], [row.nodeId]);
      return;
    }
    const isConfigPath = row.rule.startsWith('V') && row.path !== null;
    selection.getState().requestFocus(row.nodeId, isConfigPath ? row.path : null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-testid="problem-row"]')];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next = items[Math.min(items.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
    e.preventDefault();
  };

  return (
    <div className="problems">
      <div className="problems-bar">
        <label className="field-label-inline" htmlFor="problems-filter">
          Show
        </label>
        <select id="problems-filter" data-testid="problems-filter" className="input select select-narrow" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          <option value="all">All severities</option>
          <option value="error">Errors</option>
          <option value="warning">Warnings</option>
          <option value="suggestion">Suggestions</option>
        </select>
        <span className="count-chip count-error" data-testid="problems-count-error">
          ✖ {counts.error} {counts.error === 1 ? 'error' : 'errors'}
        </span>
        <span className="count-chip count-warning" data-testid="problems-count-warning">
          ⚠ {counts.warning} {counts.warning === 1 ? 'warning' : 'warnings'}
        </span>
        <span className="count-chip count-suggestion" data-testid="problems-count-suggestion">
          ℹ {counts.suggestion} {counts.suggestion === 1 ? 'suggestion' : 'suggestions'}
        </span>
      </div>
      {visible.length === 0 ? (
        <div className="empty-state">
          <div className="empty-icon" aria-hidden="true">
            ✓
          </div>
          <p className="empty-title">{rows.length === 0 ? 'No problems in this project' : 'No problems of this severity'}</p>
          <p className="muted">Validator issues and graph problems appear here as you edit.</p>
        </div>
      ) : (
        <div className="problems-table" role="table" aria-label="Problems" onKeyDown={onKeyDown}>
          <div className="problems-head" role="row">
            <span role="columnheader">Severity</span>
            <span role="columnheader">Rule</span>
            <span role="columnheader">Message</span>
            <span role="columnheader">Node</span>
            <span role="columnheader">Field</span>
          </div>
          {visible.map((row) => (
            <div
              key={row.key}
              role="row"
              tabIndex={0}
              className={`problem-row problem-${row.severity}`}
              data-testid="problem-row"
              data-rule={row.rule}
              data-severity={row.severity}
              data-node={row.nodeId}
              onClick={() => activate(row)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  activate(row);
                }
              }}
            >
              <span role="cell" className="problem-severity">
                <span aria-hidden="true">{SEVERITY_ICON[row.severity]}</span> {SEVERITY_TEXT[row.severity]}
              </span>
              <span role="cell" className="problem-rule">
                {row.rule}
              </span>
              <span role="cell" className="problem-message">
                {row.message}
              </span>
              <span role="cell" className="problem-node">
                {row.nodeLabel}
              </span>
              <span role="cell" className="problem-path">
                {row.path ?? '—'}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
