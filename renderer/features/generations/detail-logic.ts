import type { Generation, GenerationEvent, GenerationWhy } from '../../../core/domain/generation';
import type { GenerationSocialContext } from '../../../core/domain/social-context';
import { CONTENT_RATINGS, type ContentRating } from '../../../core/domain/vocabulary';

// What the detail drawer derives from a stored record and its timeline (studio-ui.md §7).

export type CreatedWhy = { source: 'created'; reason: 'new' | 'cache_disabled' | 'retry'; message: string; matchedGenerationId: string | null };
export type ReuseEntry = { at: string; why: Pick<GenerationWhy, 'source' | 'reason' | 'message'> & { matchedGenerationId: string | null } };

/** The record was created, so its own why is one of the created reasons (generation.md §10). */
export function createdWhy(g: Generation): CreatedWhy {
  if (g.parentGenerationId !== null) {
    return { source: 'created', reason: 'retry', message: `Created as a user retry of ${g.parentGenerationId}.`, matchedGenerationId: g.parentGenerationId };
  }
  if (g.strategy === 'always') {
    return { source: 'created', reason: 'cache_disabled', message: 'Created: the strategy "always" never reuses results.', matchedGenerationId: null };
  }
  return { source: 'created', reason: 'new', message: 'Created: nothing reusable matched this request.', matchedGenerationId: null };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every `generation.reused` event on the timeline: how often, and why, this result was served again. */
export function reusesOf(events: readonly GenerationEvent[]): ReuseEntry[] {
  const out: ReuseEntry[] = [];
  for (const event of events) {
    if (event.type !== 'generation.reused') continue;
    const why = event.data['why'];
    if (!isRecord(why)) continue;
    const source = why['source'];
    const reason = why['reason'];
    if ((source !== 'created' && source !== 'dedup' && source !== 'cache') || typeof reason !== 'string') continue;
    out.push({
      at: event.at,
      why: {
        source,
        reason: reason as GenerationWhy['reason'],
        message: typeof why['message'] === 'string' ? why['message'] : '',
        matchedGenerationId: typeof why['matchedGenerationId'] === 'string' ? why['matchedGenerationId'] : null,
      },
    });
  }
  return out;
}

function rank(rating: ContentRating): number {
  return CONTENT_RATINGS.indexOf(rating);
}

/** social.md §6 step 8: the binding caps are those equal to the final rating and lower than the original. */
export function bindingCaps(ctx: GenerationSocialContext | null): Array<'world' | 'user'> {
  if (!ctx?.ratingClamped || !ctx.originalRating || !ctx.contentRating) return [];
  const out: Array<'world' | 'user'> = [];
  const final = ctx.contentRating;
  const original = ctx.originalRating;
  if (ctx.worldMaxRating === final && rank(final) < rank(original)) out.push('world');
  if (ctx.userMaxRating === final && rank(final) < rank(original)) out.push('user');
  return out;
}

export function canRetry(g: Pick<Generation, 'status'>): boolean {
  return g.status === 'failed' || g.status === 'cancelled';
}

export function canCancel(g: Pick<Generation, 'status'>): boolean {
  return g.status === 'pending' || g.status === 'processing';
}

/** Media URLs of rpc.md §5: Electron serves app://genweave/media, browser mode /media on the host origin. */
export function mediaUrl(sha256: string, transport: 'electron' | 'browser' | 'in-process'): string {
  return transport === 'electron' ? `app://genweave/media/${sha256}` : `/media/${sha256}`;
}
