// validation.md §6, the type table, as data. The order of FIELDS is the order in which V55 reports, and
// the view builder reads exactly these paths and nothing else, so cycles and deep nesting are harmless.

/** What a single value must be, as printed in a V55 message, and the test for it. */
export interface ValueType {
  readonly expected: string;
  readonly accepts: (value: unknown) => boolean;
}

export type FieldSpec =
  | { readonly key: string; readonly kind: 'value'; readonly type: ValueType }
  /** Reported by V55 when not a string, yet never removed: rules only test truthiness or fixed strings. */
  | { readonly key: string; readonly kind: 'kept-string' }
  /** A content rating: outside the table, reported by V50 whatever its type (validation.md §6). */
  | { readonly key: string; readonly kind: 'rating' }
  | { readonly key: string; readonly kind: 'object'; readonly fields: readonly FieldSpec[] }
  | { readonly key: string; readonly kind: 'array'; readonly element: ValueType }
  | { readonly key: string; readonly kind: 'record'; readonly entry: ValueType; readonly keepsNull: boolean };

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const STRING: ValueType = { expected: 'a string', accepts: (v) => typeof v === 'string' };
const BOOLEAN: ValueType = { expected: 'a boolean', accepts: (v) => typeof v === 'boolean' };
const FINITE_NUMBER: ValueType = { expected: 'a finite number', accepts: isFiniteNumber };

const MODEL_PARAM: ValueType = {
  expected: 'a string, a finite number, a boolean or null',
  accepts: (v) => v === null || typeof v === 'string' || typeof v === 'boolean' || isFiniteNumber(v),
};
const PROMPT_VARIABLE: ValueType = {
  expected: 'a string, a finite number or a boolean',
  accepts: (v) => typeof v === 'string' || typeof v === 'boolean' || isFiniteNumber(v),
};

function value(key: string, type: ValueType): FieldSpec {
  return { key, kind: 'value', type };
}

export const NODE_FIELDS: readonly FieldSpec[] = [
  value('enabled', BOOLEAN),
  { key: 'generationType', kind: 'kept-string' },
  { key: 'purpose', kind: 'kept-string' },
  { key: 'strategy', kind: 'kept-string' },
  value('seedSource', STRING),
  value('templateId', STRING),
  value('provider', STRING),
  // §2.3: inside modelParams `null` is a value (it removes a provider default), not an absence.
  { key: 'modelParams', kind: 'record', entry: MODEL_PARAM, keepsNull: true },
  value('version', FINITE_NUMBER),
  {
    key: 'style',
    kind: 'object',
    fields: [value('moodFrom', STRING), value('moodTo', STRING), value('pacing', STRING), value('transitionType', STRING)],
  },
  {
    key: 'duration',
    kind: 'object',
    fields: [value('min', FINITE_NUMBER), value('max', FINITE_NUMBER), value('target', FINITE_NUMBER)],
  },
  {
    key: 'constraints',
    kind: 'object',
    fields: [
      value('rating', STRING),
      { key: 'requiredElements', kind: 'array', element: STRING },
      { key: 'avoidElements', kind: 'array', element: STRING },
      { key: 'contentRules', kind: 'array', element: STRING },
    ],
  },
  {
    key: 'fallback',
    kind: 'object',
    fields: [
      value('mode', STRING),
      value('defaultContentId', STRING),
      value('maxRetries', FINITE_NUMBER),
      value('timeoutMs', FINITE_NUMBER),
    ],
  },
  {
    key: 'socialContext',
    kind: 'object',
    fields: [
      value('intimacyLevelId', STRING),
      value('relationshipTierId', STRING),
      value('intimacyBand', STRING),
      { key: 'npcIds', kind: 'array', element: FINITE_NUMBER },
      { key: 'relationshipValues', kind: 'record', entry: FINITE_NUMBER, keepsNull: false },
      value('ratingClamped', BOOLEAN),
      // In V50's order (validation.md §4); ratings produce no V55 issue, so their place here is free.
      { key: 'contentRating', kind: 'rating' },
      { key: 'worldMaxRating', kind: 'rating' },
      { key: 'userMaxRating', kind: 'rating' },
      { key: 'originalRating', kind: 'rating' },
    ],
  },
  {
    key: 'prompt',
    kind: 'object',
    fields: [
      value('inline', STRING),
      value('versionId', STRING),
      value('familyId', STRING),
      value('autoSelectLatest', BOOLEAN),
      { key: 'variables', kind: 'record', entry: PROMPT_VARIABLE, keepsNull: false },
    ],
  },
];
