import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSTRAINT_RATINGS,
  CONTENT_RATINGS,
  FALLBACK_MODES,
  GENERATION_STRATEGIES,
  GENERATION_TYPES,
  GenerationNodeConfigSchema,
  INTIMACY_BANDS,
  PACINGS,
  PURPOSES,
  SEED_SOURCES,
  TRANSITION_TYPES,
} from '../../../core/domain';
import { validateGenerationNode } from '../../../core/validation';

// validation.md §6 "Guarantee": no validator errors ⇒ GenerationNodeConfigSchema.safeParse succeeds.
// Every field is drawn mostly from near-valid values (so that error-free configs are common) and sometimes
// from arbitrary JSON, nulls and edge numbers (so that the boundary between the two is explored).

const noise = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.string({ maxLength: 4 }),
  fc.double(),
  fc.integer({ min: -3, max: 12 }),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 2 }),
);

function mostly<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 40, arbitrary }, { weight: 1, arbitrary: noise });
}

/** Mostly `valid`, sometimes `edge`: values just outside a rule. */
function usually<T, U>(valid: fc.Arbitrary<T>, edge: fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: edge });
}

const oneOf = (values: readonly string[]) => mostly(fc.constantFrom(...values));
const text = mostly(fc.string({ maxLength: 6 }));
const seconds = mostly(usually(fc.double({ min: 0, max: 400, noNaN: true }), fc.integer({ min: -2, max: 0 })));
const strings = mostly(fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 }));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const scalar = fc.oneof(fc.string({ maxLength: 3 }), finite, fc.boolean());
// A null entry is absent (validation.md §2.3), except inside modelParams where it is a value.
const entry = <T>(arbitrary: fc.Arbitrary<T>) => usually(arbitrary, fc.constant(null));

/** min ≤ target ≤ max, with any subset of the three keys: the common, error-free shape. */
const orderedDuration = fc
  .tuple(fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 3, maxLength: 3 }), fc.subarray(['min', 'target', 'max']))
  .map(([values, keys]) => {
    const [min, target, max] = [...values].sort((a, b) => a - b);
    const all: Record<string, number | undefined> = { min, target, max };
    return Object.fromEntries(keys.map((key) => [key, all[key]]));
  });

function optional<T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) {
  return fc.record(shape, { requiredKeys: [] });
}

const config = fc.record(
  {
    generationType: oneOf(GENERATION_TYPES),
    purpose: oneOf(PURPOSES),
    strategy: oneOf(GENERATION_STRATEGIES),
    fallback: mostly(
      optional({
        mode: oneOf(FALLBACK_MODES),
        defaultContentId: text,
        maxRetries: mostly(usually(fc.integer({ min: 0, max: 10 }), fc.double())),
        timeoutMs: mostly(usually(fc.integer({ min: 100, max: 100_000 }), fc.double())),
      }),
    ),
    enabled: mostly(fc.boolean()),
    version: mostly(usually(fc.integer({ min: 1, max: 5 }), finite)),
    seedSource: oneOf(SEED_SOURCES),
    templateId: text,
    provider: text,
    modelParams: mostly(fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(scalar, fc.constant(null)), { maxKeys: 3 })),
    style: mostly(optional({ moodFrom: text, moodTo: text, pacing: oneOf(PACINGS), transitionType: oneOf(TRANSITION_TYPES) })),
    duration: fc.oneof(orderedDuration, mostly(optional({ min: seconds, max: seconds, target: seconds }))),
    constraints: mostly(
      optional({ rating: oneOf(CONSTRAINT_RATINGS), requiredElements: strings, avoidElements: strings, contentRules: strings }),
    ),
    socialContext: mostly(
      optional({
        intimacyLevelId: text,
        relationshipTierId: text,
        intimacyBand: oneOf(INTIMACY_BANDS),
        contentRating: oneOf(CONTENT_RATINGS),
        worldMaxRating: oneOf(CONTENT_RATINGS),
        userMaxRating: oneOf(CONTENT_RATINGS),
        originalRating: oneOf(CONTENT_RATINGS),
        npcIds: mostly(fc.array(usually(fc.integer(), finite), { maxLength: 3 })),
        relationshipValues: mostly(fc.dictionary(fc.string({ maxLength: 3 }), entry(finite), { maxKeys: 3 })),
        ratingClamped: mostly(fc.boolean()),
      }),
    ),
    prompt: mostly(
      optional({
        inline: text,
        versionId: text,
        familyId: text,
        autoSelectLatest: mostly(fc.boolean()),
        variables: mostly(fc.dictionary(fc.string({ maxLength: 3 }), entry(scalar), { maxKeys: 3 })),
      }),
    ),
    unknownKey: noise,
  },
  { requiredKeys: ['generationType', 'purpose', 'strategy', 'fallback'] },
);

describe('the schema guarantee', () => {
  it('a config with no validator errors passes GenerationNodeConfigSchema', () => {
    let errorFree = 0;
    fc.assert(
      fc.property(config, (candidate) => {
        if (validateGenerationNode(candidate).errors.length > 0) return;
        errorFree += 1;
        const parsed = GenerationNodeConfigSchema.safeParse(candidate);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // The property is only meaningful if the generator reaches the error-free side often enough.
    expect(errorFree).toBeGreaterThan(100);
  });

  it('a config the schema refuses always has a validator error', () => {
    fc.assert(
      fc.property(config, (candidate) => {
        if (GenerationNodeConfigSchema.safeParse(candidate).success) return;
        expect(validateGenerationNode(candidate).errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the schema guarantee at its known edges', () => {
  const base = { generationType: 'transition', purpose: 'gap_fill', strategy: 'once', fallback: { mode: 'skip' } };

  it.each([
    ['a null prompt variable (absent, §2.3)', { prompt: { variables: { mood: null } } }],
    ['a null relationship value (absent, §2.3)', { socialContext: { relationshipValues: { trust: null } } }],
    ['an integer beyond 2^53 (Number.isInteger, domain.md §0)', { version: 1e20, socialContext: { npcIds: [2 ** 60] } }],
  ])('%s gives no validator error and passes the schema', (_label, extra) => {
    const candidate = { ...base, ...extra };
    expect(validateGenerationNode(candidate).errors).toEqual([]);
    expect(GenerationNodeConfigSchema.safeParse(candidate).success).toBe(true);
  });
});
