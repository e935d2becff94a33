import { useEffect, useRef } from 'react';
import { GENERATION_TYPES } from '../../../core/domain/vocabulary';
import { GENERATION_TYPE_ICONS, GENERATION_TYPE_LABELS } from '../../lib/labels';

const MENU_WIDTH = 240;
const MENU_HEIGHT = 300;

export type MenuAction = { kind: 'scene' } | { kind: 'generation'; type: (typeof GENERATION_TYPES)[number] } | { kind: 'paste' } | { kind: 'layout' };

/** The canvas context menu (studio-ui.md §3 `canvas-menu`), keyboard-operable like a native menu. */
export function CanvasMenu({ x, y, canPaste, onAction, onClose }: { x: number; y: number; canPaste: boolean; onAction(a: MenuAction): void; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (index + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    }
  };
  const item = (label: string, action: MenuAction, icon: string, testId: string, disabled = false) => (
    <button type="button" role="menuitem" className="menu-item" data-testid={testId} disabled={disabled} onClick={() => onAction(action)}>
      <span className="menu-icon" aria-hidden="true">
        {icon}
      </span>
      {label}
    </button>
  );
  // Keep the whole menu on screen when opened near the right or bottom edge.
  const left = Math.max(4, Math.min(x, window.innerWidth - MENU_WIDTH - 8));
  const top = Math.max(4, Math.min(y, window.innerHeight - MENU_HEIGHT - 8));
  return (
    <div ref={ref} className="menu canvas-menu" role="menu" aria-label="Canvas" data-testid="canvas-menu" style={{ left, top }} onKeyDown={onKeyDown}>
      {item('Add scene', { kind: 'scene' }, '▣', 'canvas-menu-add-scene')}
      <div className="menu-separator" role="separator" />
      {GENERATION_TYPES.map((type) => (
        <div key={type}>{item(`Add ${GENERATION_TYPE_LABELS[type]} node`, { kind: 'generation', type }, GENERATION_TYPE_ICONS[type], `canvas-menu-add-${type}`)}</div>
      ))}
      <div className="menu-separator" role="separator" />
      {item('Paste', { kind: 'paste' }, '⧉', 'canvas-menu-paste', !canPaste)}
      {item('Auto-layout', { kind: 'layout' }, '⇶', 'canvas-menu-auto-layout')}
    </div>
  );
}
