import { describe, expect, it } from 'vitest';
import {
  MINIMAP_SIZE,
  minimapColorFor,
  minimapShapes,
  minimapView,
  pannedViewport,
  visibleRect,
  wheelZoom,
  type Rect,
} from '../../../../renderer/components/canvas/minimap-geometry';
import type { FlowNode } from '../../../../renderer/graph/flow-sync';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { createFakeRpc, emptyDocument } from './fake-rpc';

/** A graph with scenes and generation nodes spread around, as the graph store makes them. */
function storeNodes(): FlowNode[] {
  const { graph } = createStudioStores(createFakeRpc().rpc);
  graph.getState().load(emptyDocument(), null);
  graph.getState().addScene({ x: -400, y: 96 });
  graph.getState().addScene({ x: 800, y: -240 });
  graph.getState().addGenerationNode('transition', { x: 208, y: 32 });
  graph.getState().addGenerationNode('transition', { x: 1200, y: 640 });
  return graph.getState().nodes;
}

/** The rectangles of one path, read back from its `M x,y h w v h h -w z` commands. */
function rectsOf(d: string): Rect[] {
  return [...d.matchAll(/M(-?[\d.]+),(-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h(-?[\d.]+)z/g)].map((m) => {
    expect(Number(m[5])).toBe(-Number(m[3]));
    return { x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) };
  });
}

function contains(outer: Rect, inner: Rect): boolean {
  const e = 1e-9;
  return inner.x >= outer.x - e && inner.y >= outer.y - e && inner.x + inner.width <= outer.x + outer.width + e && inner.y + inner.height <= outer.y + outer.height + e;
}

describe('minimap drawing', () => {
  it('draws every visible node as its own rectangle in one path per colour, and bounds them all', () => {
    const nodes = storeNodes();
    const hidden = { ...nodes[0]!, id: 'hidden-one', hidden: true } as FlowNode;
    const colorOf = (node: FlowNode) => (node.type === 'scene' ? 'teal' : 'violet');
    const { paths, bounds } = minimapShapes([...nodes, hidden], colorOf);

    expect(paths.map((p) => p.color).sort()).toEqual(['teal', 'violet']);
    for (const path of paths) {
      const expected = nodes.filter((n) => colorOf(n) === path.color).map((n) => ({ x: n.position.x, y: n.position.y, width: n.width, height: n.height }));
      expect(rectsOf(path.d)).toEqual(expected);
      expect(path.count).toBe(expected.length);
    }
    const rects = paths.flatMap((p) => rectsOf(p.d));
    expect(rects).toHaveLength(nodes.length);
    for (const rect of rects) expect(contains(bounds!, rect)).toBe(true);
    expect(bounds!.x).toBe(Math.min(...rects.map((r) => r.x)));
    expect(bounds!.y + bounds!.height).toBe(Math.max(...rects.map((r) => r.y + r.height)));
  });

  it('stays a handful of elements however large the graph', () => {
    const [scene, gen] = storeNodes().filter((n, i, all) => all.findIndex((m) => m.type === n.type) === i);
    const many = Array.from({ length: 10_000 }, (_, k) => ({ ...(k % 2 === 0 ? scene! : gen!), id: `n-${k}`, position: { x: (k % 50) * 300, y: Math.floor(k / 50) * 200 } }) as FlowNode);
    const { paths } = minimapShapes(many, minimapColorFor({}));
    expect(paths.length).toBeLessThanOrEqual(2);
    expect(paths.reduce((sum, p) => sum + p.count, 0)).toBe(10_000);
  });

  it('colours scenes, disabled nodes and nodes by their last run (studio-ui.md §3)', () => {
    const nodes = storeNodes();
    const scene = nodes.find((n) => n.type === 'scene')!;
    const gen = nodes.find((n) => n.type === 'generation')!;
    expect(gen.type === 'generation' && gen.data.node.config['enabled']).toBe(true);
    const disabled = gen.type === 'generation' ? ({ ...gen, data: { node: { ...gen.data.node, config: { ...gen.data.node.config, enabled: false } } } } as FlowNode) : gen;
    const run = (status: string) => minimapColorFor({ [gen.id]: { status } as never })(gen);

    expect(minimapColorFor({})(scene)).toBe('var(--minimap-scene)');
    expect(minimapColorFor({})(gen)).toBe('var(--minimap-gen)');
    expect(minimapColorFor({ [gen.id]: { status: 'failed' } as never })(disabled)).toBe('var(--minimap-disabled)');
    expect(run('failed')).toBe('var(--error)');
    expect(run('pending')).toBe('var(--suggestion)');
    expect(run('processing')).toBe('var(--suggestion)');
    expect(run('completed')).toBe('var(--minimap-gen)');
  });
});

describe('minimap view', () => {
  const pane = { width: 1000, height: 600 };

  it('frames the nodes and the visible part of the flow in the panel aspect ratio, and masks the rest', () => {
    const bounds = minimapShapes(storeNodes(), () => 'c').bounds!;
    for (const viewport of [{ x: 0, y: 0, zoom: 1 }, { x: -5000, y: 3000, zoom: 0.25 }, { x: 400, y: -100, zoom: 2 }]) {
      const { viewBox, viewScale, mask } = minimapView(bounds, viewport, pane);
      const visible = visibleRect(viewport, pane);
      expect(contains(viewBox, bounds)).toBe(true);
      expect(contains(viewBox, visible)).toBe(true);
      // The panel's aspect ratio, plus a margin of 5 panel pixels on every side.
      const margin = 5 * viewScale;
      expect(viewBox.width - 2 * margin).toBeCloseTo(viewScale * MINIMAP_SIZE.width, 6);
      expect(viewBox.height - 2 * margin).toBeCloseTo(viewScale * MINIMAP_SIZE.height, 6);
      // The mask is the whole view box with the visible part cut out (even-odd fill).
      const [outer, inner] = rectsOf(mask);
      expect(contains(outer!, viewBox)).toBe(true);
      for (const key of ['x', 'y', 'width', 'height'] as const) expect(inner![key]).toBeCloseTo(visible[key], 9);
    }
  });

  it('shows only the visible part of the flow when there are no nodes', () => {
    const viewport = { x: 100, y: 50, zoom: 0.5 };
    const { viewBox } = minimapView(null, viewport, pane);
    expect(contains(viewBox, visibleRect(viewport, pane))).toBe(true);
  });

  it('pans the visible part of the flow along with the pointer, by the minimap scale', () => {
    const viewport = { x: -300, y: 120, zoom: 0.8 };
    const viewScale = 12.5;
    const next = pannedViewport(viewport, 8, -4, viewScale);
    const before = visibleRect(viewport, pane);
    const after = visibleRect(next, pane);
    expect(next.zoom).toBe(viewport.zoom);
    expect(after.x - before.x).toBeCloseTo(8 * viewScale, 9);
    expect(after.y - before.y).toBeCloseTo(-4 * viewScale, 9);
  });

  it('zooms in on wheel up and out on wheel down, doubling per 500 px', () => {
    expect(wheelZoom(1, -500, 0)).toBeCloseTo(2, 9);
    expect(wheelZoom(1, 500, 0)).toBeCloseTo(0.5, 9);
    expect(wheelZoom(0.6, -3, 1)).toBeGreaterThan(0.6);
    expect(wheelZoom(0.6, 1, 2)).toBeCloseTo(0.3, 9);
  });
});
