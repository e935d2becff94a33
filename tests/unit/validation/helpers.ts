import { validateGenerationNode, type ValidationOptions, type ValidationResult } from '../../../core/validation';

export type Severity = 'error' | 'warning' | 'suggestion';

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  path?: string;
}

/** A config that yields no error, no warning and no suggestion: each rule test changes one thing in it. */
export const CLEAN: Readonly<Record<string, unknown>> = Object.freeze({
  generationType: 'variation',
  purpose: 'variation',
  strategy: 'once',
  seedSource: 'fixed',
  enabled: true,
  version: 1,
  fallback: { mode: 'placeholder' },
});

/** CLEAN with some top-level fields replaced (a value of `undefined` deletes the field). */
export function cleanWith(overrides: Record<string, unknown>): Record<string, unknown> {
  const config: Record<string, unknown> = { ...CLEAN, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete config[key];
  return config;
}

/** Every issue of a result, flattened in list order (errors, warnings, suggestions), with its severity. */
export function flatten(result: ValidationResult): Finding[] {
  const tag = (severity: Severity) => (issue: ValidationResult['errors'][number]): Finding => ({ ...issue, severity });
  return [
    ...result.errors.map(tag('error')),
    ...result.warnings.map(tag('warning')),
    ...result.suggestions.map(tag('suggestion')),
  ];
}

export function findings(config: unknown, options?: ValidationOptions): Finding[] {
  return flatten(validateGenerationNode(config, options));
}

export function rulesOf(config: unknown, options?: ValidationOptions): string[] {
  return findings(config, options).map((finding) => finding.rule);
}

/** The findings of one rule only. */
export function findingsOf(rule: string, config: unknown, options?: ValidationOptions): Finding[] {
  return findings(config, options).filter((finding) => finding.rule === rule);
}
