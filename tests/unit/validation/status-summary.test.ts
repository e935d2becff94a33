import { describe, expect, it } from 'vitest';
import {
  getValidationStatus,
  getValidationSummary,
  isGenerationNodeValid,
  type ValidationIssue,
  type ValidationResult,
} from '../../../core/validation';

// validation.md §1: status and summary strings.

const issues = (n: number): ValidationIssue[] => Array.from({ length: n }, (_, i) => ({ rule: 'V01', message: `m${i}` }));
const result = (e: number, w: number, s: number): ValidationResult => ({
  errors: issues(e),
  warnings: issues(w),
  suggestions: issues(s),
});

describe('getValidationSummary', () => {
  it.each([
    [0, 0, 0, 'All checks passed'],
    [1, 0, 0, '1 error'],
    [2, 0, 0, '2 errors'],
    [0, 1, 0, '1 warning'],
    [0, 0, 1, '1 suggestion'],
    [0, 3, 2, '3 warnings, 2 suggestions'],
    [0, 2, 1, '2 warnings, 1 suggestion'],
    [1, 1, 1, '1 error, 1 warning, 1 suggestion'],
    [12, 0, 5, '12 errors, 5 suggestions'],
  ])('summarises %d errors, %d warnings, %d suggestions as "%s"', (e, w, s, expected) => {
    expect(getValidationSummary(result(e, w, s))).toBe(expected);
  });
});

describe('getValidationStatus and isGenerationNodeValid', () => {
  it.each([
    [1, 1, 1, 'error', false],
    [0, 1, 1, 'warning', true],
    [0, 0, 3, 'ok', true],
    [0, 0, 0, 'ok', true],
  ])('with %d errors, %d warnings, %d suggestions the status is %s', (e, w, s, status, valid) => {
    expect(getValidationStatus(result(e, w, s))).toBe(status);
    expect(isGenerationNodeValid(result(e, w, s))).toBe(valid);
  });
});
