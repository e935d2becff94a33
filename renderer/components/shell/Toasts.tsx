import { useStudio, useUiStore } from '../../stores/context';

/** studio-ui.md §1: notifications in a polite live region. */
export function Toasts() {
  const { ui } = useStudio();
  const toasts = useUiStore((s) => s.toasts);
  const dismiss = (id: number) => ui.getState().dismissToast(id);
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions" role="status">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} data-testid="toast" data-kind={t.kind}>
          <span className="toast-icon" aria-hidden="true">
            {t.kind === 'error' ? '✖' : t.kind === 'warning' ? '⚠' : t.kind === 'success' ? '✓' : 'ℹ'}
          </span>
          <span className="toast-message">{t.message}</span>
          <button type="button" className="btn btn-icon btn-ghost" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
