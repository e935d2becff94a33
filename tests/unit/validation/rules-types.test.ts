import { describe, expect, it } from 'vitest';
import { validateGenerationNode } from '../../../core/validation';
import { cleanWith, findings, findingsOf } from './helpers';

// validation.md §5–§6, V55–V57: types, sets and ranges.

const v55 = (path: string, message: string) => ({ rule: 'V55', severity: 'error', message, path });

describe('V55: the whole config', () => {
  it.each([
    ['null', null, 'nothing'],
    ['undefined', undefined, 'nothing'],
    ['a number', 5, '5'],
    ['a string', 'node', "'node'"],
    ['a boolean', true, 'true'],
    ['an array', [{ generationType: 'transition' }], 'an array'],
    ['a function', () => ({}), 'function'],
  ])('V55 reports a config that is %s once, without a path, and validates it as {}', (_label, config, shown) => {
    const result = validateGenerationNode(config);
    const whole = result.errors.filter((issue) => issue.rule === 'V55');
    expect(whole).toEqual([{ rule: 'V55', message: `Generation node config must be an object (got ${shown})` }]);
    expect(Object.hasOwn(whole[0] ?? {}, 'path')).toBe(false);
    expect(result).toEqual({
      ...validateGenerationNode({}),
      errors: [...validateGenerationNode({}).errors, ...whole],
    });
  });
});

