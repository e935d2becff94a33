import { Panel, useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useId, useMemo, useRef, type PointerEvent } from 'react';
import type { FlowNode } from '../../graph/flow-sync';
import { MINIMAP_SIZE, minimapShapes, minimapView, pannedViewport, wheelZoom } from './minimap-geometry';

// studio-ui.md §3, canvas kit: `minimap`, pannable (drag), zoomable (wheel), coloured by node kind and
// status. Drawn as one SVG path per colour (minimap-geometry.ts says why); it takes the canvas's nodes
// from the graph store, so it redraws when they change, and the viewport from React Flow's store.

type Props = { nodes: readonly FlowNode[]; colorOf: (node: FlowNode) => string };

type PaneView = { x: number; y: number; zoom: number; width: number; height: number };

function paneView(s: ReactFlowState): PaneView {
  return { x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height };
}

function samePaneView(a: PaneView, b: PaneView): boolean {
  return a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;
}

export const GraphMiniMap = memo(function GraphMiniMap({ nodes, colorOf }: Props) {
  const shapes = useMemo(() => minimapShapes(nodes, colorOf), [nodes, colorOf]);
  const pane = useStore(paneView, samePaneView);
  const store = useStoreApi();
  const flow = useReactFlow();
  const titleId = useId();
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const view = minimapView(shapes.bounds, pane, pane);
  const viewScale = useRef(view.viewScale);
  viewScale.current = view.viewScale;

  // A native listener, because React's wheel listeners are passive and the page must not scroll instead.
  useEffect(() => {
    const element = svg.current;
    if (element === null) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      void flow.zoomTo(wheelZoom(store.getState().transform[2], event.deltaY, event.deltaMode));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [flow, store]);

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const from = drag.current;
    if (from === null) return;
    drag.current = { x: event.clientX, y: event.clientY };
    const [x, y, zoom] = store.getState().transform;
    void flow.setViewport(pannedViewport({ x, y, zoom }, event.clientX - from.x, event.clientY - from.y, viewScale.current));
  };
  const onPointerEnd = () => {
    drag.current = null;
  };

  const { viewBox } = view;
  return (
    <Panel position="bottom-right" className="react-flow__minimap minimap" data-testid="minimap">
      <svg
        ref={svg}
        width={MINIMAP_SIZE.width}
        height={MINIMAP_SIZE.height}
        viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-labelledby={titleId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        style={{ touchAction: 'none' }}
      >
        <title id={titleId}>Minimap</title>
        {shapes.paths.map((path) => (
          <path key={path.color} className="minimap-nodes" d={path.d} style={{ fill: path.color }} shapeRendering="crispEdges" data-count={path.count} />
        ))}
        <path className="react-flow__minimap-mask" d={view.mask} fillRule="evenodd" pointerEvents="none" />
      </svg>
    </Panel>
  );
});
