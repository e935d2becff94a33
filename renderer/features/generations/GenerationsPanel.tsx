import '../features.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { GENERATION_STATUSES } from '../../../core/domain/vocabulary';
import { useGraphStore } from '../../stores/context';
import { EmptyState } from '../shared/EmptyState';
import { StatusBadge } from '../shared/StatusBadge';
import { VirtualList } from '../shared/VirtualList';
import { GenerationDetail } from './GenerationDetail';
import { GenerationFilters } from './GenerationFilters';
import { GenerationRow, ROW_HEIGHT } from './GenerationRow';
import { parseGenerationRoute } from './list-logic';
import { useGenerations, useGenerationsStoreApi } from './use-generations';

// studio-ui.md §7: the dev panel. Lives in the bottom dock; `#/generations/<id>` opens the drawer directly.

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function GenerationsPanel() {
  const api = useGenerationsStoreApi();
  const projectId = useGraphStore((s) => s.document?.projectId ?? null);
  const nodes = useGraphStore((s) => s.document?.generationNodes);
  const items = useGenerations((s) => s.items);
  const counts = useGenerations((s) => s.counts);
  const total = useGenerations((s) => s.total);
  const nextCursor = useGenerations((s) => s.nextCursor);
  const loading = useGenerations((s) => s.loading);
  const error = useGenerations((s) => s.error);
  const selectedId = useGenerations((s) => s.selectedId);
  const now = useNow(15_000);

  const labels = useMemo(() => new Map((nodes ?? []).map((n) => [n.id, n.label || n.id])), [nodes]);

  useEffect(() => {
    const stop = api.getState().start();
    api.getState().setVisible(true);
    const onVisibility = () => api.getState().setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      stop();
    };
  }, [api]);

  // Events are only heard while mounted, so every mount (and project) starts from a fresh read.
  useEffect(() => {
    api.getState().setProject(projectId);
    void api.getState().refresh();
  }, [api, projectId]);

  useEffect(() => {
    const follow = () => {
      const route = parseGenerationRoute(window.location.hash);
      if (route?.kind === 'generation' && route.id !== api.getState().selectedId) void api.getState().select(route.id);
      if (route?.kind === 'node') void api.getState().drillDown(route.nodeId);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [api]);

  const onSelect = useCallback(
    (id: string) => {
      void api.getState().select(id);
      window.history.replaceState(null, '', `#/generations/${id}`);
    },
    [api],
  );
  const onClose = useCallback(() => {
    void api.getState().select(null);
    if (parseGenerationRoute(window.location.hash) !== null) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, [api]);

  const summaryTotal = GENERATION_STATUSES.reduce((sum, status) => sum + counts[status], 0);

  return (
    <div className="fx-panel fx-generations" data-testid="generations-panel">
      <GenerationFilters />
      <div className="fx-summary" data-testid="gen-summary" aria-label="Generations per status">
        <span className="fx-summary-total">{summaryTotal} total</span>
        {GENERATION_STATUSES.map((status) => (
          <span key={status} className="fx-summary-item" data-status={status} data-count={counts[status]}>
            <StatusBadge status={status} /> <strong>{counts[status]}</strong>
          </span>
        ))}
      </div>
      {error ? (
        <p className="fx-note fx-note-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="fx-split">
        <div className="fx-split-main">
          {items.length === 0 ? (
            <EmptyState icon="⌁" title={loading ? 'Loading generations…' : 'No generations found'} testId="gen-list">
              {loading ? null : 'Generate a preview from a node, or widen the filters.'}
            </EmptyState>
          ) : (
            <VirtualList
              items={items}
              rowHeight={ROW_HEIGHT}
              getKey={(g) => g.id}
              label="Generations"
              testId="gen-list"
              renderRow={(g) => (
                <GenerationRow generation={g} nodeLabel={labels.get(g.nodeId) ?? null} selected={g.id === selectedId} now={now} onSelect={onSelect} />
              )}
              footer={
                <div className="fx-list-footer">
                  <span className="muted">
                    {items.length} of {total}
                  </span>
                  {nextCursor !== null ? (
                    <button type="button" className="btn" data-testid="gen-load-more" disabled={loading} onClick={() => void api.getState().loadMore()}>
                      {loading ? 'Loading…' : 'Load more'}
                    </button>
                  ) : null}
                </div>
              }
            />
          )}
        </div>
        <GenerationDetail onClose={onClose} />
      </div>
    </div>
  );
}
