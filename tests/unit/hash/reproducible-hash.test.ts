import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReproducibleHash, isGenError } from '../../../core/domain';

const nodeHex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('computeReproducibleHash', () => {
  it('gives the check vector for {} and []', () => {
    expect(computeReproducibleHash({}, [])).toBe('66ce1f3a4c8f24ad6325a2897d738ec1b9b81735d1e88c646b2780f39fd0a5be');
  });

  it('hashes the UTF-8 bytes of canonicalJson({ canonical_params, inputs })', () => {
    const params = { prompt: 'Café \u{1F600}', version: 3, seed: 7, style: {} };
    const inputs = [{ role: 'from_image', sha256: 'ab' }];
    const text =
      '{"canonical_params":{"prompt":"Caf\\u00e9 \\ud83d\\ude00","seed":7,"style":{},"version":3},' +
      '"inputs":[{"role":"from_image","sha256":"ab"}]}';
    expect(computeReproducibleHash(params, inputs)).toBe(nodeHex(text));
  });

  it('orders object keys the same way whatever order they were written in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (params) => {
        const reversed = Object.fromEntries(Object.entries(params).reverse());
        expect(computeReproducibleHash(reversed, [])).toBe(computeReproducibleHash(params, []));
      }),
      { numRuns: 200 },
    );
  });

  it('ignores undefined properties', () => {
    expect(computeReproducibleHash({ a: 1, b: undefined }, [])).toBe(computeReproducibleHash({ a: 1 }, []));
  });

  it('changes when any single field changes', () => {
    const base = {
      providerId: 'local-preview',
      operation: 'video_transition',
      prompt: 'Rain.',
      generationType: 'transition',
      purpose: 'gap_fill',
      style: { pacing: 'medium' },
      duration: { target: 6 },
      constraints: {},
      seed: 123,
      version: 1,
      modelParams: { model: 'm' },
    };
    const baseHash = computeReproducibleHash(base, []);
    const variants: Array<Record<string, unknown>> = [
      { ...base, providerId: 'other' },
      { ...base, operation: 'text_to_video' },
      { ...base, prompt: 'Rain!' },
      { ...base, generationType: 'variation' },
      { ...base, purpose: 'ambient' },
      { ...base, style: { pacing: 'fast' } },
      { ...base, duration: { target: 7 } },
      { ...base, constraints: { rating: 'PG' } },
      { ...base, seed: 124 },
      { ...base, version: 2 },
      { ...base, modelParams: { model: 'n' } },
      { ...base, version: '1' },
    ];
    const hashes = new Set(variants.map((v) => computeReproducibleHash(v, [])));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(baseHash)).toBe(false);
    expect(computeReproducibleHash(base, [{ role: 'seed_image', sha256: 'x' }])).not.toBe(baseHash);
  });

  it('rejects NaN anywhere with GEN_BAD_REQUEST', () => {
    let error: unknown;
    try {
      computeReproducibleHash({ duration: { target: Number.NaN } }, []);
    } catch (e) {
      error = e;
    }
    expect(isGenError(error) && error.code).toBe('GEN_BAD_REQUEST');
    expect((error as Error).message).toBe("Invalid request: 'canonical_params.duration.target' is not a finite number (NaN).");
  });
});
