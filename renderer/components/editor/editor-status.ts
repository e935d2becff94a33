import { computeCacheKey, operationForGenerationType } from '../../../core/domain/cache-key';
import { GENERATION_STRATEGIES, GENERATION_TYPES, CONTENT_RATINGS, type ContentRating, type GenerationStrategy, type GenerationType } from '../../../core/domain/vocabulary';
import { isGenError } from '../../../core/domain/gen-error';
import type { ValidationResult } from '../../../core/validation';
import { DEFAULT_PREVIEW_CONTEXT } from '../../graph/build-request';
import type { FieldIssue } from '../fields/issue-context';

/** Issues by the field they belong to: array elements (`requiredElements[2]`) show under their list. */
export function issuesByPath(result: ValidationResult | null): Map<string, FieldIssue[]> {
  const map = new Map<string, FieldIssue[]>();
  if (!result) return map;
  const add = (severity: FieldIssue['severity'], list: ValidationResult['errors']) => {
    for (const issue of list) {
      if (issue.path === undefined) continue;
      const key = issue.path.replace(/\[\d+\]/g, '');
      map.set(key, [...(map.get(key) ?? []), { ...issue, severity }]);
    }
  };
  add('error', result.errors);
  add('warning', result.warnings);
  add('suggestion', result.suggestions);
  return map;
}

export type CacheKeyView = { key: string | null; note: string };

/**
 * The cache key a request with the preview context would use (generation.md §8). The engine keys by the
 * rating after social enforcement; the override is the closest the editor knows without a request.
 */
export function previewCacheKey(config: Record<string, unknown>, fromSceneId: string | undefined, toSceneId: string | undefined, version: number): CacheKeyView {
  const type = config['generationType'];
  const strategy = config['strategy'];
  const purpose = config['purpose'];
  if (!GENERATION_TYPES.includes(type as GenerationType) || !GENERATION_STRATEGIES.includes(strategy as GenerationStrategy) || typeof purpose !== 'string') {
    return { key: null, note: 'Set a valid type, purpose and strategy to see the cache key' };
  }
  const social = config['socialContext'];
  const rating = social && typeof social === 'object' ? (social as Record<string, unknown>)['contentRating'] : undefined;
  try {
    const key = computeCacheKey({
      operation: operationForGenerationType(type as GenerationType),
      purpose,
      fromSceneId: fromSceneId ?? null,
      toSceneId: toSceneId ?? null,
      strategy: strategy as GenerationStrategy,
      playthroughId: DEFAULT_PREVIEW_CONTEXT.playthroughId,
      playerId: DEFAULT_PREVIEW_CONTEXT.playerId,
      version,
      contentRating: CONTENT_RATINGS.includes(rating as ContentRating) ? (rating as ContentRating) : null,
    });
    return { key, note: key === null ? 'Strategy "always" is never cached' : 'With the preview playthrough and player' };
  } catch (error) {
    if (isGenError(error)) return { key: null, note: error.message };
    throw error;
  }
}
