import { describe, expect, it } from 'vitest';
import { createNodeCheckMemo } from '../../../core/engine/node-check-memo';
import { plainJsonKey } from '../../../core/engine/plain-json-key';
import type { NodeCheck } from '../../../core/engine/node-check-memo';

const check = (n: number): NodeCheck =>
  ({ validation: { errors: [], warnings: [{ rule: 'V00', path: 'x', message: `w${n}` }] }, config: { version: n } }) as unknown as NodeCheck;

describe('plainJsonKey', () => {
  it('gives equal plain data the same key and different data different keys', () => {
    const a = { style: { pacing: 'slow' }, list: [1, 'two', true, null], n: 1.5 };
    expect(plainJsonKey(a)).toBe(plainJsonKey(JSON.parse(JSON.stringify(a))));
    expect(plainJsonKey(a)).not.toBe(plainJsonKey({ ...a, n: 2 }));
    expect(plainJsonKey({ a: '1' })).not.toBe(plainJsonKey({ a: 1 }));
  });

  it('gives no key to values JSON would write as something else, so two different values never share one', () => {
    for (const value of [NaN, Infinity, -0, undefined, () => 1, Symbol('s'), 1n, new Date(0), new Map()]) {
      expect(plainJsonKey({ v: value })).toBeNull();
    }
    expect(plainJsonKey({ v: new Array(3) })).toBeNull(); // sparse
    expect(plainJsonKey(Object.defineProperty({}, 'v', { get: () => NaN, enumerable: true }))).toBeNull();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(plainJsonKey(cyclic)).toBeNull();
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(plainJsonKey({ v: revoked.proxy })).toBeNull();
  });
});

describe('the node check memo', () => {
  it('keys absent parts as null and hands back frozen checks', () => {
    const memo = createNodeCheckMemo();
    const key = memo.key([{ generationType: 'dialogue' }, undefined, undefined, ['local-preview']]);
    expect(key).not.toBeNull();
    memo.set(key!, check(1));
    const kept = memo.get(key!);
    expect(kept?.config).toEqual({ version: 1 });
    expect(Object.isFrozen(kept?.validation.warnings[0])).toBe(true);
    expect(memo.key([{ generationType: 'dialogue' }, null, null, ['local-preview']])).toBe(key);
  });

  it('keeps the 64 most recently used checks', () => {
    const memo = createNodeCheckMemo();
    for (let i = 0; i < 64; i += 1) memo.set(`k${i}`, check(i));
    expect(memo.get('k0')).toBeDefined(); // now the most recent
    memo.set('k64', check(64));
    expect(memo.get('k1')).toBeUndefined();
    expect(memo.get('k0')).toBeDefined();
    expect(memo.get('k64')).toBeDefined();
  });
});
