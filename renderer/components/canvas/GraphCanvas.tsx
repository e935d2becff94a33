import { Background, BackgroundVariant, ReactFlow, type FinalConnectionState, type IsValidConnection } from '@xyflow/react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { checkConnection } from '../../graph/connection-rules';
import type { FlowEdge, FlowNode } from '../../graph/flow-sync';
import { GRID } from '../../graph/document-ops';
import { useGraphStore, useRunStore, useStudio, useUiStore } from '../../stores/context';
import { CanvasControls } from './CanvasControls';
import { CanvasMenu, type MenuAction } from './CanvasMenu';
import { withDeclaredHandles } from './declared-handles';
import { edgeTypes, nodeTypes } from './flow-types';
import { GraphMiniMap } from './GraphMiniMap';
import { minimapColorFor } from './minimap-geometry';
import { FIT_VIEW_MAX_NODES, useCanvasActions } from './use-canvas-actions';

const SNAP: [number, number] = [GRID, GRID];
const NO_NODES: FlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];

/** studio-ui.md §3: the scene graph, controlled by the graph store. */
export function GraphCanvas() {
  const { graph } = useStudio();
  const storeNodes = useGraphStore((s) => s.nodes);
  const nodes = useMemo(() => withDeclaredHandles(storeNodes), [storeNodes]);
  const edges = useGraphStore((s) => s.edges);
  const onNodesChange = useGraphStore((s) => s.onNodesChange);
  const onEdgesChange = useGraphStore((s) => s.onEdgesChange);
  const connect = useGraphStore((s) => s.connect);
  const canPaste = useUiStore((s) => s.clipboard !== null);
  const runs = useRunStore((s) => s.byNode);
  const minimapColor = useMemo(() => minimapColorFor(runs), [runs]);
  const actions = useCanvasActions();
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [locked, setLocked] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  // React Flow learns its pane size in an effect after its first render, and culls against a 0×0 pane
  // until then. Measured here before the first paint and handed over as its initial size, the first
  // pass already renders only the nodes in view. React Flow follows later resizes itself.
  useLayoutEffect(() => {
    const rect = container.current?.getBoundingClientRect();
    setSize({ width: rect?.width ?? 0, height: rect?.height ?? 0 });
  }, []);

  // On mount React Flow copies each of its props into its store with a separate update, and every update
  // re-runs its store selectors over all nodes and edges (visible edges, nodes in view, selection): about
  // twenty sweeps of a 10k-node graph before the first paint. A large graph is therefore handed over one
  // pass after React Flow mounted, still before the first paint, so those updates run on an empty store and
  // the graph costs two (nodes, edges). Small graphs are handed over at once: React Flow fits them into view
  // while creating its store, which it cannot do without their nodes.
  const [flowMounted, setFlowMounted] = useState(false);
  useLayoutEffect(() => {
    if (size !== null) setFlowMounted(true);
  }, [size]);
  const handOver = flowMounted || nodes.length <= FIT_VIEW_MAX_NODES;

  const isValidConnection = useCallback<IsValidConnection<FlowEdge>>(
    (c) => {
      const doc = graph.getState().document;
      return !!doc && checkConnection(doc, c.source, c.target).ok;
    },
    [graph],
  );

  // Dropping a dragged edge from a scene on empty canvas creates a generation node there (studio-ui.md §3).
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || state.toNode || !state.fromNode || state.fromNode.type !== 'scene' || state.fromHandle?.type !== 'source') return;
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      const position = actions.screenToFlow(point.clientX, point.clientY);
      actions.addGenerationNode('transition', { x: position.x, y: position.y - 66 }, state.fromNode.id);
    },
    [actions],
  );

  const onMenuAction = (action: MenuAction) => {
    const at = menu ? actions.screenToFlow(menu.x, menu.y) : undefined;
    setMenu(null);
    if (action.kind === 'scene') actions.addScene(at);
    else if (action.kind === 'generation') actions.addGenerationNode(action.type, at);
    else if (action.kind === 'paste') actions.pasteInternal();
    else actions.autoLayout();
  };

  return (
    <div className="graph-canvas" data-testid="graph-canvas" ref={container}>
      {size === null ? null : (
        <ReactFlow<FlowNode, FlowEdge>
          // 0 (no layout, as in tests) leaves the size to React Flow's own measurement.
          width={size.width || undefined}
          height={size.height || undefined}
          nodes={handOver ? nodes : NO_NODES}
          edges={handOver ? edges : NO_EDGES}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={connect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          snapToGrid
          snapGrid={SNAP}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Meta', 'Control']}
          // The studio owns canvas keys (studio-ui.md §2): node components are the tab stops, Enter opens the
          // inspector and arrows move by the grid step as one undo step, so React Flow's own handling is off.
          disableKeyboardA11y
          nodesFocusable={false}
          edgesFocusable={false}
          onlyRenderVisibleElements={nodes.length > FIT_VIEW_MAX_NODES}
          nodesDraggable={!locked}
          nodesConnectable={!locked}
          elementsSelectable={!locked}
          onPaneContextMenu={(e) => {
            e.preventDefault();
            setMenu({ x: e.clientX, y: e.clientY });
          }}
          onPaneClick={() => setMenu(null)}
          minZoom={0.05}
          maxZoom={2.5}
          // Fitting a huge graph would zoom out until every node is on screen, defeating the culling.
          fitView={nodes.length <= FIT_VIEW_MAX_NODES}
          fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
          defaultEdgeOptions={{ type: 'story' }}
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} className="canvas-background" />
          <GraphMiniMap nodes={storeNodes} colorOf={minimapColor} />
          <CanvasControls locked={locked} onToggleLock={() => setLocked((v) => !v)} />
        </ReactFlow>
      )}
      {nodes.length === 0 ? (
        <div className="canvas-empty">
          <p className="canvas-empty-title">An empty story</p>
          <p className="muted">Add a scene from the toolbar, right-click the canvas, or press Ctrl+K.</p>
        </div>
      ) : null}
      {menu ? <CanvasMenu x={menu.x} y={menu.y} canPaste={canPaste} onAction={onMenuAction} onClose={() => setMenu(null)} /> : null}
    </div>
  );
}
