import { describe, expect, it } from 'vitest';
import { CLEAN, cleanWith, findings, findingsOf } from './helpers';

// validation.md §3, V01–V11. Messages are written out from the spec, not taken from the code.

describe('the clean base config', () => {
  it('yields no issue at all, so each case below isolates one rule', () => {
    expect(findings(CLEAN)).toEqual([]);
  });
});

describe('V01–V04: enablement and the required trio', () => {
  const V01 = { rule: 'V01', severity: 'warning', message: 'Generation node is disabled and will not execute', path: 'enabled' };

  it.each([
    ['false', { enabled: false }],
    ['missing', { enabled: undefined }],
    ['null', { enabled: null }],
  ])('V01 warns when enabled is %s', (_label, overrides) => {
    expect(findingsOf('V01', cleanWith(overrides))).toEqual([V01]);
  });

  it('V01 stays silent when enabled is true', () => {
    expect(findingsOf('V01', CLEAN)).toEqual([]);
  });

  it.each([
    ['V02', 'generationType', 'Generation type is required'],
    ['V03', 'purpose', 'Purpose is required'],
    ['V04', 'strategy', 'Strategy is required'],
  ])('%s errs when %s is missing or empty', (rule, field, message) => {
    const expected = [{ rule, severity: 'error', message, path: field }];
    expect(findingsOf(rule, cleanWith({ [field]: undefined }))).toEqual(expected);
    expect(findingsOf(rule, cleanWith({ [field]: '' }))).toEqual(expected);
    expect(findingsOf(rule, cleanWith({ [field]: null }))).toEqual(expected);
  });

  it.each([
    ['V02', 'generationType'],
    ['V03', 'purpose'],
    ['V04', 'strategy'],
  ])('%s stays silent for any truthy %s, even one outside its set', (rule, field) => {
    expect(findingsOf(rule, cleanWith({ [field]: 'something_else' }))).toEqual([]);
    expect(findingsOf(rule, CLEAN)).toEqual([]);
  });
});

describe('V05: purpose that is unusual for the type', () => {
  it.each([
    ['transition', 'ambient', 'gap_fill, variation, adaptive'],
    ['variation', 'gap_fill', 'variation, adaptive'],
    ['dialogue', 'gap_fill', 'variation, adaptive, ambient'],
    ['environment', 'gap_fill', 'ambient, adaptive'],
    ['npc_response', 'ambient', 'adaptive, variation'],
  ])('V05 warns for type %s with purpose %s, listing %s', (generationType, purpose, expected) => {
    expect(findingsOf('V05', cleanWith({ generationType, purpose }))).toEqual([
      {
        rule: 'V05',
        severity: 'warning',
        message: `Purpose '${purpose}' is unusual for generation type '${generationType}'. Expected: ${expected}`,
        path: 'purpose',
      },
    ]);
  });

  it('V05 also warns for a purpose outside every set, next to V56', () => {
    const config = cleanWith({ generationType: 'environment', purpose: 'decor' });
    expect(findingsOf('V05', config)[0]?.message).toBe(
      "Purpose 'decor' is unusual for generation type 'environment'. Expected: ambient, adaptive",
    );
    expect(findingsOf('V56', config)).toHaveLength(1);
  });

  it.each([
    ['an allowed purpose', { generationType: 'environment', purpose: 'adaptive' }],
    ['a type that is not a key of ALLOWED', { generationType: 'toString', purpose: 'gap_fill' }],
    ['an empty purpose', { generationType: 'environment', purpose: '' }],
    ['a purpose that is not a string', { generationType: 'environment', purpose: 7 }],
  ])('V05 stays silent for %s', (_label, overrides) => {
    expect(findingsOf('V05', cleanWith(overrides))).toEqual([]);
  });
});

