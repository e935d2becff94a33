import { STRATEGY_LABELS, GENERATION_TYPE_LABELS } from '../../lib/labels';
import type { GenerationStrategy, GenerationType } from '../../../core/domain/vocabulary';
import { getValidationSummary } from '../../../core/validation';
import { formatMs, formatPercent, formatUsd } from '../shared/format';
import type { NodeHealthRow as Row } from './health-logic';

const ICON = { ok: '✓', warning: '!', error: '✕' } as const;

export function NodeHealthRow(props: { row: Row; expanded: boolean; onToggle(open: boolean): void; onOpen(): void }) {
  const { row } = props;
  const m = row.metrics;
  const issues = [
    ...row.validation.errors.map((i) => ({ ...i, severity: 'error' as const })),
    ...row.validation.warnings.map((i) => ({ ...i, severity: 'warning' as const })),
    ...row.validation.suggestions.map((i) => ({ ...i, severity: 'suggestion' as const })),
  ];
  return (
    <li className="fx-health-row" data-testid={`health-node-row-${row.id}`} data-validation={row.status} data-slow={row.slow}>
      <div className="fx-health-row-main">
        <button
          type="button"
          className="btn btn-icon btn-ghost"
          aria-expanded={props.expanded}
          aria-label={props.expanded ? `Collapse ${row.label}` : `Expand ${row.label}`}
          onClick={() => props.onToggle(!props.expanded)}
        >
          {props.expanded ? '▾' : '▸'}
        </button>
        <span className={`fx-valid-icon fx-valid-${row.status}`} aria-label={row.status}>
          {ICON[row.status]}
        </span>
        <span className="fx-health-name">
          <button type="button" className="link-button" onClick={props.onOpen}>
            {row.label}
          </button>
          <span className="muted">{row.scene ?? 'no scene'}</span>
        </span>
        <span className="fx-chips">
          {row.generationType ? <span className="fx-chip">{GENERATION_TYPE_LABELS[row.generationType as GenerationType] ?? row.generationType}</span> : null}
          {row.strategy ? <span className="fx-chip">{STRATEGY_LABELS[row.strategy as GenerationStrategy] ?? row.strategy}</span> : null}
          {row.enabled ? null : <span className="fx-tag">Disabled</span>}
        </span>
        <span className="fx-health-summary">{getValidationSummary(row.validation)}</span>
        <span className="fx-health-metric" title="Last run">
          {m?.last ? <span className={`fx-badge fx-status-${m.last.status}`}>{m.last.status}</span> : <span className="muted">never run</span>}
        </span>
        <span className="fx-health-metric" title="Success rate">
          {formatPercent(m?.successRate)}
        </span>
        <span className="fx-health-metric" title="p50 / p95 / p99">
          {formatMs(m?.latencyMs.p50)} / {formatMs(m?.latencyMs.p95)} / {formatMs(m?.latencyMs.p99)}
          {row.slow ? (
            <span className="fx-tag fx-tag-warning" data-testid="health-slow">
              slow
            </span>
          ) : null}
        </span>
        <span className="fx-health-metric" title="Cost">
          {formatUsd(m?.costUsd)}
        </span>
        <span className="fx-health-metric" title="Cache hit rate">
          {formatPercent(m?.cache.hitRate)} hit
        </span>
      </div>
      {props.expanded ? (
        issues.length === 0 ? (
          <p className="muted fx-health-issues">All checks passed.</p>
        ) : (
          <ul className="fx-health-issues">
            {issues.map((issue, i) => (
              <li key={i} data-severity={issue.severity}>
                <span className={`fx-sev fx-sev-${issue.severity}`}>{issue.severity}</span> <code>{issue.rule}</code> {issue.message}
                {issue.path ? <span className="muted"> ({issue.path})</span> : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </li>
  );
}
