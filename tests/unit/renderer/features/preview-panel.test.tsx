// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PreviewPanel } from '../../../../renderer/features';
import { makeGeneration } from './fixtures';
import { renderWithStudio } from './render';
import { createStudio } from './studio';

afterEach(cleanup);

function setup() {
  const { fake, studio } = createStudio();
  const config = studio.graph.getState().document!.generationNodes[0]!.config;
  renderWithStudio(<PreviewPanel nodeId="gen-t" draftConfig={config} />, studio);
  return { fake, studio, config };
}

describe('PreviewPanel', () => {
  it('has one slider per axis of the schema for each NPC, over the axis range', () => {
    setup();
    for (const axis of ['affinity', 'trust', 'chemistry', 'tension']) {
      const slider = screen.getByTestId(`preview-axis-7-${axis}`);
      expect(slider.getAttribute('min')).toBe('0');
      expect(slider.getAttribute('max')).toBe('100');
      expect(slider.getAttribute('step')).toBe('1');
    }
    expect(screen.getByTestId('preview-playthrough-id')).toHaveProperty('value', 'preview-playthrough');
    expect(screen.getByTestId('preview-player-id')).toHaveProperty('value', 'preview-player');
  });

  it('a slider change flips the rating and shows the clamp note', () => {
    setup();
    expect(screen.getByTestId('preview-social-rating').getAttribute('data-value')).toBe('sfw');
    expect(screen.queryByTestId('preview-rating-clamped')).toBeNull();
    fireEvent.change(screen.getByTestId('preview-preset'), { target: { value: 'preset-flirt' } });
    expect(screen.getByTestId('preview-social-level').getAttribute('data-value')).toBe('deep_flirt');
    expect(screen.getByTestId('preview-social-band').getAttribute('data-value')).toBe('deep');
    expect(screen.getByTestId('preview-social-rating').getAttribute('data-value')).toBe('romantic');
    expect(screen.getByTestId('preview-rating-clamped').textContent).toContain('mature_implied → romantic');
    fireEvent.change(screen.getByTestId('preview-axis-7-chemistry'), { target: { value: '10' } });
    expect(screen.getByTestId('preview-social-rating').getAttribute('data-value')).toBe('sfw');
    expect(screen.queryByTestId('preview-rating-clamped')).toBeNull();
  });

  it('shows the cache key the request would use, following the playthrough id', () => {
    setup();
    expect(screen.getByTestId('preview-cache-key').textContent).toBe(
      'generation:video_transition|gap_fill|scene-a|scene-b|per_playthrough|pt:preview-playthrough|r:sfw|v3',
    );
    fireEvent.change(screen.getByTestId('preview-playthrough-id'), { target: { value: 'run-2' } });
    expect(screen.getByTestId('preview-cache-key').textContent).toContain('|pt:run-2|');
  });

  it('generates, then shows the result and the why', async () => {
    const { fake } = setup();
    fake.handle('generations.validate', () => ({
      ok: true, error: null, validation: { errors: [], warnings: [], suggestions: [] }, socialContext: { contentRating: 'sfw' },
      finalPrompt: 'x', promptSource: 'default', promptVersionId: null, canonicalParams: {}, inputs: [], hash: null, cacheKey: null,
      prediction: null, estimatedCostUsd: 0, budget: {},
    }));
    const g = makeGeneration({ result: { origin: 'provider', kind: 'text', mediaType: 'text/plain', text: '<b>not markup</b>' } });
    fake.handle('generations.create', () => ({
      generation: g,
      why: { source: 'cache', reason: 'cache_hit', hash: g.hash, cacheKey: g.cacheKey, dedupScope: { projectId: g.projectId, providerId: 'local-preview', operation: 'video_transition' }, matchedGenerationId: g.id, cacheEntry: null, skipped: [], ratingClamped: false, message: 'Served from cache.' },
    }));
    fireEvent.click(screen.getByTestId('preview-generate'));
    const result = await screen.findByTestId('preview-result');
    expect(result.getAttribute('data-kind')).toBe('text');
    expect(result.textContent).toBe('<b>not markup</b>');
    expect(result.querySelector('b')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('preview-why').getAttribute('data-source')).toBe('cache'));
    expect(screen.getByTestId('preview-why').textContent).toContain('Served from cache.');
  });

  it('asks with the mature dialog and creates on accept', async () => {
    const { fake } = setup();
    fake.handle('generations.validate', () => ({
      ok: true, error: null, validation: { errors: [], warnings: [], suggestions: [] }, socialContext: { contentRating: 'mature_implied' },
      finalPrompt: 'x', promptSource: 'default', promptVersionId: null, canonicalParams: {}, inputs: [], hash: null, cacheKey: null,
      prediction: null, estimatedCostUsd: 0, budget: {},
    }));
    fake.handle('generations.create', () => ({ generation: makeGeneration(), why: { source: 'created', reason: 'new', hash: 'h', cacheKey: null, dedupScope: { projectId: 'p', providerId: 'l', operation: 'o' }, matchedGenerationId: null, cacheEntry: null, skipped: [], ratingClamped: false, message: 'New.' } }));
    fireEvent.click(screen.getByTestId('preview-generate'));
    const dialog = await screen.findByTestId('confirm-mature-dialog');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(fake.callsOf('generations.create')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('confirm-mature-accept'));
    await waitFor(() => expect(fake.callsOf('generations.create')).toHaveLength(1));
    expect(screen.queryByTestId('confirm-mature-dialog')).toBeNull();
  });
});
