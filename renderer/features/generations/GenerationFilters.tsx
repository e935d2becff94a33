import { GENERATION_STATUSES, OPERATION_TYPES, type GenerationStatus, type OperationType } from '../../../core/domain/vocabulary';
import { useGraphStore, useSessionStore } from '../../stores/context';
import type { PanelFilter } from './list-logic';
import { useGenerations, useGenerationsStoreApi } from './use-generations';

function titleCase(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

export function GenerationFilters() {
  const api = useGenerationsStoreApi();
  const filter = useGenerations((s) => s.filter);
  const loading = useGenerations((s) => s.loading);
  const providers = useSessionStore((s) => s.providers);
  const nodes = useGraphStore((s) => s.document?.generationNodes);
  const world = useGraphStore((s) => s.document?.world);
  const set = (patch: Partial<PanelFilter>) => void api.getState().setFilter(patch);

  return (
    <div className="fx-toolbar" role="toolbar" aria-label="Generation filters">
      <label className="fx-field-inline">
        <span>Status</span>
        <select data-testid="gen-filter-status" value={filter.status} onChange={(e) => set({ status: e.target.value as GenerationStatus | 'all' })}>
          <option value="all">All</option>
          {GENERATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {titleCase(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="fx-field-inline">
        <span>Operation</span>
        <select
          data-testid="gen-filter-operation"
          value={filter.operation}
          onChange={(e) => set({ operation: e.target.value as OperationType | 'all' })}
        >
          <option value="all">All</option>
          {OPERATION_TYPES.map((op) => (
            <option key={op} value={op}>
              {op}
            </option>
          ))}
        </select>
      </label>
      <label className="fx-field-inline">
        <span>Provider</span>
        <select data-testid="gen-filter-provider" value={filter.providerId} onChange={(e) => set({ providerId: e.target.value })}>
          <option value="">All</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label ?? p.id}
            </option>
          ))}
        </select>
      </label>
      <label className="fx-field-inline">
        <span>World</span>
        <select data-testid="gen-filter-world" value={filter.worldId} onChange={(e) => set({ worldId: e.target.value })}>
          <option value="">All</option>
          {world ? <option value={world.id}>{world.name || world.id}</option> : null}
        </select>
      </label>
      <label className="fx-field-inline">
        <span>Node</span>
        <select data-testid="gen-filter-node" value={filter.nodeId} onChange={(e) => set({ nodeId: e.target.value })}>
          <option value="">All</option>
          {filter.nodeId && !nodes?.some((n) => n.id === filter.nodeId) ? <option value={filter.nodeId}>{filter.nodeId}</option> : null}
          {(nodes ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {n.label || n.id}
            </option>
          ))}
        </select>
      </label>
      <label className="fx-check">
        <input type="checkbox" data-testid="gen-filter-project" checked={filter.projectOnly} onChange={(e) => set({ projectOnly: e.target.checked })} />
        <span>This project only</span>
      </label>
      <button type="button" className="btn" data-testid="gen-refresh" onClick={() => void api.getState().refresh()} disabled={loading}>
        {loading ? 'Refreshing…' : 'Refresh'}
      </button>
    </div>
  );
}
