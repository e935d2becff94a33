import type { Generation, GenerationFilter, StatusCounts } from '../../../core/domain/generation';
import type { GenerationStatus, OperationType } from '../../../core/domain/vocabulary';

// studio-ui.md §7: the dev panel's filters, what they send to generations.list, and how a live event
// changes the loaded page and the summary without a refetch.

export const PAGE_SIZE = 50;

export type PanelFilter = {
  status: GenerationStatus | 'all';
  operation: OperationType | 'all';
  providerId: string;
  worldId: string;
  nodeId: string;
  projectOnly: boolean;
};

export const DEFAULT_PANEL_FILTER: PanelFilter = {
  status: 'all',
  operation: 'all',
  providerId: '',
  worldId: '',
  nodeId: '',
  projectOnly: true,
};

export function toListFilter(filter: PanelFilter, projectId: string | null, limit = PAGE_SIZE, cursor?: string): GenerationFilter {
  const out: GenerationFilter = { limit };
  if (filter.projectOnly && projectId) out.projectId = projectId;
  if (filter.status !== 'all') out.status = filter.status;
  if (filter.operation !== 'all') out.operation = filter.operation;
  if (filter.providerId) out.providerId = filter.providerId;
  if (filter.worldId) out.worldId = filter.worldId;
  if (filter.nodeId) out.nodeId = filter.nodeId;
  if (cursor !== undefined) out.cursor = cursor;
  return out;
}

/** Whether a record falls under the filter, ignoring status (which is how `counts` are computed). */
export function matchesScope(g: Generation, filter: PanelFilter, projectId: string | null): boolean {
  if (filter.projectOnly && projectId && g.projectId !== projectId) return false;
  if (filter.operation !== 'all' && g.operation !== filter.operation) return false;
  if (filter.providerId && g.providerId !== filter.providerId) return false;
  if (filter.worldId && g.worldId !== filter.worldId) return false;
  if (filter.nodeId && g.nodeId !== filter.nodeId) return false;
  return true;
}

export function matchesFilter(g: Generation, filter: PanelFilter, projectId: string | null): boolean {
  return matchesScope(g, filter, projectId) && (filter.status === 'all' || g.status === filter.status);
}

export type ListSlice = { items: Generation[]; counts: StatusCounts; total: number };

function bump(counts: StatusCounts, status: GenerationStatus, by: number): StatusCounts {
  return { ...counts, [status]: Math.max(0, counts[status] + by) };
}

/** A new record: newest first, so it goes on top when it matches. */
export function applyCreated(slice: ListSlice, g: Generation, filter: PanelFilter, projectId: string | null): ListSlice {
  if (slice.items.some((item) => item.id === g.id) || !matchesScope(g, filter, projectId)) return slice;
  const counts = bump(slice.counts, g.status, 1);
  if (!matchesFilter(g, filter, projectId)) return { ...slice, counts };
  return { items: [g, ...slice.items], counts, total: slice.total + 1 };
}

/** A status change: the row is replaced in place, leaves a status-filtered list, and moves one count. */
export function applyChanged(
  slice: ListSlice,
  g: Generation,
  from: GenerationStatus,
  filter: PanelFilter,
  projectId: string | null,
): ListSlice {
  const index = slice.items.findIndex((item) => item.id === g.id);
  const inScope = matchesScope(g, filter, projectId);
  const counts = inScope && from !== g.status ? bump(bump(slice.counts, from, -1), g.status, 1) : slice.counts;
  if (index === -1) {
    if (!matchesFilter(g, filter, projectId) || filter.status === 'all') return { ...slice, counts };
    // It just entered a status-filtered view: place it by creation time.
    const items = [...slice.items, g].sort(compareNewestFirst);
    return { items, counts, total: slice.total + 1 };
  }
  if (!matchesFilter(g, filter, projectId)) {
    return { items: slice.items.filter((item) => item.id !== g.id), counts, total: Math.max(0, slice.total - 1) };
  }
  const items = slice.items.slice();
  items[index] = g;
  return { items, counts, total: slice.total };
}

export function applyProgress(items: Generation[], id: string, progress: number): Generation[] {
  const index = items.findIndex((item) => item.id === id);
  const current = items[index];
  if (current === undefined || current.progress === progress) return items;
  const next = items.slice();
  next[index] = { ...current, progress };
  return next;
}

/** engine.md §2.1 order: createdAt descending, then id descending. */
export function compareNewestFirst(a: Generation, b: Generation): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

export type GenerationRoute = { kind: 'generation'; id: string } | { kind: 'node'; nodeId: string };

/**
 * `#/generations/<id>` opens the drawer for that generation (studio-ui.md §7); `#/generations/node/<nodeId>` is
 * the node drill-down: the list filtered to the node, with its newest generation selected.
 */
export function parseGenerationRoute(hash: string): GenerationRoute | null {
  const node = /^#\/generations\/node\/([A-Za-z0-9_-]{1,128})$/.exec(hash);
  if (node?.[1]) return { kind: 'node', nodeId: node[1] };
  const match = /^#\/generations\/([A-Za-z0-9_-]{1,128})$/.exec(hash);
  return match?.[1] ? { kind: 'generation', id: match[1] } : null;
}
