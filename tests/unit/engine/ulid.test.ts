import { describe, expect, it } from 'vitest';
import { createGenerationIdFactory } from '../../../core/engine/ulid';

describe('generation ids', () => {
  it('are gen_ + 26 Crockford characters, ordered by the engine clock even within one millisecond', () => {
    let t = 1_700_000_000_000;
    const next = createGenerationIdFactory(() => t);
    const ids = Array.from({ length: 200 }, (_, i) => {
      if (i % 50 === 0) t += 1;
      return next();
    });
    for (const id of ids) expect(id).toMatch(/^gen_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
