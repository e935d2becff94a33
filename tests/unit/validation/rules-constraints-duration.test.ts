import { describe, expect, it } from 'vitest';
import { cleanWith, findings, findingsOf } from './helpers';

// validation.md §3, V23–V40: constraint lists and durations, with the quirks kept on purpose.

const withConstraints = (constraints: unknown, extra: Record<string, unknown> = {}) => cleanWith({ constraints, ...extra });
const withDuration = (duration: unknown, extra: Record<string, unknown> = {}) => cleanWith({ duration, ...extra });

describe('V23–V29: constraints', () => {
  it('V23 warns whenever both ratings are set and differ (the vocabularies never match)', () => {
    const config = withConstraints({ rating: 'PG' }, { socialContext: { contentRating: 'sfw' } });
    expect(findingsOf('V23', config)).toEqual([
      {
        rule: 'V23',
        severity: 'warning',
        message: "Constraint rating 'PG' differs from social context rating 'sfw'",
        path: 'constraints.rating',
      },
    ]);
  });

  it('V23 stays silent when either rating is missing or empty', () => {
    expect(findingsOf('V23', withConstraints({ rating: 'PG' }))).toEqual([]);
    expect(findingsOf('V23', withConstraints({ rating: '' }, { socialContext: { contentRating: 'sfw' } }))).toEqual([]);
    expect(findingsOf('V23', withConstraints({}, { socialContext: { contentRating: 'sfw' } }))).toEqual([]);
  });

  it('V24 errs for elements both required and avoided, in required order, each once', () => {
    const config = withConstraints({
      requiredElements: ['rain', 'bell', 'rain', 'fox', 'bell'],
      avoidElements: ['fox', 'bell', 'rain', 'smoke'],
    });
    expect(findingsOf('V24', config)).toEqual([
      {
        rule: 'V24',
        severity: 'error',
        message: 'Elements appear in both required and avoided lists: rain, bell, fox',
        path: 'constraints.requiredElements',
      },
    ]);
  });

  it('V24 compares exactly and stays silent without an overlap or without one list', () => {
    expect(findingsOf('V24', withConstraints({ requiredElements: ['Rain'], avoidElements: ['rain'] }))).toEqual([]);
    expect(findingsOf('V24', withConstraints({ requiredElements: ['rain'] }))).toEqual([]);
    expect(findingsOf('V24', withConstraints({ requiredElements: ['rain'], avoidElements: ['rain', 7] }))).toEqual([]);
  });

  it.each([
    ['V25', 'requiredElements', 'requiredElements is set but empty - consider removing or adding elements'],
    ['V26', 'avoidElements', 'avoidElements is set but empty - consider removing or adding elements'],
    ['V27', 'contentRules', 'contentRules is set but empty - consider removing or adding rules'],
  ])('%s warns when %s is an empty array', (rule, field, message) => {
    expect(findingsOf(rule, withConstraints({ [field]: [] }))).toEqual([
      { rule, severity: 'warning', message, path: `constraints.${field}` },
    ]);
    expect(findingsOf(rule, withConstraints({ [field]: ['x'] }))).toEqual([]);
    expect(findingsOf(rule, withConstraints({ [field]: null }))).toEqual([]);
  });

  it('V28 warns for more than 5 required elements and not for 5', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(findingsOf('V28', withConstraints({ requiredElements: six }))).toEqual([
      {
        rule: 'V28',
        severity: 'warning',
        message: '6 required elements may be too restrictive and could lead to generation failures',
        path: 'constraints.requiredElements',
      },
    ]);
    expect(findingsOf('V28', withConstraints({ requiredElements: six.slice(0, 5) }))).toEqual([]);
  });

  it('V29 warns for more than 10 avoided elements and not for 10', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `thing ${i}`);
    expect(findingsOf('V29', withConstraints({ avoidElements: eleven }))).toEqual([
      {
        rule: 'V29',
        severity: 'warning',
        message: '11 avoided elements may be excessive and could limit creative variety',
        path: 'constraints.avoidElements',
      },
    ]);
    expect(findingsOf('V29', withConstraints({ avoidElements: eleven.slice(0, 10) }))).toEqual([]);
  });
});

