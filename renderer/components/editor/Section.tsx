import { useId, type ReactNode } from 'react';
import { SectionIssues } from '../fields/Field';

/** A titled group of editor fields; `issuePath` shows issues that concern the group as a whole. */
export function Section({ title, issuePath, children, aside }: { title: string; issuePath?: string; children: ReactNode; aside?: ReactNode }) {
  const headingId = useId();
  return (
    <section className="editor-section" aria-labelledby={headingId}>
      <header className="editor-section-header">
        <h3 id={headingId}>{title}</h3>
        {aside}
      </header>
      {issuePath ? <SectionIssues path={issuePath} /> : null}
      <div className="editor-section-body">{children}</div>
    </section>
  );
}
