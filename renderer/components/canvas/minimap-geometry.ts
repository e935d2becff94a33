import type { FlowNode } from '../../graph/flow-sync';
import type { RunState } from '../../stores/run-store';

// The minimap's drawing and its pan/zoom arithmetic (studio-ui.md §3, canvas kit). React Flow's own
// <MiniMap> mounts one component per node, each subscribed to its store: opening a 10k-node graph mounted
// 10k of them (React's placement of a long new child list is quadratic) and every store update then ran 10k
// selectors, about a second of main thread after the first paint. Here every node of one colour is one
// rectangle in one SVG path, so the minimap is a handful of elements whatever the graph's size. The view
// arithmetic follows React Flow's MiniMap (bounds of the nodes and the view, centred, 5 % margin), so it
// looks and pans the same.

export type Rect = { x: number; y: number; width: number; height: number };
export type Viewport = { x: number; y: number; zoom: number };
/** One `<path>` of the minimap: every node drawn in `color`. */
export type MinimapPath = { color: string; d: string; count: number };
export type MinimapShapes = { paths: MinimapPath[]; bounds: Rect | null };
export type MinimapView = { viewBox: Rect; viewScale: number; mask: string };

/** React Flow's MiniMap defaults: the panel's size and the margin around the content, in panel pixels. */
export const MINIMAP_SIZE = { width: 200, height: 150 } as const;
const OFFSET_SCALE = 5;

/** Minimap colours by node kind and by the last run's status (studio-ui.md §3). */
export function minimapColorFor(runs: RunState['byNode']) {
  return (node: FlowNode): string => {
    if (node.type === 'scene') return 'var(--minimap-scene)';
    if (node.data.node.config['enabled'] !== true) return 'var(--minimap-disabled)';
    const status = runs[node.id]?.status;
    if (status === 'failed') return 'var(--error)';
    if (status === 'pending' || status === 'processing') return 'var(--suggestion)';
    return 'var(--minimap-gen)';
  };
}

/** Every visible node as a rectangle in its colour's path, in document order, and the nodes' bounds. */
export function minimapShapes(nodes: readonly FlowNode[], colorOf: (node: FlowNode) => string): MinimapShapes {
  const parts = new Map<string, string[]>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    if (node.hidden === true) continue;
    const width = node.measured?.width ?? node.width ?? 0;
    const height = node.measured?.height ?? node.height ?? 0;
    if (width <= 0 || height <= 0) continue;
    const { x, y } = node.position;
    const color = colorOf(node);
    let list = parts.get(color);
    if (list === undefined) parts.set(color, (list = []));
    list.push(`M${x},${y}h${width}v${height}h${-width}z`);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + width);
    maxY = Math.max(maxY, y + height);
  }
  const paths = [...parts].map(([color, list]) => ({ color, d: list.join(''), count: list.length }));
  return { paths, bounds: paths.length === 0 ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY } };
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The part of the flow the canvas shows, in flow coordinates. */
export function visibleRect(viewport: Viewport, pane: { width: number; height: number }): Rect {
  return { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: pane.width / viewport.zoom, height: pane.height / viewport.zoom };
}

/**
 * The minimap's viewBox (the nodes and the visible part of the flow, centred in the panel's aspect ratio
 * with a margin), flow units per panel pixel, and the mask that dims everything outside the visible part.
 */
export function minimapView(bounds: Rect | null, viewport: Viewport, pane: { width: number; height: number }, size = MINIMAP_SIZE): MinimapView {
  const view = visibleRect(viewport, pane);
  const box = bounds === null ? view : union(bounds, view);
  const viewScale = Math.max(box.width / size.width, box.height / size.height) || 1;
  const viewWidth = viewScale * size.width;
  const viewHeight = viewScale * size.height;
  const offset = OFFSET_SCALE * viewScale;
  const viewBox = {
    x: box.x - (viewWidth - box.width) / 2 - offset,
    y: box.y - (viewHeight - box.height) / 2 - offset,
    width: viewWidth + offset * 2,
    height: viewHeight + offset * 2,
  };
  const outer = `M${viewBox.x - offset},${viewBox.y - offset}h${viewBox.width + offset * 2}v${viewBox.height + offset * 2}h${-viewBox.width - offset * 2}z`;
  const inner = `M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`;
  return { viewBox, viewScale, mask: `${outer}${inner}` };
}

/** Dragging on the minimap by (dx, dy) panel pixels moves the visible part of the flow along with the pointer. */
export function pannedViewport(viewport: Viewport, dx: number, dy: number, viewScale: number): Viewport {
  const step = viewScale * viewport.zoom;
  return { x: viewport.x - dx * step, y: viewport.y - dy * step, zoom: viewport.zoom };
}

/** The zoom after one wheel event on the minimap (React Flow's MiniMap step: ×2 per 500 px of wheel). */
export function wheelZoom(zoom: number, deltaY: number, deltaMode: number): number {
  const perUnit = deltaMode === 1 ? 0.05 : deltaMode === 2 ? 1 : 0.002;
  return zoom * Math.pow(2, -deltaY * perUnit);
}
