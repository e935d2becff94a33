import type { ValidationIssue, ValidationResult } from '../../../core/validation';
import { focusField } from '../fields/issue-context';

const GROUPS = [
  { key: 'errors', title: 'Errors', severity: 'error' },
  { key: 'warnings', title: 'Warnings', severity: 'warning' },
  { key: 'suggestions', title: 'Suggestions', severity: 'suggestion' },
] as const;

/** The full issue list with counts; activating an issue focuses its field. */
export function ValidationDetails({ result }: { result: ValidationResult }) {
  return (
    <div className="validation-details" data-testid="gen-editor-details-list">
      {GROUPS.map(({ key, title, severity }) => {
        const list: ValidationIssue[] = result[key];
        return (
          <div key={key} className="validation-group">
            <h4>
              {title} <span className="count">{list.length}</span>
            </h4>
            {list.length === 0 ? null : (
              <ul>
                {list.map((issue, i) => (
                  <li key={i} className={`issue issue-${severity}`} data-rule={issue.rule}>
                    <button type="button" className="issue-link" disabled={!issue.path} onClick={() => issue.path && focusField(issue.path)}>
                      <span className="issue-rule">{issue.rule}</span> {issue.message}
                      {issue.path ? <span className="issue-path"> · {issue.path}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
