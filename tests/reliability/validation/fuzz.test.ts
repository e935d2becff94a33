import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateGenerationNode, type ValidationResult } from '../../../core/validation';

// RELIABILITY.md IN-6: the validator never throws. 10,000 arbitrary values: whole configs (JSON values and
// arbitrary JS values) and JSON values planted at type-table paths of an otherwise sound config. Every
// wrong JavaScript type must come back as a V55 naming its path and the expected type.

const RUNS = 10_000;

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Planted {
  readonly path: string;
  readonly type: string;
  readonly accepts: (value: unknown) => boolean;
}

/** Type-table paths and the JavaScript type each expects (validation.md §6). JSON numbers are finite. */
const PLANTED: readonly Planted[] = [
  { path: 'enabled', type: 'a boolean', accepts: (v) => typeof v === 'boolean' },
  { path: 'generationType', type: 'a string', accepts: (v) => typeof v === 'string' },
  { path: 'seedSource', type: 'a string', accepts: (v) => typeof v === 'string' },
  { path: 'version', type: 'a finite number', accepts: (v) => typeof v === 'number' },
  { path: 'style', type: 'an object', accepts: isObject },
  { path: 'style.pacing', type: 'a string', accepts: (v) => typeof v === 'string' },
  { path: 'duration.max', type: 'a finite number', accepts: (v) => typeof v === 'number' },
  { path: 'constraints.avoidElements', type: 'an array', accepts: Array.isArray },
  { path: 'fallback.maxRetries', type: 'a finite number', accepts: (v) => typeof v === 'number' },
  { path: 'socialContext.npcIds', type: 'an array', accepts: Array.isArray },
  { path: 'prompt.autoSelectLatest', type: 'a boolean', accepts: (v) => typeof v === 'boolean' },
  { path: 'prompt.variables', type: 'an object', accepts: isObject },
];

type Case =
  | { readonly kind: 'whole'; readonly config: unknown }
  | { readonly kind: 'planted'; readonly planted: Planted; readonly value: unknown; readonly config: unknown };

function plant(planted: Planted, value: unknown): Case {
  const [head, tail] = planted.path.split('.') as [string, string | undefined];
  const config: Record<string, unknown> = {
    generationType: 'variation',
    purpose: 'variation',
    strategy: 'once',
    fallback: { mode: 'retry' },
  };
  config[head] = tail === undefined ? value : { ...(head === 'fallback' ? { mode: 'retry' } : {}), [tail]: value };
  return { kind: 'planted', planted, value, config };
}

const cases: fc.Arbitrary<Case> = fc.oneof(
  fc.jsonValue().map((config): Case => ({ kind: 'whole', config })),
  fc
    .anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true, withSparseArray: true, withMap: true })
    .map((config): Case => ({ kind: 'whole', config })),
  fc.tuple(fc.constantFrom(...PLANTED), fc.jsonValue()).map(([planted, value]) => plant(planted, value)),
);

function checkFindings(testCase: Case, result: ValidationResult): void {
  for (const issue of [...result.errors, ...result.warnings, ...result.suggestions]) {
    expect(issue.rule).toMatch(/^V(0[1-9]|[1-4]\d|5[0-7])$/);
  }
  if (testCase.kind === 'whole' && !isObject(testCase.config)) {
    expect(result.errors).toContainEqual({
      rule: 'V55',
      message: expect.stringMatching(/^Generation node config must be an object \(got .+\)$/),
    });
  }
  if (testCase.kind === 'planted' && testCase.value !== null && !testCase.planted.accepts(testCase.value)) {
    const { path, type } = testCase.planted;
    expect(result.errors).toContainEqual({
      rule: 'V55',
      path,
      message: expect.stringMatching(new RegExp(`^${path.replace('.', '\\.')} must be ${type} \\(got .+\\)$`)),
    });
  }
}

describe('IN-6 validator never throws', () => {
  it('returns findings for any input', () => {
    const thrown: string[] = [];
    const sample = fc.sample(cases, { numRuns: RUNS, seed: 6 });
    for (const testCase of sample) {
      let result: ValidationResult | undefined;
      try {
        result = validateGenerationNode(testCase.config);
      } catch (error) {
        // Counted, not rethrown: the figure must report every throw, not only the first.
        thrown.push(String(error));
      }
      if (result !== undefined) checkFindings(testCase, result);
    }
    console.log(`FIGURE IN-6 inputs=${sample.length} throws=${thrown.length}`);
    expect(sample).toHaveLength(RUNS);
    expect(thrown).toEqual([]);
  });
});