describe('V55: every path of the type table', () => {
  it.each([
    [{ enabled: 'yes' }, 'enabled', "enabled must be a boolean (got 'yes')"],
    [{ generationType: 5 }, 'generationType', 'generationType must be a string (got 5)'],
    [{ purpose: ['gap_fill'] }, 'purpose', 'purpose must be a string (got an array)'],
    [{ strategy: {} }, 'strategy', 'strategy must be a string (got an object)'],
    [{ seedSource: 1 }, 'seedSource', 'seedSource must be a string (got 1)'],
    [{ templateId: false }, 'templateId', 'templateId must be a string (got false)'],
    [{ provider: {} }, 'provider', 'provider must be a string (got an object)'],
    [{ modelParams: [] }, 'modelParams', 'modelParams must be an object (got an array)'],
    [
      { modelParams: { temperature: 0.7, seed: null, style: {} } },
      'modelParams.style',
      'modelParams.style must be a string, a finite number, a boolean or null (got an object)',
    ],
    [{ modelParams: { n: Number.NaN } }, 'modelParams.n', 'modelParams.n must be a string, a finite number, a boolean or null (got NaN)'],
    [{ version: '2' }, 'version', "version must be a finite number (got '2')"],
    [{ version: Number.POSITIVE_INFINITY }, 'version', 'version must be a finite number (got Infinity)'],
    [{ style: 'calm' }, 'style', "style must be an object (got 'calm')"],
    [{ style: { moodFrom: 1 } }, 'style.moodFrom', 'style.moodFrom must be a string (got 1)'],
    [{ style: { moodTo: [] } }, 'style.moodTo', 'style.moodTo must be a string (got an array)'],
    [{ style: { pacing: 2 } }, 'style.pacing', 'style.pacing must be a string (got 2)'],
    [{ style: { transitionType: true } }, 'style.transitionType', 'style.transitionType must be a string (got true)'],
    [{ duration: [1, 2] }, 'duration', 'duration must be an object (got an array)'],
    [{ duration: { min: '3' } }, 'duration.min', "duration.min must be a finite number (got '3')"],
    [{ duration: { max: Number.NEGATIVE_INFINITY } }, 'duration.max', 'duration.max must be a finite number (got -Infinity)'],
    [{ duration: { target: false } }, 'duration.target', 'duration.target must be a finite number (got false)'],
    [{ constraints: 'PG' }, 'constraints', "constraints must be an object (got 'PG')"],
    [{ constraints: { rating: 13 } }, 'constraints.rating', 'constraints.rating must be a string (got 13)'],
    [{ constraints: { requiredElements: 'rain' } }, 'constraints.requiredElements', "constraints.requiredElements must be an array (got 'rain')"],
    [
      { constraints: { requiredElements: ['rain', null, 3] } },
      'constraints.requiredElements[1]',
      'constraints.requiredElements[1] must be a string (got null)',
    ],
    [{ constraints: { avoidElements: [1] } }, 'constraints.avoidElements[0]', 'constraints.avoidElements[0] must be a string (got 1)'],
    [{ constraints: { contentRules: ['ok', []] } }, 'constraints.contentRules[1]', 'constraints.contentRules[1] must be a string (got an array)'],
    [{ fallback: 'skip' }, 'fallback', "fallback must be an object (got 'skip')"],
    [{ fallback: { mode: 3 } }, 'fallback.mode', 'fallback.mode must be a string (got 3)'],
    [{ fallback: { mode: 'skip', defaultContentId: 7 } }, 'fallback.defaultContentId', 'fallback.defaultContentId must be a string (got 7)'],
    [{ fallback: { mode: 'retry', maxRetries: '3' } }, 'fallback.maxRetries', "fallback.maxRetries must be a finite number (got '3')"],
    [{ fallback: { mode: 'retry', timeoutMs: Number.NaN } }, 'fallback.timeoutMs', 'fallback.timeoutMs must be a finite number (got NaN)'],
    [{ socialContext: [] }, 'socialContext', 'socialContext must be an object (got an array)'],
    [{ socialContext: { intimacyLevelId: 1 } }, 'socialContext.intimacyLevelId', 'socialContext.intimacyLevelId must be a string (got 1)'],
    [{ socialContext: { relationshipTierId: {} } }, 'socialContext.relationshipTierId', 'socialContext.relationshipTierId must be a string (got an object)'],
    [{ socialContext: { intimacyBand: 2 } }, 'socialContext.intimacyBand', 'socialContext.intimacyBand must be a string (got 2)'],
    [{ socialContext: { npcIds: { 0: 4 } } }, 'socialContext.npcIds', 'socialContext.npcIds must be an array (got an object)'],
    [{ socialContext: { npcIds: [4, 'npc-5'] } }, 'socialContext.npcIds[1]', "socialContext.npcIds[1] must be a finite number (got 'npc-5')"],
    [
      { socialContext: { relationshipValues: { affinity: 20, trust: '3' } } },
      'socialContext.relationshipValues.trust',
      "socialContext.relationshipValues.trust must be a finite number (got '3')",
    ],
    [{ socialContext: { ratingClamped: 'true' } }, 'socialContext.ratingClamped', "socialContext.ratingClamped must be a boolean (got 'true')"],
    [{ prompt: 'Hi' }, 'prompt', "prompt must be an object (got 'Hi')"],
    [{ prompt: { inline: 1 } }, 'prompt.inline', 'prompt.inline must be a string (got 1)'],
    [{ prompt: { versionId: 2 } }, 'prompt.versionId', 'prompt.versionId must be a string (got 2)'],
    [{ prompt: { familyId: [] } }, 'prompt.familyId', 'prompt.familyId must be a string (got an array)'],
    [{ prompt: { autoSelectLatest: 'no' } }, 'prompt.autoSelectLatest', "prompt.autoSelectLatest must be a boolean (got 'no')"],
    [{ prompt: { variables: [] } }, 'prompt.variables', 'prompt.variables must be an object (got an array)'],
    [
      { prompt: { variables: { a: 'x', b: {} } } },
      'prompt.variables.b',
      'prompt.variables.b must be a string, a finite number or a boolean (got an object)',
    ],
  ])('V55 reports %j at %s', (overrides, path, message) => {
    expect(findingsOf('V55', cleanWith(overrides))).toEqual([v55(path, message)]);
  });

  it('V55 lists issues in type-table order, whatever the key order of the input', () => {
    const config = {
      prompt: { inline: 2 },
      socialContext: { npcIds: [null] },
      style: 1,
      modelParams: [],
      enabled: 'x',
      generationType: 'transition',
      purpose: 'gap_fill',
      strategy: 'once',
      fallback: { mode: 'skip' },
    };
    expect(findingsOf('V55', config).map((issue) => issue.path)).toEqual([
      'enabled',
      'modelParams',
      'style',
      'socialContext.npcIds[0]',
      'prompt.inline',
    ]);
  });

  it('V55 reports only the first bad element of an array and the first bad entry of a record', () => {
    const config = cleanWith({
      constraints: { avoidElements: ['a', 1, null, {}] },
      modelParams: { z: [], a: {} },
    });
    expect(findingsOf('V55', config).map((issue) => issue.path)).toEqual(['modelParams.z', 'constraints.avoidElements[1]']);
  });

  it('V55 does not look inside a removed container', () => {
    expect(findingsOf('V55', cleanWith({ duration: [{ min: 'x' }] })).map((issue) => issue.path)).toEqual(['duration']);
  });

  it('V55 removes wrong values from the view: a removed array no longer counts for V24', () => {
    const config = cleanWith({ constraints: { requiredElements: ['rain'], avoidElements: ['rain', 2] } });
    expect(findings(config).map((f) => f.rule)).toEqual(['V55']);
  });

  it('V55 keeps generationType, purpose and strategy in the view whatever their type', () => {
    const config = cleanWith({ generationType: 1, purpose: true, strategy: ['once'] });
    const rules = findings(config).map((f) => f.rule);
    expect(rules).not.toContain('V02');
    expect(rules).not.toContain('V03');
    expect(rules).not.toContain('V04');
    expect(findingsOf('V55', config).map((f) => f.path)).toEqual(['generationType', 'purpose', 'strategy']);
    expect(findingsOf('V56', config)).toEqual([]);
  });

  it('V55 reports a falsy wrong type next to the required-field rule', () => {
    expect(findings(cleanWith({ strategy: 0 })).map((f) => f.rule)).toEqual(['V04', 'V55']);
  });

  it('V55 stays silent for absent values and for null inside modelParams', () => {
    const config = cleanWith({ templateId: null, style: { moodFrom: null }, modelParams: { seed: null }, prompt: null });
    expect(findingsOf('V55', config)).toEqual([]);
  });
});

