import type { KeyboardEvent } from 'react';
import { useStudio } from '../../stores/context';

/** studio-ui.md §11: canvas nodes are focusable; Enter selects the node and opens the inspector. */
export function useNodeKeyboard(id: string) {
  const { selection, ui } = useStudio();
  return {
    tabIndex: 0,
    onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
      if (e.key !== 'Enter' || e.target !== e.currentTarget) return;
      e.preventDefault();
      selection.getState().select([id]);
      if (!ui.getState().inspectorOpen) ui.getState().toggleInspector();
    },
  };
}
