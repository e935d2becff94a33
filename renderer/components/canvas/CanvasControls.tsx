import { Panel, useReactFlow } from '@xyflow/react';
import { Icon } from '../shell/Icon';

/** Zoom, fit and lock (studio-ui.md §3 `canvas-controls`). */
export function CanvasControls({ locked, onToggleLock }: { locked: boolean; onToggleLock(): void }) {
  const flow = useReactFlow();
  return (
    <Panel position="bottom-left" className="canvas-controls" data-testid="canvas-controls">
      <button type="button" className="btn btn-icon" aria-label="Zoom in" title="Zoom in (Ctrl+=)" onClick={() => void flow.zoomIn()}>
        +
      </button>
      <button type="button" className="btn btn-icon" aria-label="Zoom out" title="Zoom out (Ctrl+-)" onClick={() => void flow.zoomOut()}>
        −
      </button>
      <button type="button" className="btn btn-icon" aria-label="Fit view" title="Fit view (Ctrl+0)" onClick={() => void flow.fitView({ padding: 0.2 })}>
        ⤢
      </button>
      <button
        type="button"
        className={`btn btn-icon${locked ? ' is-active' : ''}`}
        aria-label={locked ? 'Unlock canvas' : 'Lock canvas'}
        aria-pressed={locked}
        title={locked ? 'Unlock canvas' : 'Lock canvas'}
        onClick={onToggleLock}
      >
        <Icon name={locked ? 'lock' : 'unlock'} />
      </button>
    </Panel>
  );
}
