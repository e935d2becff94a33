import { describe, expect, it } from 'vitest';
import {
  applyChanged,
  applyCreated,
  DEFAULT_PANEL_FILTER,
  parseGenerationRoute,
  toListFilter,
  type PanelFilter,
} from '../../../../renderer/features/generations/list-logic';
import { bindingCaps, canCancel, canRetry, createdWhy, reusesOf } from '../../../../renderer/features/generations/detail-logic';
import { counts, makeGeneration, PROJECT_ID } from './fixtures';

describe('dev panel filters (studio-ui.md §7)', () => {
  it('sends only the chosen filters, scoped to the project by default, 50 per page', () => {
    expect(toListFilter(DEFAULT_PANEL_FILTER, PROJECT_ID)).toEqual({ limit: 50, projectId: PROJECT_ID });
    const filter: PanelFilter = { ...DEFAULT_PANEL_FILTER, status: 'failed', operation: 'text_generation', providerId: 'ollama', nodeId: 'gen-d', projectOnly: false };
    expect(toListFilter(filter, PROJECT_ID, 50, 'cursor-2')).toEqual({
      limit: 50,
      status: 'failed',
      operation: 'text_generation',
      providerId: 'ollama',
      nodeId: 'gen-d',
      cursor: 'cursor-2',
    });
  });

  it('puts a created generation on top and counts it under its status', () => {
    const slice = { items: [makeGeneration()], counts: counts({ completed: 1 }), total: 1 };
    const g = makeGeneration({ status: 'pending' });
    const next = applyCreated(slice, g, DEFAULT_PANEL_FILTER, PROJECT_ID);
    expect(next.items[0]?.id).toBe(g.id);
    expect(next.counts).toEqual(counts({ completed: 1, pending: 1 }));
    expect(next.total).toBe(2);
  });

  it('ignores a generation of another project while "This project only" is on', () => {
    const slice = { items: [], counts: counts(), total: 0 };
    const next = applyCreated(slice, makeGeneration({ projectId: 'other' }), DEFAULT_PANEL_FILTER, PROJECT_ID);
    expect(next).toBe(slice);
  });

  it('counts a created generation that the status filter hides, without listing it', () => {
    const filter = { ...DEFAULT_PANEL_FILTER, status: 'failed' as const };
    const next = applyCreated({ items: [], counts: counts(), total: 0 }, makeGeneration({ status: 'pending' }), filter, PROJECT_ID);
    expect(next.items).toEqual([]);
    expect(next.counts.pending).toBe(1);
  });

  it('moves one count from the old status to the new one and replaces the row in place', () => {
    const g = makeGeneration({ status: 'processing' });
    const slice = { items: [g], counts: counts({ processing: 1 }), total: 1 };
    const done = { ...g, status: 'completed' as const };
    const next = applyChanged(slice, done, 'processing', DEFAULT_PANEL_FILTER, PROJECT_ID);
    expect(next.items[0]).toBe(done);
    expect(next.counts).toEqual(counts({ completed: 1 }));
  });

  it('drops a row that leaves a status-filtered view', () => {
    const g = makeGeneration({ status: 'processing' });
    const filter = { ...DEFAULT_PANEL_FILTER, status: 'processing' as const };
    const next = applyChanged({ items: [g], counts: counts({ processing: 1 }), total: 1 }, { ...g, status: 'failed' }, 'processing', filter, PROJECT_ID);
    expect(next.items).toEqual([]);
    expect(next.total).toBe(0);
    expect(next.counts).toEqual(counts({ failed: 1 }));
  });

  it('opens the drawer for #/generations/<id>, drills down for #/generations/node/<id>, and nothing else', () => {
    expect(parseGenerationRoute('#/generations/g-123_x')).toEqual({ kind: 'generation', id: 'g-123_x' });
    expect(parseGenerationRoute('#/generations/node/gen-t')).toEqual({ kind: 'node', nodeId: 'gen-t' });
    expect(parseGenerationRoute('#/generations/')).toBeNull();
    expect(parseGenerationRoute('#/health')).toBeNull();
    expect(parseGenerationRoute('#/generations/a/b')).toBeNull();
  });
});

describe('detail drawer logic', () => {
  it('explains a record by how it was created', () => {
    expect(createdWhy(makeGeneration()).reason).toBe('new');
    expect(createdWhy(makeGeneration({ strategy: 'always' })).reason).toBe('cache_disabled');
    const retry = createdWhy(makeGeneration({ parentGenerationId: 'g-parent' }));
    expect(retry).toMatchObject({ reason: 'retry', matchedGenerationId: 'g-parent' });
  });

  it('lists every reuse event of the timeline', () => {
    const reuses = reusesOf([
      { seq: 1, type: 'generation.created', at: 'a', data: {} },
      { seq: 2, type: 'generation.reused', at: 'b', data: { why: { source: 'cache', reason: 'cache_hit', message: 'Served from cache', matchedGenerationId: 'g1' } } },
      { seq: 3, type: 'generation.reused', at: 'c', data: { why: 'not an object' } },
    ]);
    expect(reuses).toEqual([{ at: 'b', why: { source: 'cache', reason: 'cache_hit', message: 'Served from cache', matchedGenerationId: 'g1' } }]);
  });

  it('social.md §8 (a): names the user cap as binding when only it equals the final rating', () => {
    expect(
      bindingCaps({ contentRating: 'romantic', originalRating: 'restricted', ratingClamped: true, worldMaxRating: 'mature_implied', userMaxRating: 'romantic' }),
    ).toEqual(['user']);
    expect(
      bindingCaps({ contentRating: 'romantic', originalRating: 'mature_implied', ratingClamped: true, worldMaxRating: 'romantic', userMaxRating: 'romantic' }),
    ).toEqual(['world', 'user']);
    expect(bindingCaps({ contentRating: 'sfw' })).toEqual([]);
  });

  it('offers retry for failed and cancelled, cancel for pending and processing', () => {
    expect(['pending', 'processing', 'completed', 'failed', 'cancelled'].filter((status) => canRetry({ status: status as never }))).toEqual(['failed', 'cancelled']);
    expect(['pending', 'processing', 'completed', 'failed', 'cancelled'].filter((status) => canCancel({ status: status as never }))).toEqual(['pending', 'processing']);
  });
});
