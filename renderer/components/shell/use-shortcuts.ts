import { useEffect } from 'react';
import { CLIPBOARD_MIME, parseClipboard } from '../../graph/clipboard';
import { GRID } from '../../graph/document-ops';
import { useStudio } from '../../stores/context';
import { useCanvasActions } from '../canvas/use-canvas-actions';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type);
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * studio-ui.md §2. Plain keys do nothing while typing; Mod shortcuts still fire there, except the editing
 * ones a text field owns (undo, redo, clipboard, select all), so typing behaves as people expect.
 */
export function useShortcuts(options: { onExport(): void }) {
  const { graph, ui, project, selection } = useStudio();
  const actions = useCanvasActions();
  const { onExport } = options;

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (ui.getState().dialog) return; // a dialog owns the keyboard
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const typing = isTextField(e.target);
      const hasDoc = graph.getState().document !== null;
      const act = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      if (mod) {
        if (key === 'n') return act(() => void project.newProject('empty'));
        if (key === 'o') return act(() => void project.open());
        if (key === 'k') return act(() => ui.getState().setPaletteOpen(true));
        if (key === 'j') return act(() => ui.getState().toggleDock());
        if (key === 'm' && e.shiftKey) return act(() => ui.getState().openDock('problems'));
        if (!hasDoc) return;
        if (key === 's') return act(() => void (e.shiftKey ? project.saveAs() : project.save()));
        if (key === 'e') return act(onExport);
        if (key === 'l' && e.shiftKey) return act(() => actions.autoLayout());
        if (key === '0') return act(() => actions.fitView());
        if (key === '=' || key === '+') return act(() => actions.zoomIn());
        if (key === '-') return act(() => actions.zoomOut());
        if (typing) return;
        if (key === 'z') return act(() => (e.shiftKey ? graph.getState().redo() : graph.getState().undo()));
        if (key === 'y') return act(() => graph.getState().redo());
        if (key === 'a') return act(() => graph.getState().selectAll());
        if (key === 'd') return act(() => graph.getState().duplicate());
        return; // Mod+C/X/V go through the copy/cut/paste events below
      }
      if (typing || !hasDoc) return;
      if (e.key === 'Delete' || e.key === 'Backspace') return act(() => graph.getState().deleteSelection());
      if (e.key === 'Escape') return act(() => selection.getState().clear());
      const arrow = ARROWS[e.key];
      if (arrow && selection.getState().nodeIds.length > 0) {
        const step = GRID * (e.shiftKey ? 10 : 1);
        return act(() => graph.getState().moveSelection(arrow[0] * step, arrow[1] * step));
      }
      if (e.key === 'F2' && selection.getState().nodeIds.length === 1) {
        return act(() => {
          if (!ui.getState().inspectorOpen) ui.getState().toggleInspector();
          requestAnimationFrame(() => (document.getElementById('field-label') ?? document.getElementById('scene-field-title'))?.focus());
        });
      }
    };

    // The system clipboard holds our JSON under its own type and as text (studio-ui.md §3).
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (isTextField(e.target) || ui.getState().dialog) return;
      const payload = graph.getState().copy();
      if (!payload) return;
      const text = JSON.stringify(payload);
      e.clipboardData?.setData(CLIPBOARD_MIME, text);
      e.clipboardData?.setData('text/plain', text);
      e.preventDefault();
      ui.getState().setClipboard(payload);
      if (cut) graph.getState().deleteSelection();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target) || ui.getState().dialog || !graph.getState().document) return;
      const data = e.clipboardData;
      const payload = parseClipboard(data?.getData(CLIPBOARD_MIME) || data?.getData('text/plain') || '') ?? ui.getState().clipboard;
      if (!payload) return;
      e.preventDefault();
      graph.getState().paste(payload);
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', onPaste);
    };
  }, [graph, ui, project, selection, actions, onExport]);
}
