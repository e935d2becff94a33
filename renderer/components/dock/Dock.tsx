import { useRef, type KeyboardEvent } from 'react';
import { useProblemsStore, useStudio, useUiStore } from '../../stores/context';
import { ResizeHandle } from '../shell/ResizeHandle';
import { DOCK_PANELS, DOCK_TABS } from './dock-panels';

/** studio-ui.md §1: the bottom dock, an ARIA tablist with resizable, collapsible panels. */
export function Dock() {
  const { ui } = useStudio();
  const open = useUiStore((s) => s.dockOpen);
  const tab = useUiStore((s) => s.dockTab);
  const height = useUiStore((s) => s.dockHeight);
  const problemCount = useProblemsStore((s) => s.counts.error + s.counts.warning);
  const tabsRef = useRef<HTMLDivElement>(null);
  const Panel = DOCK_PANELS[tab];

  const onTabKeyDown = (e: KeyboardEvent) => {
    const index = DOCK_TABS.findIndex((t) => t.id === tab);
    let next = index;
    if (e.key === 'ArrowRight') next = (index + 1) % DOCK_TABS.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + DOCK_TABS.length) % DOCK_TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = DOCK_TABS.length - 1;
    else return;
    e.preventDefault();
    ui.getState().setDockTab(DOCK_TABS[next]!.id);
    tabsRef.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };

  return (
    <section className={`dock${open ? '' : ' dock-collapsed'}`} data-testid="dock" aria-label="Panels" style={open ? { height } : undefined}>
      {open ? <ResizeHandle orientation="horizontal" label="Resize panels" onResize={(d) => ui.getState().setDockHeight(ui.getState().dockHeight - d)} /> : null}
      <div className="dock-bar">
        <div className="dock-tabs" role="tablist" aria-label="Panels" ref={tabsRef} onKeyDown={onTabKeyDown}>
          {DOCK_TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`dock-tab-${t.id}`}
              data-testid={`dock-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              className="dock-tab"
              onClick={() => ui.getState().setDockTab(t.id)}
            >
              {t.label}
              {t.id === 'problems' && problemCount > 0 ? <span className="tab-count">{problemCount}</span> : null}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn-icon btn-ghost"
          aria-label={open ? 'Collapse panels' : 'Expand panels'}
          aria-expanded={open}
          title="Toggle panels (Ctrl+J)"
          onClick={() => ui.getState().toggleDock()}
        >
          {open ? '▾' : '▴'}
        </button>
      </div>
      {open ? (
        <div className="dock-panel" role="tabpanel" id={`panel-${tab}`} data-testid={`panel-${tab}`} aria-labelledby={`dock-tab-${tab}`}>
          <Panel />
        </div>
      ) : null}
    </section>
  );
}
