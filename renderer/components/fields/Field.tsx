import type { ReactNode } from 'react';
import { fieldDomId, useFieldIssues, type Severity } from './issue-context';

export type ControlProps = {
  id: string;
  'data-testid': string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
};

type FieldProps = {
  path: string;
  label: string;
  hint?: ReactNode;
  inline?: boolean;
  children: (control: ControlProps) => ReactNode;
};

const WORST: Severity[] = ['error', 'warning', 'suggestion'];

/** One labelled control with its hint and its validation issues, linked by aria-describedby. */
export function Field({ path, label, hint, inline, children }: FieldProps) {
  const issues = useFieldIssues(path);
  const id = fieldDomId(path);
  const issueId = `${id}-issues`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, issues.length > 0 ? issueId : null].filter(Boolean).join(' ');
  const hasError = issues.some((i) => i.severity === 'error');
  const severity = WORST.find((s) => issues.some((i) => i.severity === s));
  const control: ControlProps = { id, 'data-testid': `field-${path}` };
  if (hasError) control['aria-invalid'] = true;
  if (describedBy) control['aria-describedby'] = describedBy;
  return (
    <div className={`field${inline ? ' field-inline' : ''}${severity ? ` field-has-${severity}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children(control)}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <ul className="field-issues" id={issueId} data-testid={`field-issue-${path}`} data-severity={severity}>
          {issues.map((issue, i) => (
            <li key={i} className={`issue issue-${issue.severity}`}>
              <span className="issue-icon" aria-hidden="true">
                {issue.severity === 'error' ? '✖' : issue.severity === 'warning' ? '⚠' : 'ℹ'}
              </span>
              <span className="issue-rule">{issue.rule}</span> {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Issues about a whole section (`style`, `duration`), shown under its heading. */
export function SectionIssues({ path }: { path: string }) {
  const issues = useFieldIssues(path);
  if (issues.length === 0) return null;
  return (
    <ul className="field-issues section-issues" id={fieldDomId(path)} tabIndex={-1} data-testid={`field-issue-${path}`}>
      {issues.map((issue, i) => (
        <li key={i} className={`issue issue-${issue.severity}`}>
          <span className="issue-rule">{issue.rule}</span> {issue.message}
        </li>
      ))}
    </ul>
  );
}
