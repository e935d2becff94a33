import { EMPTY_LIST } from '../../lib/empty';
import { useSessionStore, useStudio } from '../../stores/context';

/** The engine's start-up notices, shown once as a dismissible banner (studio-ui.md §1). */
export function StartupNotice() {
  const { session } = useStudio();
  const notices = useSessionStore((s) => s.info?.startupNotices ?? EMPTY_LIST);
  const dismissed = useSessionStore((s) => s.noticesDismissed);
  const connected = useSessionStore((s) => s.connected);
  return (
    <>
      {!connected ? (
        <div className="banner banner-error" role="alert" data-testid="disconnected-banner">
          Disconnected from the Genweave host. Reconnecting…
        </div>
      ) : null}
      {notices.length > 0 && !dismissed ? (
        <div className="banner banner-info" role="status" data-testid="startup-notice">
          <ul>
            {notices.map((n) => (
              <li key={n.code}>{n.message}</li>
            ))}
          </ul>
          <button type="button" className="btn btn-small" onClick={() => session.getState().dismissNotices()}>
            Dismiss
          </button>
        </div>
      ) : null}
    </>
  );
}
