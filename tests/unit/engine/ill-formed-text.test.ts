import { describe, expect, it } from 'vitest';
import { findIllFormedString } from '../../../core/engine/ill-formed-text';

describe('findIllFormedString', () => {
  it('accepts well-formed text: ASCII, accents, emoji pairs, ZWJ sequences, RTL and NUL', () => {
    expect(findIllFormedString({ a: 'plain', b: ['é', '😀', '👩‍👩‍👧', 'שלום', 'nul\u0000'], c: { d: 1, e: null } })).toBeNull();
  });

  it('names the path of the first lone surrogate, in values and in keys', () => {
    expect(findIllFormedString({ config: { prompt: { variables: { line: 'half \uD83D pair' } } } })).toBe('config.prompt.variables.line');
    expect(findIllFormedString({ list: ['ok', 'low \uDC00 alone'] })).toBe('list[1]');
    expect(findIllFormedString({ vars: { ['k\uD800']: 'v' } })).toBe('vars.k\uD800');
    expect(findIllFormedString('\uDFFF')).toBe('');
  });

  it('walks deep nesting without using the call stack', () => {
    let deep: unknown = 'bad \uD800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findIllFormedString(deep)).toMatch(/^(\[0\]){100000}$/);
  });
});
