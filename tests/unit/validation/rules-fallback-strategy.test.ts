import { describe, expect, it } from 'vitest';
import { cleanWith, findingsOf } from './helpers';

// validation.md §3, V41–V49: fallback and strategy.

const withFallback = (fallback: unknown, extra: Record<string, unknown> = {}) => cleanWith({ fallback, ...extra });

describe('V41–V47: fallback', () => {
  it.each([[{ mode: 'default_content' }], [{ mode: 'default_content', defaultContentId: '' }]])(
    'V41 errs for default_content without an asset id (%j)',
    (fallback) => {
      expect(findingsOf('V41', withFallback(fallback))).toEqual([
        {
          rule: 'V41',
          severity: 'error',
          message: 'Fallback mode "default_content" requires defaultContentId to be set',
          path: 'fallback.defaultContentId',
        },
      ]);
    },
  );

  it('V41 stays silent with an asset id or in another mode', () => {
    expect(findingsOf('V41', withFallback({ mode: 'default_content', defaultContentId: 'asset-1' }))).toEqual([]);
    expect(findingsOf('V41', withFallback({ mode: 'skip' }))).toEqual([]);
  });

  it.each([[-1], [6], [10]])('V42 warns in retry mode for maxRetries %d', (maxRetries) => {
    expect(findingsOf('V42', withFallback({ mode: 'retry', maxRetries }))).toEqual([
      {
        rule: 'V42',
        severity: 'warning',
        message: `maxRetries of ${maxRetries} is outside recommended range (1-5)`,
        path: 'fallback.maxRetries',
      },
    ]);
  });

  it('V42 lets 0 through although its message says 1-5 (quirk), and ignores other modes', () => {
    expect(findingsOf('V42', withFallback({ mode: 'retry', maxRetries: 0 }))).toEqual([]);
    expect(findingsOf('V42', withFallback({ mode: 'retry', maxRetries: 5 }))).toEqual([]);
    expect(findingsOf('V42', withFallback({ mode: 'skip', maxRetries: 9 }))).toEqual([]);
  });

  it('V42 and V57 both report maxRetries 11 in retry mode', () => {
    const config = withFallback({ mode: 'retry', maxRetries: 11 });
    expect(findingsOf('V42', config)).toHaveLength(1);
    expect(findingsOf('V57', config)).toEqual([
      {
        rule: 'V57',
        severity: 'error',
        message: 'fallback.maxRetries must be an integer from 0 to 10 (got 11)',
        path: 'fallback.maxRetries',
      },
    ]);
  });

  it('V43 warns for a retry timeout under 1 second', () => {
    expect(findingsOf('V43', withFallback({ mode: 'retry', timeoutMs: 999 }))).toEqual([
      {
        rule: 'V43',
        severity: 'warning',
        message: 'Timeout under 1 second may cause premature failures',
        path: 'fallback.timeoutMs',
      },
    ]);
    expect(findingsOf('V43', withFallback({ mode: 'retry', timeoutMs: 1000 }))).toEqual([]);
  });

  it('V44 warns for a retry timeout over 60 seconds', () => {
    expect(findingsOf('V44', withFallback({ mode: 'retry', timeoutMs: 60001 }))).toEqual([
      {
        rule: 'V44',
        severity: 'warning',
        message: 'Timeout over 60 seconds may lead to poor user experience. Consider using a fallback strategy',
        path: 'fallback.timeoutMs',
      },
    ]);
    expect(findingsOf('V44', withFallback({ mode: 'retry', timeoutMs: 60000 }))).toEqual([]);
  });

  it('V43 and V44 check timeouts only in retry mode (quirk)', () => {
    expect(findingsOf('V43', withFallback({ mode: 'placeholder', timeoutMs: 100 }))).toEqual([]);
    expect(findingsOf('V44', withFallback({ mode: 'skip', timeoutMs: 600000 }))).toEqual([]);
  });

  it('V45 warns for placeholder fallback on a transition', () => {
    const config = withFallback({ mode: 'placeholder' }, { generationType: 'transition', purpose: 'gap_fill' });
    expect(findingsOf('V45', config)).toEqual([
      {
        rule: 'V45',
        severity: 'warning',
        message: 'Placeholder fallback for transitions may disrupt narrative flow. Consider "default_content" or "retry"',
        path: 'fallback.mode',
      },
    ]);
    expect(findingsOf('V45', withFallback({ mode: 'placeholder' }))).toEqual([]);
  });

  it('V46 warns for skip fallback with the gap_fill purpose', () => {
    const config = withFallback({ mode: 'skip' }, { generationType: 'transition', purpose: 'gap_fill' });
    expect(findingsOf('V46', config)).toEqual([
      {
        rule: 'V46',
        severity: 'warning',
        message: 'Skip fallback for gap_fill purpose may leave narrative gaps. Consider "default_content"',
        path: 'fallback.mode',
      },
    ]);
    expect(findingsOf('V46', withFallback({ mode: 'skip' }))).toEqual([]);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['of the wrong type', 'skip'],
  ])('V47 errs when the fallback is %s', (_label, fallback) => {
    expect(findingsOf('V47', withFallback(fallback))).toEqual([
      { rule: 'V47', severity: 'error', message: 'Fallback configuration is required', path: 'fallback' },
    ]);
  });

  it('V47 stays silent for an object, even one without a mode (V56 reports that)', () => {
    expect(findingsOf('V47', withFallback({}))).toEqual([]);
  });
});

describe('V48–V49: strategy', () => {
  it('V48 warns for the "always" strategy', () => {
    expect(findingsOf('V48', cleanWith({ strategy: 'always' }))).toEqual([
      {
        rule: 'V48',
        severity: 'warning',
        message: 'Strategy "always" will regenerate content every time - may impact performance and cost',
        path: 'strategy',
      },
    ]);
    expect(findingsOf('V48', cleanWith({ strategy: 'per_player' }))).toEqual([]);
  });

  it('V49 suggests per_playthrough for an "always" gap-fill transition', () => {
    const config = cleanWith({ strategy: 'always', generationType: 'transition', purpose: 'gap_fill' });
    expect(findingsOf('V49', config)).toEqual([
      {
        rule: 'V49',
        severity: 'suggestion',
        message: 'Consider using "per_playthrough" strategy for transitions to enable caching',
        path: 'strategy',
      },
    ]);
    expect(findingsOf('V49', cleanWith({ strategy: 'always', generationType: 'transition', purpose: 'adaptive' }))).toEqual([]);
    expect(findingsOf('V49', cleanWith({ strategy: 'once', generationType: 'transition', purpose: 'gap_fill' }))).toEqual([]);
  });
});
