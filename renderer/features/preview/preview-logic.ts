import { computeCacheKey, operationForGenerationType } from '../../../core/domain/cache-key';
import type { PlaythroughPreset } from '../../../core/domain/project-document';
import type { RelationshipAxis, RelationshipSchema } from '../../../core/domain/relationship-schema';
import { DEFAULT_RELATIONSHIP_SCHEMA } from '../../../core/domain/relationship-schema';
import type { GenerationSocialContext } from '../../../core/domain/social-context';
import type { UserContentPreferences, WorldSettings } from '../../../core/domain/world';
import { isContentRating, GENERATION_STRATEGIES, GENERATION_TYPES, type ContentRating, type GenerationStrategy, type GenerationType } from '../../../core/domain/vocabulary';
import { enforceSocialContext, type SocialEnforcement } from '../../../core/social';
import type { ValidationResult } from '../../../core/validation';

// studio-ui.md §5: the preview's live social context is exactly what generations.create will store
// (social.md §6 via the same pure enforcement), and the cache key is the one the request will use.

export type NpcValues = Record<string, Record<string, number>>;

export function schemaOf(world: WorldSettings | undefined): RelationshipSchema {
  return world?.relationshipSchema ?? DEFAULT_RELATIONSHIP_SCHEMA;
}

/** Step 1, or a hundredth of the range when it spans less than 100. */
export function axisStep(axis: Pick<RelationshipAxis, 'min' | 'max'>): number {
  const span = axis.max - axis.min;
  return span < 100 ? span / 100 : 1;
}

export function npcIdsOf(config: unknown): number[] {
  if (typeof config !== 'object' || config === null) return [];
  const social = (config as Record<string, unknown>)['socialContext'];
  const ids = social && typeof social === 'object' ? (social as Record<string, unknown>)['npcIds'] : undefined;
  return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : [];
}

/** Slider values for every NPC and axis: the preset's value when it has one, else the axis minimum. */
export function initialValues(npcIds: readonly number[], schema: RelationshipSchema, preset?: PlaythroughPreset): NpcValues {
  const out: NpcValues = {};
  for (const npcId of npcIds) {
    const from = preset?.npcValues[String(npcId)] ?? {};
    const values: Record<string, number> = {};
    for (const axis of schema.axes) {
      const v = from[axis.id];
      values[axis.id] = typeof v === 'number' && Number.isFinite(v) ? Math.min(axis.max, Math.max(axis.min, v)) : axis.min;
    }
    out[String(npcId)] = values;
  }
  return out;
}

export type PreviewContext = { presetId: string; playthroughId: string; playerId: string; values: NpcValues };

export const DEFAULT_PLAYTHROUGH_ID = 'preview-playthrough';
export const DEFAULT_PLAYER_ID = 'preview-player';

/** The stored test context (or the defaults), with one entry per NPC of the draft and every schema axis. */
export function completeContext(stored: PreviewContext | undefined, npcIds: readonly number[], schema: RelationshipSchema): PreviewContext {
  const base = stored ?? { presetId: '', playthroughId: DEFAULT_PLAYTHROUGH_ID, playerId: DEFAULT_PLAYER_ID, values: {} };
  const values: NpcValues = {};
  for (const [npcId, axes] of Object.entries(initialValues(npcIds, schema))) values[npcId] = { ...axes, ...(base.values[npcId] ?? {}) };
  return { ...base, values };
}

export type LiveSocial =
  | { ok: true; enforcement: SocialEnforcement; clampNote: string | null }
  | { ok: false; message: string };

function authoredContext(config: unknown): GenerationSocialContext | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const social = (config as Record<string, unknown>)['socialContext'];
  return social && typeof social === 'object' && !Array.isArray(social) ? (social as GenerationSocialContext) : undefined;
}

/** "mature_implied → romantic by world cap" (studio-ui.md §5). */
export function clampNoteOf(e: SocialEnforcement): string | null {
  if (!e.ratingClamped || e.requestedRating === null || e.contentRating === null) return null;
  const caps = e.bindingCaps.map((cap) => `${cap} cap`).join(' and ');
  return `${e.requestedRating} → ${e.contentRating}${caps ? ` by ${caps}` : ''}`;
}

export function liveSocial(input: {
  config: unknown;
  npcIds: readonly number[];
  values: NpcValues;
  world: WorldSettings | undefined;
  user: UserContentPreferences;
}): LiveSocial {
  try {
    const enforcement = enforceSocialContext({
      socialContext: authoredContext(input.config) ?? null,
      npcs: input.npcIds.map((npcId) => ({ npcId, values: input.values[String(npcId)] ?? {} })),
      world: input.world ?? null,
      user: input.user,
    });
    return { ok: true, enforcement, clampNote: clampNoteOf(enforcement) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function field<T extends string>(config: unknown, key: string, allowed: readonly T[]): T | null {
  if (typeof config !== 'object' || config === null) return null;
  const v = (config as Record<string, unknown>)[key];
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

export type LiveKey = { ok: true; key: string | null } | { ok: false; message: string };

/** The strategy key of core-api.md for this draft and context; scoped strategies without their id fail. */
export function liveCacheKey(input: {
  config: unknown;
  fromSceneId: string | null;
  toSceneId: string | null;
  playthroughId: string;
  playerId: string;
  contentRating: ContentRating | null;
}): LiveKey {
  const type = field<GenerationType>(input.config, 'generationType', GENERATION_TYPES);
  const strategy = field<GenerationStrategy>(input.config, 'strategy', GENERATION_STRATEGIES);
  const purpose = (input.config as Record<string, unknown> | null)?.['purpose'];
  const version = (input.config as Record<string, unknown> | null)?.['version'];
  if (type === null || strategy === null || typeof purpose !== 'string') return { ok: false, message: 'Fix the node configuration to see its cache key.' };
  try {
    const key = computeCacheKey({
      operation: operationForGenerationType(type),
      purpose,
      fromSceneId: input.fromSceneId,
      toSceneId: input.toSceneId,
      strategy,
      playthroughId: input.playthroughId,
      playerId: input.playerId,
      version: typeof version === 'number' && Number.isInteger(version) ? version : 1,
      contentRating: input.contentRating !== null && isContentRating(input.contentRating) ? input.contentRating : null,
    });
    return { ok: true, key };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Creation ignores V12/V13 (ratings over a cap are clamped, never refused: social.md §6 step 2). */
export const NON_BLOCKING_AT_CREATION = new Set(['V12', 'V13']);

export function firstBlockingError(result: ValidationResult): string | null {
  return result.errors.find((issue) => !NON_BLOCKING_AT_CREATION.has(issue.rule))?.message ?? null;
}

/** The mature-content gate of social.md §6: asked only for predicted mature_implied or restricted. */
export function needsMatureConfirmation(predicted: ContentRating | null | undefined, requireConfirmation: boolean | undefined): boolean {
  return requireConfirmation !== false && (predicted === 'mature_implied' || predicted === 'restricted');
}
