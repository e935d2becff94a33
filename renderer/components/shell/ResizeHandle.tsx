import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

/** A draggable, keyboard-operable splitter. `onResize` receives the pointer delta along its axis. */
export function ResizeHandle({ orientation, label, onResize }: { orientation: 'vertical' | 'horizontal'; label: string; onResize(delta: number): void }) {
  const last = useRef<number | null>(null);
  const axis = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 64 : 16;
    const keys = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    if (e.key === keys[0]) onResize(-step);
    else if (e.key === keys[1]) onResize(step);
    else return;
    e.preventDefault();
  };
  return (
    <div
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      tabIndex={0}
      className={`resize-handle resize-${orientation}`}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        last.current = axis(e);
      }}
      onPointerMove={(e) => {
        if (last.current === null) return;
        const now = axis(e);
        onResize(now - last.current);
        last.current = now;
      }}
      onPointerUp={() => {
        last.current = null;
      }}
    />
  );
}
