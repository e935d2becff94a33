import type { GenerationStatus } from '../../../core/domain/vocabulary';

const ICONS: Record<GenerationStatus, string> = {
  pending: '○',
  processing: '◔',
  completed: '✓',
  failed: '✕',
  cancelled: '⊘',
};

/** studio-ui.md §7: completed green, failed red, processing blue, pending grey, cancelled yellow, with text. */
export function StatusBadge(props: { status: GenerationStatus; testId?: string }) {
  return (
    <span className={`fx-badge fx-status-${props.status}`} data-status={props.status} data-testid={props.testId}>
      <span aria-hidden="true">{ICONS[props.status]}</span> {props.status}
    </span>
  );
}
