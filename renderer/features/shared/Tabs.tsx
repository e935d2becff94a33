import { useRef, type KeyboardEvent } from 'react';

/** The ARIA tab pattern: arrow keys move between tabs, the active one is the only tab stop. */
export function Tabs<T extends string>(props: { tabs: ReadonlyArray<{ id: T; label: string; testId?: string; invalid?: boolean }>; active: T; onSelect(id: T): void; label: string; idPrefix: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = props.tabs.findIndex((t) => t.id === props.active);
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % props.tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + props.tabs.length) % props.tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = props.tabs.length - 1;
    else return;
    event.preventDefault();
    const tab = props.tabs[next];
    if (!tab) return;
    props.onSelect(tab.id);
    ref.current?.querySelector<HTMLElement>(`#${props.idPrefix}-tab-${tab.id}`)?.focus();
  };
  return (
    <div ref={ref} className="fx-tabs" role="tablist" aria-label={props.label} onKeyDown={onKeyDown}>
      {props.tabs.map((tab) => (
        <button
          key={tab.id}
          id={`${props.idPrefix}-tab-${tab.id}`}
          type="button"
          role="tab"
          data-testid={tab.testId}
          aria-selected={tab.id === props.active}
          aria-controls={`${props.idPrefix}-panel-${tab.id}`}
          tabIndex={tab.id === props.active ? 0 : -1}
          className={tab.invalid ? 'fx-tab has-issue' : 'fx-tab'}
          onClick={() => props.onSelect(tab.id)}
        >
          {tab.label}
          {tab.invalid ? <span aria-label="has problems"> ●</span> : null}
        </button>
      ))}
    </div>
  );
}
