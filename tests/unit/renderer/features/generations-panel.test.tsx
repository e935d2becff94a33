// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GenerationsPanel } from '../../../../renderer/features';
import { counts, makeGeneration } from './fixtures';
import { renderWithStudio } from './render';
import { createStudio } from './studio';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

function setup(items = [makeGeneration({ status: 'completed' }), makeGeneration({ status: 'failed', durationMs: null, errorCode: 'GEN_PROVIDER_TIMEOUT', errorClass: 'timeout', errorMessage: 'Timed out after 30 s' })]) {
  const { fake, studio } = createStudio();
  fake.handle('generations.list', () => ({ items, nextCursor: null, total: items.length, counts: counts({ completed: 41, failed: 2 }) }));
  fake.handle('generations.get', ({ id }) => items.find((g) => g.id === id) ?? items[0]!);
  fake.handle('generations.events', () => [
    { seq: 1, type: 'generation.created', at: items[0]!.createdAt, data: {} },
    { seq: 2, type: 'generation.statusChanged', at: items[0]!.createdAt, data: { from: 'pending', to: 'processing' } },
  ]);
  renderWithStudio(<GenerationsPanel />, studio);
  return { fake, studio, items };
}

describe('GenerationsPanel', () => {
  it('shows the summary over the filter and one row per generation with its status', async () => {
    const { items } = setup();
    await screen.findByTestId(`gen-row-${items[0]!.id}`);
    const summary = screen.getByTestId('gen-summary');
    expect(summary.querySelector('[data-status="completed"]')?.getAttribute('data-count')).toBe('41');
    expect(summary.querySelector('[data-status="failed"]')?.getAttribute('data-count')).toBe('2');
    const failed = screen.getByTestId(`gen-row-${items[1]!.id}`);
    expect(failed.getAttribute('data-status')).toBe('failed');
    expect(failed.textContent).toContain('video_transition via local-preview');
    expect(failed.textContent).toContain('—');
    expect(screen.getByTestId(`gen-row-${items[0]!.id}`).textContent).toContain('1.23s');
    expect(screen.getByTestId(`gen-row-${items[0]!.id}`).textContent).toContain('aaaaaaaaaaaa');
  });

  it('opens the drawer with every section, and offers retry for a failed generation', async () => {
    const { items } = setup();
    fireEvent.click(await screen.findByTestId(`gen-row-${items[1]!.id}`));
    const drawer = await screen.findByTestId('gen-detail');
    await within(drawer).findByTestId('gen-detail-error');
    for (const id of ['gen-detail-status', 'gen-detail-why', 'gen-detail-hash', 'gen-detail-cache-key', 'gen-detail-prompt', 'gen-detail-social', 'gen-detail-params', 'gen-detail-result', 'gen-detail-events']) {
      expect(within(drawer).getByTestId(id)).toBeTruthy();
    }
    expect(within(drawer).getByTestId('gen-detail-retry')).toBeTruthy();
    expect(within(drawer).queryByTestId('gen-detail-cancel')).toBeNull();
    expect(within(drawer).getByTestId('gen-detail-events').querySelectorAll('li')).toHaveLength(2);
    expect(window.location.hash).toBe(`#/generations/${items[1]!.id}`);
  });

  it('opens the drawer from the #/generations/<id> route', async () => {
    const target = makeGeneration({ status: 'processing', durationMs: null });
    window.history.replaceState(null, '', `#/generations/${target.id}`);
    setup([target]);
    const drawer = await screen.findByTestId('gen-detail');
    await waitFor(() => expect(drawer.getAttribute('data-status')).toBe('processing'));
    expect(within(drawer).getByTestId('gen-detail-cancel')).toBeTruthy();
  });

  it('drills down to a node from #/generations/node/<id>: filtered, newest selected', async () => {
    const newest = makeGeneration({ nodeId: 'gen-d', status: 'failed', durationMs: null });
    window.history.replaceState(null, '', '#/generations/node/gen-d');
    const { fake } = setup([newest, makeGeneration({ nodeId: 'gen-d' })]);
    await waitFor(() => expect(fake.callsOf('generations.list').at(-1)).toMatchObject({ nodeId: 'gen-d' }));
    await waitFor(() => expect(screen.getByTestId('gen-detail').getAttribute('data-status')).toBe('failed'));
    expect(screen.getByTestId('gen-filter-node')).toHaveProperty('value', 'gen-d');
  });

  it('names the binding cap of a clamped rating', async () => {
    const clamped = makeGeneration({
      socialContext: { contentRating: 'romantic', originalRating: 'restricted', ratingClamped: true, worldMaxRating: 'mature_implied', userMaxRating: 'romantic', intimacyBand: 'intense', npcIds: [3] },
    });
    setup([clamped]);
    fireEvent.click(await screen.findByTestId(`gen-row-${clamped.id}`));
    const note = await screen.findByTestId('gen-detail-rating-clamped');
    expect(note.textContent).toContain('restricted');
    expect(note.textContent).toContain('user cap');
    expect(note.textContent).not.toContain('world cap');
  });

  it('sends filters to generations.list', async () => {
    const { fake } = setup();
    await waitFor(() => expect(fake.callsOf('generations.list').length).toBeGreaterThan(0));
    fireEvent.change(screen.getByTestId('gen-filter-status'), { target: { value: 'failed' } });
    await waitFor(() => expect(fake.callsOf('generations.list').at(-1)).toMatchObject({ status: 'failed' }));
    fireEvent.click(screen.getByTestId('gen-filter-project'));
    await waitFor(() => expect(fake.callsOf('generations.list').at(-1)).not.toHaveProperty('projectId'));
  });

  it('renders only a window of a long list, and loads the next page on demand', async () => {
    const many = Array.from({ length: 200 }, () => makeGeneration());
    const { fake, studio } = createStudio();
    fake.handle('generations.list', (input) =>
      input.cursor ? { items: [], nextCursor: null, total: 200, counts: counts({ completed: 200 }) } : { items: many, nextCursor: 'c2', total: 400, counts: counts({ completed: 400 }) },
    );
    renderWithStudio(<GenerationsPanel />, studio);
    await screen.findByTestId(`gen-row-${many[0]!.id}`);
    const rendered = document.querySelectorAll('[data-testid^="gen-row-"]').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    fireEvent.click(screen.getByTestId('gen-load-more'));
    await waitFor(() => expect(fake.callsOf('generations.list').at(-1)).toMatchObject({ cursor: 'c2' }));
  });

  it('has a designed empty state', async () => {
    setup([]);
    await waitFor(() => expect(screen.getByTestId('gen-list').textContent).toContain('No generations found'));
    expect(screen.getByTestId('gen-detail').textContent).toContain('Select a generation to view details');
  });
});