describe('V06: blank template id', () => {
  it('V06 warns when templateId is whitespace only', () => {
    expect(findingsOf('V06', cleanWith({ templateId: ' \t ' }))).toEqual([
      { rule: 'V06', severity: 'warning', message: 'Template ID is set but empty - will be ignored', path: 'templateId' },
    ]);
  });

  it.each([[''], ['tpl-intro'], [null]])('V06 stays silent for templateId %j', (templateId) => {
    expect(findingsOf('V06', cleanWith({ templateId }))).toEqual([]);
  });
});

describe('V07–V11: seed source', () => {
  it('V07 errs for a seed source outside the set', () => {
    expect(findingsOf('V07', cleanWith({ seedSource: 'random' }))).toEqual([
      {
        rule: 'V07',
        severity: 'error',
        message: "Invalid seed source 'random'. Valid options: playthrough, player, timestamp, fixed",
        path: 'seedSource',
      },
    ]);
  });

  it('V07 leaves an empty seed source to V56', () => {
    const config = cleanWith({ seedSource: '' });
    expect(findingsOf('V07', config)).toEqual([]);
    expect(findingsOf('V56', config).map((f) => f.path)).toEqual(['seedSource']);
  });

  it('V08 warns for a timestamp seed without the "always" strategy', () => {
    expect(findingsOf('V08', cleanWith({ seedSource: 'timestamp', strategy: 'per_player' }))).toEqual([
      {
        rule: 'V08',
        severity: 'warning',
        message:
          'Seed source "timestamp" with non-"always" strategy will produce different results each time, defeating caching',
        path: 'seedSource',
      },
    ]);
  });

  it('V08 stays silent for a timestamp seed with the "always" strategy', () => {
    expect(findingsOf('V08', cleanWith({ seedSource: 'timestamp', strategy: 'always' }))).toEqual([]);
  });

  it('V09 suggests the playthrough seed for the per_playthrough strategy', () => {
    expect(findingsOf('V09', cleanWith({ strategy: 'per_playthrough', seedSource: 'fixed' }))).toEqual([
      {
        rule: 'V09',
        severity: 'suggestion',
        message:
          'Consider using "playthrough" seed source for "per_playthrough" strategy to ensure consistency within a playthrough',
        path: 'seedSource',
      },
    ]);
  });

  it.each([['playthrough'], [undefined]])('V09 stays silent for seed source %s', (seedSource) => {
    expect(findingsOf('V09', cleanWith({ strategy: 'per_playthrough', seedSource }))).toEqual([]);
  });

  it('V10 suggests the player seed for the per_player strategy', () => {
    expect(findingsOf('V10', cleanWith({ strategy: 'per_player', seedSource: 'playthrough' }))).toEqual([
      {
        rule: 'V10',
        severity: 'suggestion',
        message: 'Consider using "player" seed source for "per_player" strategy to ensure consistency per player',
        path: 'seedSource',
      },
    ]);
  });

  it('V10 stays silent for the player seed', () => {
    expect(findingsOf('V10', cleanWith({ strategy: 'per_player', seedSource: 'player' }))).toEqual([]);
  });

  it.each([
    ['a cached strategy', { seedSource: undefined }],
    ['a missing strategy', { seedSource: undefined, strategy: undefined }],
    ['an empty seed source', { seedSource: '' }],
    ['a seed source of the wrong type', { seedSource: 3 }],
  ])('V11 suggests a seed source for %s', (_label, overrides) => {
    expect(findingsOf('V11', cleanWith(overrides))).toEqual([
      {
        rule: 'V11',
        severity: 'suggestion',
        message: 'Consider specifying a seed source to ensure deterministic results for caching',
        path: 'seedSource',
      },
    ]);
  });

  it('V11 stays silent for the "always" strategy or a set seed source', () => {
    expect(findingsOf('V11', cleanWith({ seedSource: undefined, strategy: 'always' }))).toEqual([]);
    expect(findingsOf('V11', CLEAN)).toEqual([]);
  });
});