describe('V56: sets', () => {
  const v56 = (path: string, set: string, shown: string) => ({
    rule: 'V56',
    severity: 'error',
    message: `${path} must be one of ${set} (got ${shown})`,
    path,
  });

  it.each([
    [{ generationType: 'film' }, v56('generationType', 'transition, variation, dialogue, environment, npc_response', "'film'")],
    [{ purpose: 'decor' }, v56('purpose', 'gap_fill, variation, adaptive, ambient', "'decor'")],
    [{ strategy: 'never' }, v56('strategy', 'once, per_playthrough, per_player, always', "'never'")],
    [{ seedSource: '' }, v56('seedSource', 'playthrough, player, timestamp, fixed', "''")],
    [{ style: { pacing: '' } }, v56('style.pacing', 'slow, medium, fast', "''")],
    [{ style: { transitionType: '' } }, v56('style.transitionType', 'gradual, abrupt', "''")],
    [{ constraints: { rating: 'PG13' } }, v56('constraints.rating', 'G, PG, PG-13, R', "'PG13'")],
    [{ constraints: { rating: '' } }, v56('constraints.rating', 'G, PG, PG-13, R', "''")],
    [{ fallback: { mode: 'later' } }, v56('fallback.mode', 'default_content, skip, retry, placeholder', "'later'")],
    [{ fallback: {} }, v56('fallback.mode', 'default_content, skip, retry, placeholder', 'nothing')],
    [{ fallback: { mode: null } }, v56('fallback.mode', 'default_content, skip, retry, placeholder', 'nothing')],
    [{ socialContext: { intimacyBand: 'mild' } }, v56('socialContext.intimacyBand', 'none, light, deep, intense', "'mild'")],
  ])('V56 reports %j', (overrides, expected) => {
    expect(findingsOf('V56', cleanWith(overrides))).toEqual([expected]);
  });

  it.each([
    ['an empty generationType (V02)', { generationType: '' }],
    ['an empty purpose (V03)', { purpose: '' }],
    ['an empty strategy (V04)', { strategy: '' }],
    ['a non-empty unknown seed source (V07)', { seedSource: 'random' }],
    ['a non-empty unknown pacing (V19)', { style: { pacing: 'rapid' } }],
    ['a non-empty unknown transition type (V20)', { style: { transitionType: 'fade' } }],
    ['a fallback mode of the wrong type (V55)', { fallback: { mode: 1 } }],
    ['a missing fallback (V47)', { fallback: undefined }],
    ['a known intimacy band', { socialContext: { intimacyBand: 'light' } }],
  ])('V56 leaves %s to its owner', (_label, overrides) => {
    expect(findingsOf('V56', cleanWith(overrides))).toEqual([]);
  });

  it('V56 lists issues in type-table order', () => {
    const config = {
      socialContext: { intimacyBand: '' },
      fallback: {},
      constraints: { rating: 'X' },
      style: { transitionType: '', pacing: '' },
      seedSource: '',
      strategy: 's',
      purpose: 'p',
      generationType: 't',
    };
    expect(findingsOf('V56', config).map((issue) => issue.path)).toEqual([
      'generationType',
      'purpose',
      'strategy',
      'seedSource',
      'style.pacing',
      'style.transitionType',
      'constraints.rating',
      'fallback.mode',
      'socialContext.intimacyBand',
    ]);
  });
});

