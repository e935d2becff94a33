import type { ReactNode } from 'react';

export function DetailSection(props: { title: string; testId?: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="fx-section" data-testid={props.testId} aria-label={props.title}>
      <header className="fx-section-header">
        <h3>{props.title}</h3>
        {props.actions ? <div className="fx-section-actions">{props.actions}</div> : null}
      </header>
      {props.children}
    </section>
  );
}
