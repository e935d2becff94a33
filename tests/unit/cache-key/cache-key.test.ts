import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CACHE_TTL_SECONDS,
  computeCacheKey,
  GENERATION_TYPES,
  isGenError,
  operationForGenerationType,
  parseCacheKey,
  type CacheKeyParts,
} from '../../../core/domain';

function genError(fn: () => unknown): { code: string; message: string; details: unknown } {
  try {
    fn();
  } catch (error) {
    if (isGenError(error)) return error as never;
    throw error;
  }
  throw new Error('expected a GenError');
}

const base: CacheKeyParts = { operation: 'video_transition', purpose: 'gap_fill', fromSceneId: 's1', toSceneId: 's2', strategy: 'once', version: 1 };

describe('operationForGenerationType', () => {
  it('maps the five generation types', () => {
    expect(GENERATION_TYPES.map(operationForGenerationType)).toEqual([
      'video_transition',
      'text_to_video',
      'text_generation',
      'text_to_video',
      'image_to_video',
    ]);
  });

  it('throws GEN_BAD_REQUEST for anything else, inherited names included', () => {
    expect(genError(() => operationForGenerationType('toString' as never)).code).toBe('GEN_BAD_REQUEST');
    expect(genError(() => operationForGenerationType('cutscene' as never)).code).toBe('GEN_BAD_REQUEST');
  });
});

describe('computeCacheKey', () => {
  it('builds the example key of generation.md §8', () => {
    expect(
      computeCacheKey({
        operation: 'text_generation',
        purpose: 'adaptive',
        fromSceneId: 's-lighthouse',
        strategy: 'per_player',
        playerId: 'pl-1',
        version: 3,
        contentRating: 'romantic',
      }),
    ).toBe('generation:text_generation|adaptive|s-lighthouse|none|per_player|player:pl-1|r:romantic|v3');
  });

  it('writes none for absent, null and empty scene ids', () => {
    expect(computeCacheKey({ ...base, fromSceneId: undefined, toSceneId: null })).toBe('generation:video_transition|gap_fill|none|none|once|v1');
    expect(computeCacheKey({ ...base, fromSceneId: '' })).toBe('generation:video_transition|gap_fill|none|s2|once|v1');
  });

  it('scopes per_playthrough keys and ignores ids the strategy does not use', () => {
    expect(computeCacheKey({ ...base, strategy: 'per_playthrough', playthroughId: 'pt-9', playerId: 'pl-1', version: 2 })).toBe(
      'generation:video_transition|gap_fill|s1|s2|per_playthrough|pt:pt-9|v2',
    );
    expect(computeCacheKey({ ...base, playthroughId: 'pt-9', playerId: 'pl-1', contentRating: 'sfw' })).toBe(
      'generation:video_transition|gap_fill|s1|s2|once|r:sfw|v1',
    );
    expect(computeCacheKey({ ...base, contentRating: null })).toBe('generation:video_transition|gap_fill|s1|s2|once|v1');
  });

  it('returns null for always, even without any ids', () => {
    expect(computeCacheKey({ ...base, strategy: 'always' })).toBeNull();
  });

  it.each([
    ['per_playthrough', 'playthroughId', undefined],
    ['per_playthrough', 'playthroughId', null],
    ['per_playthrough', 'playthroughId', ''],
    ['per_player', 'playerId', undefined],
    ['per_player', 'playerId', null],
    ['per_player', 'playerId', ''],
  ] as const)('throws GEN_MISSING_SEED_CONTEXT for %s with %s = %s', (strategy, missing, value) => {
    const error = genError(() => computeCacheKey({ ...base, strategy, playthroughId: 'pt', playerId: 'pl', [missing]: value }));
    expect(error.code).toBe('GEN_MISSING_SEED_CONTEXT');
    expect(error.details).toEqual({ missing, strategy });
    expect(error.message).toBe(
      `A ${missing} is required by strategy '${strategy}'. Select a playthrough preset, or change the node's strategy.`,
    );
  });

  it('distinguishes ratings, versions and scopes', () => {
    const keys = [
      computeCacheKey({ ...base, contentRating: 'sfw' }),
      computeCacheKey({ ...base, contentRating: 'romantic' }),
      computeCacheKey(base),
      computeCacheKey({ ...base, version: 2 }),
      computeCacheKey({ ...base, strategy: 'per_player', playerId: 'a' }),
      computeCacheKey({ ...base, strategy: 'per_player', playerId: 'b' }),
      computeCacheKey({ ...base, strategy: 'per_playthrough', playthroughId: 'a' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('CACHE_TTL_SECONDS', () => {
  it('is 365, 90 and 180 days, and frozen', () => {
    expect(CACHE_TTL_SECONDS).toEqual({ once: 365 * 86400, per_playthrough: 90 * 86400, per_player: 180 * 86400 });
    expect(Object.isFrozen(CACHE_TTL_SECONDS)).toBe(true);
  });
});

describe('parseCacheKey', () => {
  it('inverts the example key', () => {
    expect(parseCacheKey('generation:text_generation|adaptive|s-lighthouse|none|per_player|player:pl-1|r:romantic|v3')).toStrictEqual({
      operation: 'text_generation',
      purpose: 'adaptive',
      fromSceneId: 's-lighthouse',
      strategy: 'per_player',
      playerId: 'pl-1',
      contentRating: 'romantic',
      version: 3,
    });
  });

  it('round-trips every key computeCacheKey builds', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/).filter((s) => s !== 'none');
    fc.assert(
      fc.property(
        fc.record({
          operation: fc.constantFrom('video_transition', 'text_to_video', 'text_generation', 'image_to_video'),
          purpose: fc.constantFrom('gap_fill', 'variation', 'adaptive', 'ambient'),
          fromSceneId: fc.option(id, { nil: undefined }),
          toSceneId: fc.option(id, { nil: undefined }),
          strategy: fc.constantFrom('once', 'per_playthrough', 'per_player' as const),
          playthroughId: id,
          playerId: id,
          version: fc.integer({ min: 1, max: 10_000 }),
          contentRating: fc.option(fc.constantFrom('sfw', 'romantic', 'mature_implied', 'restricted' as const), { nil: undefined }),
        }),
        (parts) => {
          const key = computeCacheKey(parts as CacheKeyParts) as string;
          expect(computeCacheKey(parseCacheKey(key))).toBe(key);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects a key that is not a string', () => {
    expect(genError(() => parseCacheKey(42 as unknown as string)).code).toBe('GEN_BAD_REQUEST');
  });

  it.each([
    '',
    'generation:',
    'generation:video_transition|gap_fill|s1|s2|once',
    'generation:video_transition|gap_fill|s1|s2|once|v0',
    'generation:video_transition|gap_fill|s1|s2|once|v1.5',
    'generation:video_transition|gap_fill|s1|s2|per_player|v1',
    'generation:video_transition|gap_fill|s1|s2|always|v1',
    'generation:warp|gap_fill|s1|s2|once|v1',
    'generation:video_transition|gap_fill|s1|s2|once|r:PG-13|v1',
    'generation:video_transition|gap_fill|s1|s2|once|v99999999999999999999',
    'cache:video_transition|gap_fill|s1|s2|once|v1',
  ])('rejects %j with GEN_BAD_REQUEST', (key) => {
    const error = genError(() => parseCacheKey(key));
    expect(error.code).toBe('GEN_BAD_REQUEST');
    expect(error.message).toBe("Invalid request: 'key' is not a cache key.");
  });
});
