import { describe, expect, it } from 'vitest';
import { parseRetryAfterMs } from '../../../core/providers';

const NOW = Date.parse('2026-03-01T10:00:00.000Z');

describe('parseRetryAfterMs', () => {
  it.each([
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after-ms': '1500' }, 1500],
    [{ 'retry-after-ms': '12.2' }, 13],
    [{ 'retry-after': '9', 'retry-after-ms': '250' }, 250],
    [{ 'retry-after': 'Sun, 01 Mar 2026 10:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Sun, 01 Mar 2026 09:00:00 GMT' }, 0],
    [{ 'retry-after': ['4', '8'] }, 4000],
  ])('reads %j as %i ms', (headers, expected) => {
    expect(parseRetryAfterMs(headers, NOW)).toBe(expected);
  });

  it.each([[{}], [{ 'retry-after': '' }], [{ 'retry-after': '-1' }], [{ 'retry-after': '1.5' }], [{ 'retry-after': 'soon' }], [{ 'retry-after-ms': 'x' }]])(
    'ignores %j',
    (headers) => {
      expect(parseRetryAfterMs(headers, NOW)).toBeUndefined();
    },
  );
});
