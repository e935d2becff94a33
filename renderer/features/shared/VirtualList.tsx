import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

// A fixed-row-height window over a long list: only the rows in view (plus a margin) are in the DOM, so the
// dev panel stays fast with thousands of generations. Arrow keys move between rows (studio-ui.md §11).

const OVERSCAN = 8;
/** Rows rendered before the viewport has been measured (first paint, or a test DOM without layout). */
const UNMEASURED_ROWS = 40;

export function VirtualList<T>(props: {
  items: readonly T[];
  rowHeight: number;
  getKey(item: T): string;
  renderRow(item: T, index: number): ReactNode;
  label: string;
  testId?: string;
  footer?: ReactNode;
}) {
  const { items, rowHeight, getKey, renderRow } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const visibleRows = height > 0 ? Math.ceil(height / rowHeight) : UNMEASURED_ROWS;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.floor(scrollTop / rowHeight) + visibleRows + OVERSCAN);

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const rows = [...(ref.current?.querySelectorAll<HTMLElement>('[data-row]') ?? [])];
    const index = rows.findIndex((row) => row === document.activeElement || row.contains(document.activeElement));
    const next = rows[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }, []);

  return (
    <div
      ref={ref}
      className="fx-vlist"
      role="list"
      aria-label={props.label}
      data-testid={props.testId}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: first * rowHeight }} aria-hidden="true" />
      {items.slice(first, last).map((item, i) => (
        <div key={getKey(item)} role="listitem" style={{ height: rowHeight }} className="fx-vlist-row">
          {renderRow(item, first + i)}
        </div>
      ))}
      <div style={{ height: (items.length - last) * rowHeight }} aria-hidden="true" />
      {props.footer}
    </div>
  );
}
