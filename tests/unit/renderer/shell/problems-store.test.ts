import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROBLEMS_DEBOUNCE_MS } from '../../../../renderer/stores/problems-store';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { createFakeRpc, emptyDocument } from './fake-rpc';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const stores = createStudioStores(createFakeRpc().rpc);
  stores.graph.getState().load(emptyDocument(), null);
  return stores;
}

describe('problems panel store', () => {
  it('recomputes only after 300 ms of quiet', () => {
    const { graph, problems } = setup();
    graph.getState().addGenerationNode('transition', { x: 0, y: 0 });
    vi.advanceTimersByTime(PROBLEMS_DEBOUNCE_MS - 1);
    expect(problems.getState().rows).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(problems.getState().rows.length).toBeGreaterThan(0);
  });

  it('lists errors, then warnings, then suggestions, each by node label, with counts', () => {
    const { graph, problems } = setup();
    const b = graph.getState().addGenerationNode('transition', { x: 0, y: 0 })!;
    const a = graph.getState().addGenerationNode('transition', { x: 0, y: 200 })!;
    graph.getState().applyNodeEdit(b, { label: 'B node', config: { generationType: 'transition', purpose: 'gap_fill', strategy: 'once', enabled: true, fallback: { mode: 'skip' }, duration: { min: 5, max: 1 } } });
    graph.getState().applyNodeEdit(a, { label: 'A node', config: { generationType: 'transition', purpose: 'gap_fill', strategy: 'always', enabled: true, fallback: { mode: 'skip' }, duration: { min: 5, max: 1 } } });
    vi.advanceTimersByTime(PROBLEMS_DEBOUNCE_MS);
    const rows = problems.getState().rows;
    const order = { error: 0, warning: 1, suggestion: 2 } as const;
    for (let i = 1; i < rows.length; i += 1) {
      const prev = rows[i - 1]!;
      const cur = rows[i]!;
      expect(order[prev.severity] <= order[cur.severity]).toBe(true);
      if (prev.severity === cur.severity) expect(prev.nodeLabel.localeCompare(cur.nodeLabel, 'en')).toBeLessThanOrEqual(0);
    }
    const v30 = rows.filter((r) => r.rule === 'V30');
    expect(v30.map((r) => r.nodeId)).toEqual([a, b]);
    expect(v30[0]).toMatchObject({ severity: 'error', path: 'duration.min', nodeLabel: 'A node' });
    const counts = problems.getState().counts;
    expect(counts.error + counts.warning + counts.suggestion).toBe(rows.length);
    expect(problems.getState().byNode[a]!.status).toBe('error');
  });

  it('includes graph problems with their rule and node', () => {
    const { graph, problems } = setup();
    graph.getState().addGenerationNode('transition', { x: 0, y: 0 });
    graph.getState().commit((d) => ({ ...d, edges: [{ id: 'edge-dangling', source: 'scene-gone', target: d.generationNodes[0]!.id }] }));
    vi.advanceTimersByTime(PROBLEMS_DEBOUNCE_MS);
    const g02 = problems.getState().rows.find((r) => r.rule === 'G02');
    expect(g02).toMatchObject({ severity: 'error', nodeId: 'edge-dangling' });
  });

  it('re-validates only the nodes whose config changed', () => {
    const { graph, problems } = setup();
    const a = graph.getState().addGenerationNode('transition', { x: 0, y: 0 })!;
    const b = graph.getState().addGenerationNode('dialogue', { x: 0, y: 200 })!;
    vi.advanceTimersByTime(PROBLEMS_DEBOUNCE_MS);
    const before = problems.getState().results;
    const nodeA = graph.getState().document!.generationNodes.find((n) => n.id === a)!;
    graph.getState().applyNodeEdit(a, { config: { ...nodeA.config, purpose: 'ambient' } });
    vi.advanceTimersByTime(PROBLEMS_DEBOUNCE_MS);
    const after = problems.getState().results;
    expect(after[b]).toBe(before[b]);
    expect(after[a]).not.toBe(before[a]);
    expect(after[a]!.warnings.some((w) => w.rule === 'V05')).toBe(true);
  });

  it('re-validates everything when the user cap changes', () => {
    const { graph, problems, session } = setup();
    const a = graph.getState().addGenerationNode('dialogue', { x: 0, y: 0 })!;
    const nodeA = graph.getState().document!.generationNodes.find((n) => n.id === a)!;
    graph.getState().applyNodeEdit(a, { config: { ...nodeA.config, socialContext: { contentRating: 'mature_implied' } } });
    vi.advanceTimersByTime(PROBLEMS_DEBOUNCE_MS);
    expect(problems.getState().rows.filter((r) => r.rule === 'V13')).toHaveLength(1);
    const settings = session.getState().settings;
    session.setState({ settings: { ...settings, user: { ...settings.user, maxContentRating: 'restricted' } } });
    vi.advanceTimersByTime(PROBLEMS_DEBOUNCE_MS);
    expect(problems.getState().rows.filter((r) => r.rule === 'V13')).toHaveLength(0);
  });
});
