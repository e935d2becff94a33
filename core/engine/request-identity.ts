import { createHash } from 'node:crypto';
import {
  computeCacheKey,
  reproducibleHashText,
  type ContentRating,
  type CreateGenerationRequest,
  type GenerationInput,
  type GenerationNodeConfig,
} from '../domain';

// The two identities of a generation, its hash (generation.md §6) and cache key (§8), derived the same way
// by create() and retry().

/** Same bytes as computeReproducibleHash; node:crypto keeps the hot path fast. */
export function reproducibleHash(canonicalParams: Record<string, unknown>, inputs: readonly GenerationInput[]): string {
  return createHash('sha256').update(reproducibleHashText(canonicalParams, inputs), 'utf8').digest('hex');
}

export function requestCacheKey(
  request: CreateGenerationRequest,
  config: GenerationNodeConfig,
  operation: string,
  contentRating: ContentRating | null,
): string | null {
  return computeCacheKey({
    operation,
    purpose: config.purpose,
    fromSceneId: request.fromScene?.id,
    toSceneId: request.toScene?.id,
    strategy: config.strategy,
    playthroughId: request.playthroughId,
    playerId: request.playerId,
    version: config.version ?? 1,
    contentRating,
  });
}
