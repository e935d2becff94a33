import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { GEN_ERROR_CODES, GenError, genErrorFromWire, isGenError, isGenErrorCode } from '../../../core/domain';

describe('GenError', () => {
  it('carries a stable code, a message and plain details, and leaves stack and cause off the wire', () => {
    const error = new GenError('GEN_NOT_FOUND', "Generation 'gen_1' was not found.", { entity: 'generation', id: 'gen_1' });
    error.cause = new Error('internal');
    const wire = error.toWire();
    expect(wire).toEqual({ code: 'GEN_NOT_FOUND', message: "Generation 'gen_1' was not found.", details: { entity: 'generation', id: 'gen_1' } });
    expect(JSON.stringify(wire)).not.toMatch(/stack|cause|internal/);
    expect(new GenError('GEN_ENGINE_CLOSED', 'The engine is closed.').toWire()).toEqual({ code: 'GEN_ENGINE_CLOSED', message: 'The engine is closed.' });
  });

  it('is recognised by its brand, also when rebuilt from the wire, and nothing else is', () => {
    const rebuilt = genErrorFromWire({ code: 'GEN_TIMEOUT', message: 'late', details: { timeoutMs: 1000 } });
    expect(isGenError(rebuilt)).toBe(true);
    expect(rebuilt).toBeInstanceOf(Error);
    expect(isGenError(new Error('plain'))).toBe(false);
    expect(isGenError({ code: 'GEN_TIMEOUT', message: 'look-alike' })).toBe(false);
    expect(isGenError(null)).toBe(false);
    // A brand made with Symbol.for is shared across realms, unlike instanceof.
    const foreign = runInNewContext(`const e = new Error('x'); e[Symbol.for('genweave.GenError')] = true; e`);
    expect(isGenError(foreign)).toBe(true);
  });

  it('lists every code of errors.md once, and knows which strings are codes', () => {
    expect(new Set(GEN_ERROR_CODES).size).toBe(GEN_ERROR_CODES.length);
    expect(GEN_ERROR_CODES).toHaveLength(41);
    expect(isGenErrorCode('GEN_BAD_REQUEST')).toBe(true);
    expect(isGenErrorCode('GEN_NOPE')).toBe(false);
    expect(isGenErrorCode(42)).toBe(false);
  });
});
