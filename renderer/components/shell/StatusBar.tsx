import { isDirty } from '../../stores/graph-store';
import { useGraphStore, useProblemsStore, useRunStore, useSessionStore, useStudio } from '../../stores/context';

/** studio-ui.md §1: problems, queue, transport and save state. */
export function StatusBar() {
  const { ui } = useStudio();
  const counts = useProblemsStore((s) => s.counts);
  const queue = useRunStore((s) => s.queue);
  const transport = useSessionStore((s) => s.info?.transport ?? 'browser');
  const connected = useSessionStore((s) => s.connected);
  const hasDoc = useGraphStore((s) => s.document !== null);
  const dirty = useGraphStore(isDirty);
  const path = useGraphStore((s) => s.path);
  return (
    <footer className="statusbar" data-testid="statusbar">
      <button
        type="button"
        className="status-item status-button"
        data-testid="statusbar-problems"
        data-errors={counts.error}
        data-warnings={counts.warning}
        title="Open Problems (Ctrl+Shift+M)"
        onClick={() => ui.getState().openDock('problems')}
      >
        <span className={counts.error > 0 ? 'text-error' : ''}>✖ {counts.error}</span>
        <span className={counts.warning > 0 ? 'text-warning' : ''}>⚠ {counts.warning}</span>
      </button>
      <span className="status-item" data-testid="statusbar-queue" title="Generations pending / processing">
        Queue: {queue.pending} pending · {queue.processing} processing
      </span>
      <span className="status-spacer" />
      {hasDoc ? (
        <span className="status-item" data-testid="statusbar-save" data-state={dirty ? 'unsaved' : 'saved'}>
          {dirty ? 'Unsaved changes' : path ? 'All changes saved' : 'Not saved yet'}
        </span>
      ) : null}
      <span className="status-item" data-testid="statusbar-transport" data-transport={transport} data-connected={connected}>
        <span className={`conn-dot${connected ? ' is-on' : ''}`} aria-hidden="true" />
        {transport === 'electron' ? 'Desktop' : 'Browser'} · {connected ? 'connected' : 'disconnected'}
      </span>
    </footer>
  );
}
