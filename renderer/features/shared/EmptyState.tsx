import type { ReactNode } from 'react';

/** A designed empty state: an icon, one sentence, and optionally a hint or an action. */
export function EmptyState(props: { icon: string; title: string; children?: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" data-testid={props.testId}>
      <div className="empty-icon" aria-hidden="true">
        {props.icon}
      </div>
      <div className="empty-title">{props.title}</div>
      {props.children ? <div className="muted">{props.children}</div> : null}
    </div>
  );
}
