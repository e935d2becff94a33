import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import type { GenerationType } from '../../../core/domain/vocabulary';
import { GENERATION_SIZE } from '../../graph/document-ops';
import { findFreeSpot } from '../../graph/placement';

/** Above this many nodes the canvas culls (studio-ui.md §3), so it never fits the whole graph at once. */
export const FIT_VIEW_MAX_NODES = 300;
import { useStudio } from '../../stores/context';

/** Canvas-aware actions shared by the toolbar, shortcuts, command box and context menu. */
export function useCanvasActions() {
  const flow = useReactFlow();
  const { graph, ui } = useStudio();

  const viewCenter = useCallback(() => {
    const pane = document.querySelector('[data-testid="graph-canvas"]')?.getBoundingClientRect();
    const screen = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
    const doc = graph.getState().document;
    const center = flow.screenToFlowPosition(screen);
    return doc ? findFreeSpot(doc, center, GENERATION_SIZE) : center;
  }, [flow, graph]);

  return useMemo(
    () => ({
      addScene(position = viewCenter()) {
        return graph.getState().addScene(position);
      },
      addGenerationNode(type: GenerationType, position = viewCenter(), fromSceneId?: string) {
        return graph.getState().addGenerationNode(type, position, fromSceneId);
      },
      pasteInternal() {
        const payload = ui.getState().clipboard;
        if (payload) graph.getState().paste(payload);
      },
      autoLayout() {
        graph.getState().autoLayout();
        // Fitting thousands of nodes would zoom out until culling renders all of them; show the start instead.
        const count = graph.getState().nodes.length;
        requestAnimationFrame(() => void (count <= FIT_VIEW_MAX_NODES ? flow.fitView({ padding: 0.2 }) : flow.setViewport({ x: 48, y: 48, zoom: 0.6 })));
      },
      fitView: () => void flow.fitView({ padding: 0.2 }),
      /** Brings nodes added out of view (an import) on screen once drawn, unless the graph is too big to fit. */
      fitAfterAdding() {
        requestAnimationFrame(() => void (graph.getState().nodes.length <= FIT_VIEW_MAX_NODES && flow.fitView({ padding: 0.2 })));
      },
      zoomIn: () => void flow.zoomIn(),
      zoomOut: () => void flow.zoomOut(),
      screenToFlow: (x: number, y: number) => flow.screenToFlowPosition({ x, y }),
    }),
    [flow, graph, ui, viewCenter],
  );
}
