import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, isGenError } from '../../../core/domain';

function badRequest(fn: () => unknown): { message: string; details: unknown } {
  try {
    fn();
  } catch (error) {
    if (isGenError(error) && error.code === 'GEN_BAD_REQUEST') return error as never;
    throw error;
  }
  throw new Error('expected GEN_BAD_REQUEST');
}

// Expected texts are written by hand from Python's rules: json.dumps(v, sort_keys=True, separators=(",", ":"),
// ensure_ascii=True) escapes '"' and '\\', uses \n \r \t \b \f, and writes every other character outside ' '..'~'
// as a lowercase \uXXXX (astral characters as their UTF-16 surrogate pair).
describe('canonicalJson: Python-compatible text', () => {
  it.each([
    ['plain ASCII, slash and tilde kept', 'a/b ~z', '"a/b ~z"'],
    ['short escapes', '"\\\n\r\t\b\f', '"\\"\\\\\\n\\r\\t\\b\\f"'],
    ['other controls', '\u0000\u0001\u001f', '"\\u0000\\u0001\\u001f"'],
    ['DEL', '\u007f', '"\\u007f"'],
    ['Latin-1 and BMP', 'é\u00a0\u2028€', '"\\u00e9\\u00a0\\u2028\\u20ac"'],
    ['astral as a surrogate pair', '\u{1F600}', '"\\ud83d\\ude00"'],
    ['a lone surrogate', 'x\ud800y\udfff', '"x\\ud800y\\udfff"'],
    ['ZWJ sequence', '👩\u200d💻', '"\\ud83d\\udc69\\u200d\\ud83d\\udcbb"'],
    ['NFD stays NFD', 'e\u0301', '"e\\u0301"'],
  ])('escapes %s', (_name, input, expected) => {
    expect(canonicalJson(input)).toBe(expected);
  });

  it('prints integers without a decimal point, -0 as 0, and never in exponent form', () => {
    expect(canonicalJson([10, 10.0, -0, -7, 2 ** 53, 1e21, -1e22, 1.5, 0.1])).toBe(
      '[10,10,0,-7,9007199254740992,1000000000000000000000,-10000000000000000000000,1.5,0.1]',
    );
  });

  it('writes literals, arrays and nested objects without whitespace', () => {
    expect(canonicalJson({ b: [true, false, null], a: { d: 1, c: [{ f: 'x', e: 2 }] } })).toBe(
      '{"a":{"c":[{"e":2,"f":"x"}],"d":1},"b":[true,false,null]}',
    );
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });

  it('sorts keys by code point, not by UTF-16 code unit', () => {
    // UTF-16 order would put U+10000 (0xD800 0xDC00) before U+FFFF; Python puts it after.
    expect(canonicalJson({ '\u{10000}': 2, '\uffff': 1 })).toBe('{"\\uffff":1,"\\ud800\\udc00":2}');
    expect(canonicalJson({ '\u{1F600}': 1, '\ue000': 2, '\ud7ff': 3 })).toBe('{"\\ud7ff":3,"\\ue000":2,"\\ud83d\\ude00":1}');
    expect(canonicalJson({ b: 1, a: 2, B: 3, '': 4, aa: 5 })).toBe('{"":4,"B":3,"a":2,"aa":5,"b":1}');
    // A lone high surrogate (U+D800) sorts below U+E000 and below every astral character.
    expect(canonicalJson({ '\ue000': 1, '\ud800': 2, '\u{10000}': 3 })).toBe('{"\\ud800":2,"\\ue000":1,"\\ud800\\udc00":3}');
    expect(canonicalJson({ 'a\u{10000}': 1, 'a\uffff': 2, 'a\ud800b': 3 })).toBe('{"a\\ud800b":3,"a\\uffff":2,"a\\ud800\\udc00":1}');
    expect(canonicalJson({ '\ud800\u{10000}': 1, '\ud800\uffff': 2, '\ud800b': 3 })).toBe(
      '{"\\ud800b":3,"\\ud800\\uffff":2,"\\ud800\\ud800\\udc00":1}',
    );
  });

  it('agrees with a code-point sort of Array.from for any keys', () => {
    const codePointKey = (s: string) => Array.from(s, (c) => c.codePointAt(0) as number);
    const byCodePoint = (a: string, b: string) => {
      const x = codePointKey(a);
      const y = codePointKey(b);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
      return x.length - y.length;
    };
    const key = fc.array(fc.constantFrom('a', 'z', '\uffff', '\ue000', '\ud7ff', '\u{10000}', '\u{1F600}', '\ud800', '\udc00'), { maxLength: 4 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 6 }), (keys) => {
        const obj = Object.fromEntries(keys.map((k, i) => [k, i]));
        const expected = [...keys].sort(byCodePoint).map((k) => obj[k]);
        const order = [...canonicalJson(obj).matchAll(/":(\d+)[,}]/g)].map((m) => Number(m[1]));
        expect(order).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('omits undefined properties and writes undefined array elements as null', () => {
    expect(canonicalJson({ a: undefined, b: 1, c: [undefined] })).toBe('{"b":1,"c":[null]}');
  });

  it('round-trips through JSON.parse for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
  ])('rejects %s with GEN_BAD_REQUEST naming the path', (bad, text) => {
    const error = badRequest(() => canonicalJson({ params: { list: [1, bad] } }));
    expect(error.message).toBe(`Invalid request: 'params.list.1' is not a finite number (${text}).`);
    expect(error.details).toEqual({ issues: [{ path: 'params.list.1', message: `is not a finite number (${text})` }] });
  });

  it('rejects values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(badRequest(() => canonicalJson(cyclic)).message).toBe("Invalid request: 'self' is a cyclic reference.");
    expect(badRequest(() => canonicalJson({ f: () => 1 })).message).toBe("Invalid request: 'f' cannot be encoded as JSON (function).");
    expect(badRequest(() => canonicalJson(undefined)).message).toBe("Invalid request: '(value)' cannot be encoded as JSON (undefined).");
    expect(badRequest(() => canonicalJson([Symbol('s')])).message).toBe("Invalid request: '0' cannot be encoded as JSON (symbol).");
  });

  it('gives deep values and arrays with holes the same text through the full walk', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i += 1) deep = { a: deep };
    expect(canonicalJson(deep)).toBe(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`);
    expect(canonicalJson({ holes: new Array(2) })).toBe('{"holes":[]}');
  });

  it('allows the same object twice when it is not an ancestor', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    expect(canonicalJson(12n ** 20n)).toBe((12n ** 20n).toString());
  });
});
