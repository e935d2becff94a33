import { describe, expect, it } from 'vitest';
import { createRedactor, cutProviderMessage } from '../../../core/providers';

describe('createRedactor', () => {
  const secret = 'sk-live+abc/123=';
  const redact = createRedactor([secret, null, '']);

  it('replaces the secret plain, base64 and URL-encoded', () => {
    const base64 = Buffer.from(secret).toString('base64');
    const base64url = Buffer.from(secret).toString('base64url');
    const text = `plain ${secret} b64 ${base64} b64url ${base64url} url ${encodeURIComponent(secret)}`;
    const out = redact(text);
    expect(out).toBe('plain *** b64 *** b64url *** url ***');
  });

  it('blanks Authorization, api-key and x-api-key header values whatever the key', () => {
    const other = createRedactor([]);
    expect(other('Authorization: Bearer abc.def')).toBe('Authorization: ***');
    expect(other('{"x-api-key":"k-1","api-key": "k-2","keep":"v"}')).toBe('{"x-api-key":"***","api-key": "***","keep":"v"}');
    expect(other("headers { authorization='Basic Zm9v' }")).toBe("headers { authorization='***' }");
  });

  it('leaves text without secrets unchanged', () => {
    expect(redact('nothing to hide here')).toBe('nothing to hide here');
  });
});

describe('cutProviderMessage', () => {
  it('redacts, collapses whitespace and cuts to 500 characters', () => {
    const redact = createRedactor(['s3cret']);
    const text = cutProviderMessage(`line one\n\n  s3cret ${'x'.repeat(600)}`, redact);
    expect(text.startsWith('line one *** x')).toBe(true);
    expect(text).toHaveLength(500);
  });
});