describe('V30–V35: duration ordering and signs', () => {
  it('V30 errs when min is greater than max', () => {
    expect(findingsOf('V30', withDuration({ min: 30, max: 10 }))).toEqual([
      { rule: 'V30', severity: 'error', message: 'Duration min (30s) cannot be greater than max (10s)', path: 'duration.min' },
    ]);
    expect(findingsOf('V30', withDuration({ min: 10, max: 10 }))).toEqual([]);
  });

  it('V31 errs when target is less than min', () => {
    expect(findingsOf('V31', withDuration({ min: 5, target: 2.5 }))).toEqual([
      {
        rule: 'V31',
        severity: 'error',
        message: 'Duration target (2.5s) cannot be less than min (5s)',
        path: 'duration.target',
      },
    ]);
    expect(findingsOf('V31', withDuration({ min: 5, target: 5 }))).toEqual([]);
  });

  it('V32 errs when target is greater than max', () => {
    expect(findingsOf('V32', withDuration({ max: 8, target: 9 }))).toEqual([
      {
        rule: 'V32',
        severity: 'error',
        message: 'Duration target (9s) cannot be greater than max (8s)',
        path: 'duration.target',
      },
    ]);
    expect(findingsOf('V32', withDuration({ max: 8, target: 8 }))).toEqual([]);
  });

  it('V33, V34 and V35 err for negative values, in that order', () => {
    const config = withDuration({ min: -1, max: -2, target: -3 });
    expect(findings(config).filter((f) => ['V33', 'V34', 'V35'].includes(f.rule))).toEqual([
      { rule: 'V33', severity: 'error', message: 'Duration min cannot be negative', path: 'duration.min' },
      { rule: 'V34', severity: 'error', message: 'Duration max cannot be negative', path: 'duration.max' },
      { rule: 'V35', severity: 'error', message: 'Duration target cannot be negative', path: 'duration.target' },
    ]);
  });

  it('V33–V35 accept zero, and a negative duration is not V57', () => {
    expect(findingsOf('V33', withDuration({ min: 0, max: 0, target: 0 }))).toEqual([]);
    expect(findingsOf('V34', withDuration({ max: 0 }))).toEqual([]);
    expect(findingsOf('V35', withDuration({ target: 0 }))).toEqual([]);
    expect(findingsOf('V57', withDuration({ min: -1 }))).toEqual([]);
  });

  it('V30–V32 treat null as absent (the reference treated it as defined)', () => {
    const rules = findings(withDuration({ min: null, max: 10, target: null })).map((f) => f.rule);
    expect(rules.filter((r) => ['V30', 'V31', 'V32', 'V38', 'V39'].includes(r))).toEqual([]);
  });
});

describe('V36–V40: duration advice', () => {
  const transition = (duration: unknown) =>
    cleanWith({ generationType: 'transition', purpose: 'gap_fill', style: { moodFrom: 'a', moodTo: 'b' }, duration });

  it('V36 warns for a transition shorter than 2 seconds', () => {
    expect(findingsOf('V36', transition({ max: 1.5 }))).toEqual([
      {
        rule: 'V36',
        severity: 'warning',
        message: 'Transition duration under 2 seconds may feel too abrupt. Consider 3-10 seconds for smooth transitions',
        path: 'duration.max',
      },
    ]);
    expect(findingsOf('V36', transition({ max: 2 }))).toEqual([]);
    expect(findingsOf('V36', withDuration({ max: 1 }))).toEqual([]);
  });

  it('V37 warns for a max over 300 seconds, for any type, with whole minutes', () => {
    expect(findingsOf('V37', withDuration({ max: 301 }))).toEqual([
      {
        rule: 'V37',
        severity: 'warning',
        message: 'Duration max of 301s (5 minutes) is very long and may impact user experience',
        path: 'duration.max',
      },
    ]);
    expect(findingsOf('V37', withDuration({ max: 659.5 }))[0]?.message).toBe(
      'Duration max of 659.5s (10 minutes) is very long and may impact user experience',
    );
    expect(findingsOf('V37', withDuration({ max: 300 }))).toEqual([]);
  });

  it('V38 suggests a target when min and max are set without one', () => {
    expect(findingsOf('V38', withDuration({ min: 2, max: 8 }))).toEqual([
      {
        rule: 'V38',
        severity: 'suggestion',
        message: 'Consider setting a target duration to guide generation quality',
        path: 'duration.target',
      },
    ]);
    expect(findingsOf('V38', withDuration({ min: 2, max: 8, target: 4 }))).toEqual([]);
    expect(findingsOf('V38', withDuration({ max: 8 }))).toEqual([]);
  });

  it('V39 warns for a range under 1 second, printing the difference as JavaScript computes it', () => {
    expect(findingsOf('V39', withDuration({ min: 0.1, max: 0.3, target: 0.2 }))).toEqual([
      {
        rule: 'V39',
        severity: 'warning',
        message: 'Duration range of 0.19999999999999998s is very tight and may limit generation flexibility',
        path: 'duration',
      },
    ]);
    expect(findingsOf('V39', withDuration({ min: 2, max: 3, target: 2 }))).toEqual([]);
  });

  it('V39 counts 0 as a value: {min: 0, max: 0.5} is a tight range', () => {
    expect(findingsOf('V39', withDuration({ min: 0, max: 0.5, target: 0 }))[0]?.message).toBe(
      'Duration range of 0.5s is very tight and may limit generation flexibility',
    );
  });

  it.each([
    ['transition', 'gap_fill'],
    ['dialogue', 'ambient'],
  ])('V40 warns when a %s node has no duration', (generationType, purpose) => {
    expect(findingsOf('V40', cleanWith({ generationType, purpose }))).toEqual([
      {
        rule: 'V40',
        severity: 'warning',
        message: `${generationType} generation should specify duration constraints for better quality`,
        path: 'duration',
      },
    ]);
  });

  it('V40 stays silent for an empty duration object and for other types', () => {
    expect(findingsOf('V40', cleanWith({ generationType: 'dialogue', purpose: 'ambient', duration: {} }))).toEqual([]);
    expect(findingsOf('V40', cleanWith({}))).toEqual([]);
  });

  it('V40 fires when the duration is of the wrong type, because the view drops it', () => {
    expect(findingsOf('V40', cleanWith({ generationType: 'dialogue', purpose: 'ambient', duration: [4, 8] }))).toHaveLength(1);
  });
});
