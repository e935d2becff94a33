import { GenError } from './gen-error';
import {
  CONTENT_RATINGS,
  OPERATION_TYPES,
  PURPOSES,
  type ContentRating,
  type GenerationStrategy,
  type GenerationType,
  type OperationType,
  type Purpose,
} from './vocabulary';

// core-api.md "Cache key" and generation.md §8.

const OPERATION_BY_TYPE: Readonly<Record<GenerationType, OperationType>> = Object.freeze({
  transition: 'video_transition',
  variation: 'text_to_video',
  dialogue: 'text_generation',
  environment: 'text_to_video',
  npc_response: 'image_to_video',
});

export function operationForGenerationType(type: GenerationType): OperationType {
  if (!Object.hasOwn(OPERATION_BY_TYPE, type)) {
    throw new GenError('GEN_BAD_REQUEST', `Invalid request: 'generationType' is not a generation type (${String(type)}).`, {
      issues: [{ path: 'generationType', message: 'is not a generation type' }],
    });
  }
  return OPERATION_BY_TYPE[type];
}

/** Time to live of a cache entry, counted from `writtenAt` (365, 90 and 180 days). `always` is never cached. */
export const CACHE_TTL_SECONDS = Object.freeze({
  once: 31536000,
  per_playthrough: 7776000,
  per_player: 15552000,
} as const);

export type CacheKeyParts = {
  operation: string;
  purpose: string;
  fromSceneId?: string | null;
  toSceneId?: string | null;
  strategy: GenerationStrategy;
  playthroughId?: string | null;
  playerId?: string | null;
  version: number;
  contentRating?: ContentRating | null;
};

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value !== '';
}

function missingSeedContext(missing: 'playthroughId' | 'playerId', strategy: GenerationStrategy): GenError {
  return new GenError(
    'GEN_MISSING_SEED_CONTEXT',
    `A ${missing} is required by strategy '${strategy}'. Select a playthrough preset, or change the node's strategy.`,
    { missing, strategy },
  );
}

/** The strategy cache key, or null for `always`. A scoped strategy without its id throws: there is no shared bucket. */
export function computeCacheKey(k: CacheKeyParts): string | null {
  if (k.strategy === 'always') return null;
  let key = `generation:${k.operation}|${k.purpose}|${present(k.fromSceneId) ? k.fromSceneId : 'none'}|${
    present(k.toSceneId) ? k.toSceneId : 'none'
  }|${k.strategy}`;
  if (k.strategy === 'per_playthrough') {
    if (!present(k.playthroughId)) throw missingSeedContext('playthroughId', k.strategy);
    key += `|pt:${k.playthroughId}`;
  } else if (k.strategy === 'per_player') {
    if (!present(k.playerId)) throw missingSeedContext('playerId', k.strategy);
    key += `|player:${k.playerId}`;
  }
  if (k.contentRating !== undefined && k.contentRating !== null) key += `|r:${k.contentRating}`;
  return `${key}|v${k.version}`;
}

export type ParsedCacheKey = {
  operation: OperationType;
  purpose: Purpose;
  fromSceneId?: string;
  toSceneId?: string;
  strategy: Exclude<GenerationStrategy, 'always'>;
  playthroughId?: string;
  playerId?: string;
  contentRating?: ContentRating;
  version: number;
};

// Scene and scope ids are free strings; should one contain '|', the leftmost split is taken (lazy groups).
const KEY_PATTERN = new RegExp(
  `^generation:(${OPERATION_TYPES.join('|')})\\|(${PURPOSES.join('|')})\\|(.+?)\\|(.+?)\\|` +
    `(?:(once)|(per_playthrough)\\|pt:(.+?)|(per_player)\\|player:(.+?))` +
    `(?:\\|r:(${CONTENT_RATINGS.join('|')}))?\\|v([1-9][0-9]*)$`,
);

function badKey(key: string): GenError {
  return new GenError('GEN_BAD_REQUEST', `Invalid request: 'key' is not a cache key.`, {
    issues: [{ path: 'key', message: 'is not a cache key' }],
    key,
  });
}

/** The inverse of computeCacheKey (cache.explain). A string computeCacheKey would not produce throws GEN_BAD_REQUEST. */
export function parseCacheKey(key: string): ParsedCacheKey {
  const m = typeof key === 'string' ? KEY_PATTERN.exec(key) : null;
  if (m === null) throw badKey(String(key));
  const [, operation, purpose, from, to, once, perPlaythrough, playthroughId, perPlayer, playerId, rating, version] = m;
  const parsed: ParsedCacheKey = {
    operation: operation as OperationType,
    purpose: purpose as Purpose,
    strategy: (once ?? perPlaythrough ?? perPlayer) as ParsedCacheKey['strategy'],
    version: Number(version),
  };
  if (from !== 'none') parsed.fromSceneId = from;
  if (to !== 'none') parsed.toSceneId = to;
  if (playthroughId !== undefined) parsed.playthroughId = playthroughId;
  if (playerId !== undefined) parsed.playerId = playerId;
  if (rating !== undefined) parsed.contentRating = rating as ContentRating;
  if (!Number.isSafeInteger(parsed.version)) throw badKey(key);
  return parsed;
}
