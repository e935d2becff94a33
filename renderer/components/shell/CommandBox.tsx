import { useMemo, useState } from 'react';
import { GENERATION_TYPES } from '../../../core/domain/vocabulary';
import { GENERATION_TYPE_LABELS } from '../../lib/labels';
import { useGraphStore, useStudio, useUiStore } from '../../stores/context';
import { useCanvasActions } from '../canvas/use-canvas-actions';
import { Dialog } from '../dialogs/Dialog';

type Command = { id: string; label: string; hint?: string; run(): void; needsDocument?: boolean };

/** Ctrl+K: every command by name, including adding each kind of node (the "palette" of studio-ui.md §3). */
export function CommandBox() {
  const { ui, graph, project, imports } = useStudio();
  const open = useUiStore((s) => s.paletteOpen);
  const hasDoc = useGraphStore((s) => s.document !== null);
  const actions = useCanvasActions();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  const commands = useMemo<Command[]>(
    () => [
      { id: 'add-scene', label: 'Add scene', run: () => actions.addScene(), needsDocument: true },
      ...GENERATION_TYPES.map((t) => ({
        id: `add-${t}`,
        label: `Add ${GENERATION_TYPE_LABELS[t]} node`,
        run: () => void actions.addGenerationNode(t),
        needsDocument: true,
      })),
      { id: 'layout', label: 'Auto-layout', hint: 'Ctrl+Shift+L', run: () => actions.autoLayout(), needsDocument: true },
      { id: 'fit', label: 'Fit view', hint: 'Ctrl+0', run: () => actions.fitView(), needsDocument: true },
      { id: 'undo', label: 'Undo', hint: 'Ctrl+Z', run: () => graph.getState().undo(), needsDocument: true },
      { id: 'redo', label: 'Redo', hint: 'Ctrl+Shift+Z', run: () => graph.getState().redo(), needsDocument: true },
      { id: 'save', label: 'Save', hint: 'Ctrl+S', run: () => void project.save(), needsDocument: true },
      { id: 'save-as', label: 'Save as…', hint: 'Ctrl+Shift+S', run: () => void project.saveAs(), needsDocument: true },
      { id: 'import', label: 'Import nodes and prompts…', run: () => void imports.importNodes().then((done) => done && actions.fitAfterAdding()), needsDocument: true },
      { id: 'new', label: 'New project', hint: 'Ctrl+N', run: () => void project.newProject('empty') },
      { id: 'open', label: 'Open project…', hint: 'Ctrl+O', run: () => void project.open() },
      { id: 'sample', label: 'Open the sample project', run: () => void project.newProject('sample') },
      { id: 'problems', label: 'Show problems', hint: 'Ctrl+Shift+M', run: () => ui.getState().openDock('problems') },
    ],
    [actions, graph, imports, project, ui],
  );
  const q = query.trim().toLowerCase();
  const visible = commands.filter((c) => (hasDoc || !c.needsDocument) && c.label.toLowerCase().includes(q));
  if (!open) return null;

  const close = () => {
    ui.getState().setPaletteOpen(false);
    setQuery('');
    setActive(0);
  };
  const run = (command: Command | undefined) => {
    if (!command) return;
    close();
    command.run();
  };

  return (
    <Dialog testId="command-box" title="Commands" onClose={close} footer={<span className="muted small">↑ ↓ to choose, Enter to run, Esc to close</span>}>
      <label htmlFor="command-input" className="visually-hidden">
        Command
      </label>
      <input
        id="command-input"
        data-testid="command-input"
        data-autofocus
        className="input"
        placeholder="Type a command…"
        role="combobox"
        aria-expanded="true"
        aria-controls="command-list"
        aria-activedescendant={visible[active] ? `command-${visible[active].id}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(visible.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter') run(visible[active]);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="command-list" role="listbox" className="command-list">
        {visible.map((c, i) => (
          <li
            key={c.id}
            id={`command-${c.id}`}
            role="option"
            aria-selected={i === active}
            className={`command-item${i === active ? ' is-active' : ''}`}
            data-testid={`command-${c.id}`}
            onMouseEnter={() => setActive(i)}
            onClick={() => run(c)}
          >
            {c.label}
            {c.hint ? <kbd>{c.hint}</kbd> : null}
          </li>
        ))}
        {visible.length === 0 ? <li className="muted">No matching command</li> : null}
      </ul>
    </Dialog>
  );
}
