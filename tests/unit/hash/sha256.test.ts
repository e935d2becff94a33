import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Bytes, sha256Hex } from '../../../core/domain';

const nodeHex = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

// Strings from ordinary text plus the pieces that stress UTF-8 encoding: astral pairs, lone surrogates, NUL.
const unicodeText = fc
  .array(fc.oneof(fc.string(), fc.constantFrom('\u{1F600}', '\ud800', '\udfff', '\u0000', 'é', '€', '\uffff', '\u{10FFFF}')))
  .map((parts) => parts.join(''));

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto around every padding boundary', () => {
    for (let length = 0; length <= 130; length++) expect(sha256Hex('x'.repeat(length))).toBe(nodeHex('x'.repeat(length)));
  });

  it('agrees with node:crypto on long inputs', () => {
    const long = 'Genweave \u{1F600} é '.repeat(80_000);
    expect(sha256Hex(long)).toBe(nodeHex(long));
  });

  it('agrees with node:crypto on any string, astral characters and lone surrogates included', () => {
    fc.assert(
      fc.property(unicodeText, (text) => {
        expect(sha256Hex(text)).toBe(nodeHex(text));
      }),
      { numRuns: 500 },
    );
  });

  it('hashes raw bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Buffer.from(sha256Bytes(bytes)).toString('hex')).toBe(nodeHex(bytes));
      }),
      { numRuns: 200 },
    );
  });
});
