import { describe, expect, it } from 'vitest';
import { getJsonPointer, parseJsonPointer } from '../../../core/providers';

// RFC 6901 §5 example document.
const DOC = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'c%d': 2, 'e^f': 3, 'g|h': 4, 'i\\j': 5, 'k"l': 6, ' ': 7, 'm~n': 8 };

describe('JSON Pointer (RFC 6901)', () => {
  it.each([
    ['', DOC],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
  ])('resolves %j', (pointer, expected) => {
    expect(getJsonPointer(DOC, pointer)).toEqual(expected);
  });

  it.each(['/foo/2', '/foo/01', '/foo/-', '/missing', '/foo/0/x', 'foo', '/~2', '/__proto__', '/constructor'])(
    'finds nothing at %j',
    (pointer) => {
      expect(getJsonPointer(DOC, pointer)).toBeUndefined();
    },
  );

  it('decodes ~01 as "~1", not "/"', () => {
    expect(parseJsonPointer('/~01')).toEqual(['~1']);
    expect(getJsonPointer({ '~1': 'tilde-one', '/': 'slash' }, '/~01')).toBe('tilde-one');
  });
});
