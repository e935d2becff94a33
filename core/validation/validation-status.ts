import type { ValidationStatus } from '../domain';
import type { ValidationResult } from './types';

// validation.md §1: the status and the one-line summary shown in the editor and the health view.

export function isGenerationNodeValid(result: ValidationResult): boolean {
  return result.errors.length === 0;
}

export function getValidationStatus(result: ValidationResult): ValidationStatus {
  if (result.errors.length > 0) return 'error';
  if (result.warnings.length > 0) return 'warning';
  return 'ok';
}

function countPart(count: number, noun: string): string | undefined {
  if (count === 0) return undefined;
  return `${String(count)} ${noun}${count > 1 ? 's' : ''}`;
}

export function getValidationSummary(result: ValidationResult): string {
  const parts = [
    countPart(result.errors.length, 'error'),
    countPart(result.warnings.length, 'warning'),
    countPart(result.suggestions.length, 'suggestion'),
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : 'All checks passed';
}
