import { GENERATION_TYPES, type GenerationType } from '../../../core/domain/vocabulary';
import { GENERATION_TYPE_ICONS, GENERATION_TYPE_LABELS } from '../../lib/labels';
import { isDirty } from '../../stores/graph-store';
import { useGraphStore, useStudio } from '../../stores/context';
import { useCanvasActions } from '../canvas/use-canvas-actions';
import { useState, type ReactNode } from 'react';
import { Icon } from './Icon';

function ToolButton({ testId, label, description = label, icon, shortcut, onClick, disabled }: {
  testId: string;
  label: string;
  /** The accessible name and tooltip when the short visible label is not enough. */
  description?: string;
  icon: ReactNode;
  shortcut?: string;
  onClick(): void;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="tool-button"
      data-testid={testId}
      aria-label={description}
      title={shortcut ? `${description} (${shortcut})` : description}
      disabled={disabled}
      onClick={onClick}
    >
      <span className="tool-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="tool-label">{label}</span>
    </button>
  );
}

/** studio-ui.md §1: the top toolbar with the project title and its dirty indicator. */
export function Toolbar({ onOpenDialog }: { onOpenDialog(name: 'export' | 'world-settings' | 'settings'): void }) {
  const { project, graph, imports } = useStudio();
  const hasDoc = useGraphStore((s) => s.document !== null);
  const name = useGraphStore((s) => s.document?.name ?? '');
  const dirty = useGraphStore(isDirty);
  const canUndo = useGraphStore((s) => s.past.length > 0);
  const canRedo = useGraphStore((s) => s.future.length > 0);
  const actions = useCanvasActions();
  const [genType, setGenType] = useState<GenerationType>('transition');

  return (
    <header className="toolbar" data-testid="toolbar" role="toolbar" aria-label="Studio">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">◆</span> Genweave
      </div>
      <div className="tool-group">
        <ToolButton testId="toolbar-new" label="New" icon={<Icon name="plus" />} shortcut="Ctrl+N" onClick={() => void project.newProject('empty')} />
        <ToolButton testId="toolbar-open" label="Open" icon={<Icon name="folder" />} shortcut="Ctrl+O" onClick={() => void project.open()} />
        <ToolButton testId="toolbar-save" label="Save" icon={<Icon name="save" />} shortcut="Ctrl+S" disabled={!hasDoc} onClick={() => void project.save()} />
        <ToolButton
          testId="toolbar-import"
          label="Import"
          description="Import nodes and prompts from a project or export bundle"
          icon="⇩"
          disabled={!hasDoc}
          onClick={() => void imports.importNodes().then((done) => done && actions.fitAfterAdding())}
        />
        <ToolButton testId="toolbar-export" label="Export" icon="⇪" shortcut="Ctrl+E" disabled={!hasDoc} onClick={() => onOpenDialog('export')} />
      </div>
      <div className="tool-group">
        <ToolButton testId="toolbar-undo" label="Undo" icon="↶" shortcut="Ctrl+Z" disabled={!canUndo} onClick={() => graph.getState().undo()} />
        <ToolButton testId="toolbar-redo" label="Redo" icon="↷" shortcut="Ctrl+Shift+Z" disabled={!canRedo} onClick={() => graph.getState().redo()} />
      </div>
      <div className="tool-group">
        <ToolButton testId="toolbar-add-scene" label="Scene" description="Add scene" icon="▣" disabled={!hasDoc} onClick={() => actions.addScene()} />
        <div className="split-button">
          <ToolButton
            testId="toolbar-add-generation"
            label="Node"
            description={`Add ${GENERATION_TYPE_LABELS[genType]} node`}
            icon={GENERATION_TYPE_ICONS[genType]}
            disabled={!hasDoc}
            onClick={() => actions.addGenerationNode(genType)}
          />
          <label className="visually-hidden" htmlFor="toolbar-generation-type">
            Generation node type
          </label>
          <select
            id="toolbar-generation-type"
            data-testid="toolbar-generation-type"
            className="input select toolbar-select"
            value={genType}
            disabled={!hasDoc}
            onChange={(e) => setGenType(e.target.value as GenerationType)}
          >
            {GENERATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {GENERATION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <ToolButton testId="toolbar-auto-layout" label="Layout" description="Auto-layout" icon="⇶" shortcut="Ctrl+Shift+L" disabled={!hasDoc} onClick={() => actions.autoLayout()} />
      </div>
      <div className="toolbar-title" data-testid="project-title" title={name}>
        {hasDoc ? (
          <>
            <span className="project-name">{name || 'Untitled'}</span>
            {dirty ? (
              <span className="dirty-indicator" data-testid="dirty-indicator" title="Unsaved changes" aria-label="Unsaved changes">
                ●
              </span>
            ) : null}
          </>
        ) : (
          <span className="muted">No project open</span>
        )}
      </div>
      <div className="tool-group tool-group-end">
        <ToolButton testId="toolbar-world-settings" label="World" description="World settings" icon={<Icon name="globe" />} disabled={!hasDoc} onClick={() => onOpenDialog('world-settings')} />
        <ToolButton testId="toolbar-settings" label="Settings" icon="⚙" onClick={() => onOpenDialog('settings')} />
      </div>
    </header>
  );
}
