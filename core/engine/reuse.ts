import type { GenerationResult, GenerationWhy } from '../domain';
import type { EngineContext } from './engine-context';
import type { GenerationRow } from './generation-row';

// generation.md §7–§10: finding something reusable, and the `why` that explains the answer.

export type Skipped = GenerationWhy['skipped'];

// Completed rows are kept and served again (generation-store.ts); their parsed results are kept with them.
const parsedResults = new WeakMap<GenerationRow, GenerationResult>();

/** A result is usable only while its media is still in the store (text results are inline). */
export function rowMediaPresent(ctx: EngineContext, row: GenerationRow): boolean {
  if (row.result === null) return false;
  let result = parsedResults.get(row);
  if (result === undefined) {
    result = JSON.parse(row.result) as GenerationResult;
    parsedResults.set(row, result);
  }
  return mediaPresent(ctx, result);
}

function mediaPresent(ctx: EngineContext, result: GenerationResult): boolean {
  if (!('mediaSha256' in result) || result.mediaSha256 === undefined) return result.origin === 'provider';
  return ctx.media.has(result.mediaSha256, result.mediaType);
}

export type DedupScope = { projectId: string; providerId: string; operation: string; hash: string };

export function createReuseFinder(ctx: EngineContext) {
  const completed = ctx.db.prepare<[string, string, string, string], GenerationRow>(
    `SELECT * FROM generations WHERE projectId = ? AND providerId = ? AND operation = ? AND hash = ? AND status = 'completed'
     ORDER BY completedAt DESC, id DESC`,
  );
  const inFlight = ctx.db.prepare<[string, string, string, string], GenerationRow>(
    `SELECT * FROM generations WHERE projectId = ? AND providerId = ? AND operation = ? AND hash = ?
       AND status IN ('pending', 'processing') ORDER BY createdAt, id LIMIT 1`,
  );
  const retryChild = ctx.db.prepare<[string], GenerationRow>(
    "SELECT * FROM generations WHERE parentGenerationId = ? AND status IN ('pending', 'processing') ORDER BY createdAt, id LIMIT 1",
  );
  return {
    /** The most recently completed match whose media is present; misses are added to `skipped`. */
    completedMatch(scope: DedupScope, skipped: Skipped): GenerationRow | undefined {
      for (const row of completed.all(scope.projectId, scope.providerId, scope.operation, scope.hash)) {
        if (rowMediaPresent(ctx, row)) return row;
        // Single flight looks again under its lease; each skip is reported once.
        if (!skipped.some((s) => s.step === 'dedup' && s.generationId === row.id)) {
          skipped.push({ step: 'dedup', generationId: row.id, reason: 'media_missing' });
        }
      }
      return undefined;
    },
    inFlight: (scope: DedupScope) => inFlight.get(scope.projectId, scope.providerId, scope.operation, scope.hash),
    retryChild: (parentId: string) => retryChild.get(parentId),
  };
}

export type ReuseFinder = ReturnType<typeof createReuseFinder>;

const MESSAGES: Record<GenerationWhy['reason'], (matched: string | null) => string> = {
  new: () => 'Nothing reusable was found, so a new generation was created.',
  cache_disabled: () => "The node's strategy is 'always', so a new generation was created.",
  retry: () => 'A retry always creates a new generation.',
  completed_match: (m) => `An identical completed generation ('${m}') was reused.`,
  in_flight: (m) => `An identical generation ('${m}') was already running, so this request joined it.`,
  cache_hit: (m) => `The cached result of generation '${m}' was served.`,
};

export function buildWhy(input: {
  source: GenerationWhy['source'];
  reason: GenerationWhy['reason'];
  hash: string;
  cacheKey: string | null;
  scope: DedupScope;
  matchedGenerationId?: string | null;
  cacheEntry?: GenerationWhy['cacheEntry'];
  skipped?: Skipped;
  ratingClamped: boolean;
}): GenerationWhy {
  const matched = input.matchedGenerationId ?? null;
  return {
    source: input.source,
    reason: input.reason,
    hash: input.hash,
    cacheKey: input.cacheKey,
    dedupScope: { projectId: input.scope.projectId, providerId: input.scope.providerId, operation: input.scope.operation },
    matchedGenerationId: matched,
    cacheEntry: input.cacheEntry ?? null,
    skipped: input.skipped ?? [],
    ratingClamped: input.ratingClamped,
    message: MESSAGES[input.reason](matched),
  };
}
