import { memo } from 'react';
import type { Generation } from '../../../core/domain/generation';
import { formatDuration, formatRelative, shortId } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';

export const ROW_HEIGHT = 40;

/** One dev-panel row (studio-ui.md §7). The hash may be absent on a malformed record: shown as a dash. */
export const GenerationRow = memo(function GenerationRow(props: {
  generation: Generation;
  nodeLabel: string | null;
  selected: boolean;
  now: number;
  onSelect(id: string): void;
}) {
  const g = props.generation;
  const progress = g.status === 'processing' && g.progress !== null ? ` ${Math.round(g.progress * 100)}%` : '';
  return (
    <button
      type="button"
      data-row
      className={props.selected ? 'fx-gen-row is-selected' : 'fx-gen-row'}
      data-testid={`gen-row-${g.id}`}
      data-status={g.status}
      aria-pressed={props.selected}
      onClick={() => props.onSelect(g.id)}
    >
      <code className="fx-gen-id" title={g.id}>
        {shortId(g.id)}
      </code>
      <StatusBadge status={g.status} />
      <span className="fx-gen-op">
        {g.operation} via {g.providerId}
        {progress}
      </span>
      <span className="fx-gen-node" title={g.nodeId}>
        {props.nodeLabel ?? g.nodeId}
        {g.preview ? <span className="fx-tag">preview</span> : null}
      </span>
      <span className="fx-gen-duration">{formatDuration(g.durationMs)}</span>
      <code className="fx-gen-hash">{g.hash ? g.hash.slice(0, 12) : '—'}</code>
      <time className="fx-gen-time" dateTime={g.createdAt} title={g.createdAt}>
        {formatRelative(g.createdAt, props.now)}
      </time>
    </button>
  );
});