describe('V57: ranges', () => {
  it.each([
    [{ version: 0 }, 'version', 'version must be an integer >= 1 (got 0)'],
    [{ version: 1.5 }, 'version', 'version must be an integer >= 1 (got 1.5)'],
    [{ fallback: { mode: 'skip', maxRetries: -1 } }, 'fallback.maxRetries', 'fallback.maxRetries must be an integer from 0 to 10 (got -1)'],
    [{ fallback: { mode: 'skip', maxRetries: 2.5 } }, 'fallback.maxRetries', 'fallback.maxRetries must be an integer from 0 to 10 (got 2.5)'],
    [{ fallback: { mode: 'skip', timeoutMs: 99 } }, 'fallback.timeoutMs', 'fallback.timeoutMs must be an integer >= 100 (got 99)'],
    [{ fallback: { mode: 'skip', timeoutMs: 100.5 } }, 'fallback.timeoutMs', 'fallback.timeoutMs must be an integer >= 100 (got 100.5)'],
    [{ socialContext: { npcIds: [1, 2.5, 3.5] } }, 'socialContext.npcIds[1]', 'socialContext.npcIds[1] must be an integer (got 2.5)'],
  ])('V57 reports %j', (overrides, path, message) => {
    expect(findingsOf('V57', cleanWith(overrides))).toEqual([{ rule: 'V57', severity: 'error', message, path }]);
  });

  it('V57 stays silent at the edges of each range', () => {
    for (const overrides of [
      { version: 1 },
      { version: 99 },
      { fallback: { mode: 'skip', maxRetries: 0, timeoutMs: 100 } },
      { fallback: { mode: 'skip', maxRetries: 10, timeoutMs: 600000 } },
      { socialContext: { npcIds: [0, -3, 12] } },
    ]) {
      expect(findingsOf('V57', cleanWith(overrides))).toEqual([]);
    }
  });

  it('V57 lists issues in type-table order', () => {
    const config = cleanWith({
      socialContext: { npcIds: [0.5] },
      fallback: { mode: 'skip', timeoutMs: 1, maxRetries: 11 },
      version: 0,
    });
    expect(findingsOf('V57', config).map((issue) => issue.path)).toEqual([
      'version',
      'fallback.maxRetries',
      'fallback.timeoutMs',
      'socialContext.npcIds[0]',
    ]);
  });
});
