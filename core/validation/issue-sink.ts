import type { ValidationIssue, ValidationResult } from './types';

/**
 * Collects issues into the three severity lists. Rules run V01 → V57 and append as they go, so every
 * list ends up in rule order (validation.md §1, "Order").
 */
export interface IssueSink {
  error(rule: string, message: string, path?: string): void;
  warning(rule: string, message: string, path?: string): void;
  suggestion(rule: string, message: string, path?: string): void;
  result(): ValidationResult;
}

function issue(rule: string, message: string, path: string | undefined): ValidationIssue {
  // The whole-config issue has no `path` key at all, rather than `path: undefined`.
  return path === undefined ? { rule, message } : { rule, message, path };
}

export function createIssueSink(): IssueSink {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const suggestions: ValidationIssue[] = [];
  return {
    error: (rule, message, path) => void errors.push(issue(rule, message, path)),
    warning: (rule, message, path) => void warnings.push(issue(rule, message, path)),
    suggestion: (rule, message, path) => void suggestions.push(issue(rule, message, path)),
    result: () => ({ errors, warnings, suggestions }),
  };
}
