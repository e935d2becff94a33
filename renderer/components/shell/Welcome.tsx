import { useEffect, useState } from 'react';
import { useStudio } from '../../stores/context';
import { Icon } from './Icon';

type Recent = { path: string; name: string; openedAt: string; exists: boolean };
type Recoverable = { projectId: string; title: string; path: string | null; savedAt: string };

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** studio-ui.md §1: the first screen when no project is open. */
export function Welcome() {
  const { rpc, project } = useStudio();
  const [recent, setRecent] = useState<Recent[] | null>(null);
  const [recoverable, setRecoverable] = useState<Recoverable[]>([]);

  useEffect(() => {
    let live = true;
    void Promise.all([rpc.call('project.recent', {}), rpc.call('project.listRecoverable', {})]).then(([r, rec]) => {
      if (!live) return;
      setRecent(r.ok ? r.result.items : []);
      setRecoverable(rec.ok ? rec.result : []);
    });
    return () => {
      live = false;
    };
  }, [rpc]);

  return (
    <main className="welcome" data-testid="welcome">
      <div className="welcome-card">
        <div className="welcome-hero">
          <div className="welcome-mark" aria-hidden="true">
            ◆
          </div>
          <h1>Genweave Studio</h1>
          <p className="muted">Author interactive-story scene graphs with AI generation nodes, validated live.</p>
        </div>
        <div className="welcome-actions">
          <button type="button" className="welcome-action" data-testid="welcome-new" onClick={() => void project.newProject('empty')}>
            <span className="welcome-action-icon" aria-hidden="true">
              <Icon name="plus" size={20} />
            </span>
            <span>
              <strong>New project</strong>
              <span className="muted">Start from an empty graph</span>
            </span>
          </button>
          <button type="button" className="welcome-action" data-testid="welcome-open" onClick={() => void project.open()}>
            <span className="welcome-action-icon" aria-hidden="true">
              <Icon name="folder" size={20} />
            </span>
            <span>
              <strong>Open project…</strong>
              <span className="muted">A .genweave.json file</span>
            </span>
          </button>
          <button type="button" className="welcome-action" data-testid="welcome-sample" onClick={() => void project.newProject('sample')}>
            <span className="welcome-action-icon" aria-hidden="true">
              ⚓
            </span>
            <span>
              <strong>Open the sample</strong>
              <span className="muted">Harbor Lights: 8 scenes, 5 generation nodes</span>
            </span>
          </button>
        </div>
        {recoverable.length > 0 ? (
          <section className="welcome-list" aria-labelledby="welcome-recovery-title">
            <h2 id="welcome-recovery-title">Recover unsaved work</h2>
            <ul>
              {recoverable.map((r) => (
                <li key={r.projectId}>
                  <button type="button" className="list-button" data-testid={`welcome-recovery-${r.projectId}`} onClick={() => void project.restore(r.projectId)}>
                    <strong>Recovered: {r.title}</strong>
                    <span className="muted">{r.path ?? 'never saved'}</span>
                    <span className="muted small">{formatTime(r.savedAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section className="welcome-list" aria-labelledby="welcome-recent-title">
          <h2 id="welcome-recent-title">Recent projects</h2>
          {recent === null ? (
            <p className="muted">Loading…</p>
          ) : recent.length === 0 ? (
            <p className="muted">Projects you open or save appear here.</p>
          ) : (
            <ul>
              {recent.map((r, n) => (
                <li key={r.path}>
                  <button
                    type="button"
                    className="list-button"
                    data-testid={`recent-item-${n}`}
                    disabled={!r.exists}
                    title={r.exists ? r.path : `${r.path} (missing)`}
                    onClick={() => void project.openRecent(r.path)}
                  >
                    <strong>{r.name}</strong>
                    <span className="muted">{r.exists ? r.path : `${r.path} — file not found`}</span>
                    <span className="muted small">{formatTime(r.openedAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </main>
  );
}
