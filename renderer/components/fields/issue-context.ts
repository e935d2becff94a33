import { createContext, useContext } from 'react';
import type { ValidationIssue } from '../../../core/validation';

// Issues of the edited draft, by config path, for the fields to show under themselves (studio-ui.md §4.2).

export type Severity = 'error' | 'warning' | 'suggestion';
export type FieldIssue = ValidationIssue & { severity: Severity };

export const IssueContext = createContext<ReadonlyMap<string, FieldIssue[]>>(new Map());

export function useFieldIssues(path: string): FieldIssue[] {
  return useContext(IssueContext).get(path) ?? [];
}

/** DOM id of a field's control; the Problems panel and the details list focus fields through it. */
export function fieldDomId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Focuses the field for `path`, or the closest enclosing field or section that is on screen. */
export function focusField(path: string): boolean {
  let current = path.replace(/\[\d+\]/g, '');
  for (;;) {
    const element = document.getElementById(fieldDomId(current));
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus();
      return true;
    }
    const dot = current.lastIndexOf('.');
    if (dot < 0) return false;
    current = current.slice(0, dot);
  }
}
