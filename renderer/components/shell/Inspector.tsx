import { useGraphStore, useSelectionStore, useStudio, useUiStore } from '../../stores/context';
import { GenEditor } from '../editor/GenEditor';
import { ProjectSummary } from '../editor/ProjectSummary';
import { SceneEditor } from '../editor/SceneEditor';
import { ResizeHandle } from './ResizeHandle';

/** studio-ui.md §1: the right-hand inspector, resizable and collapsible. */
export function Inspector() {
  const { ui } = useStudio();
  const open = useUiStore((s) => s.inspectorOpen);
  const width = useUiStore((s) => s.inspectorWidth);
  const nodeIds = useSelectionStore((s) => s.nodeIds);
  const onlyId = nodeIds.length === 1 ? nodeIds[0] : undefined;
  const scene = useGraphStore((s) => (onlyId ? s.document?.scenes.find((x) => x.id === onlyId) : undefined));
  const node = useGraphStore((s) => (onlyId ? s.document?.generationNodes.find((x) => x.id === onlyId) : undefined));

  if (!open) {
    return (
      <aside className="inspector inspector-collapsed" data-testid="inspector" aria-label="Inspector">
        <button type="button" className="btn btn-icon" aria-label="Show inspector" onClick={() => ui.getState().toggleInspector()}>
          ‹
        </button>
      </aside>
    );
  }

  const title = node ? node.label || node.id : scene ? scene.title || scene.id : nodeIds.length > 1 ? `${nodeIds.length} nodes selected` : 'Project';
  const kind = node ? 'Generation node' : scene ? 'Scene' : nodeIds.length > 1 ? 'Selection' : 'Overview';
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector" style={{ width }}>
      <ResizeHandle
        orientation="vertical"
        label="Resize inspector"
        onResize={(delta) => ui.getState().setInspectorWidth(ui.getState().inspectorWidth - delta)}
      />
      <header className="inspector-header">
        <div>
          <div className="inspector-kind">{kind}</div>
          <h2 className="inspector-title">{title}</h2>
        </div>
        <button type="button" className="btn btn-icon btn-ghost" aria-label="Hide inspector" onClick={() => ui.getState().toggleInspector()}>
          ›
        </button>
      </header>
      <div className="inspector-body">
        {node ? (
          <GenEditor key={node.id} node={node} />
        ) : scene ? (
          <SceneEditor key={scene.id} scene={scene} />
        ) : nodeIds.length > 1 ? (
          <p className="muted">Several nodes are selected. Move them together, copy, duplicate or delete them.</p>
        ) : (
          <ProjectSummary />
        )}
      </div>
    </aside>
  );
}
