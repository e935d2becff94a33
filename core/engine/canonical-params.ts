import { createHash } from 'node:crypto';
import {
  GenError,
  type GenerationNodeConfig,
  type ProviderConfig,
  type SceneRef,
  type GenerationSocialContext,
  type OperationType,
} from '../domain';

// generation.md §4: every value that shapes the output and nothing cosmetic, normalized so that
// equivalent configs hash the same.

export type ModelParamValues = Record<string, string | number | boolean>;

function trimmed(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t === undefined || t === '' ? undefined : t;
}

function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

function cleanList(list: readonly string[] | undefined, sort: boolean): string[] | undefined {
  if (list === undefined) return undefined;
  const entries = list.map((s) => s.trim()).filter((s) => s !== '');
  const unique = sort ? [...new Set(entries)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : entries;
  return unique.length === 0 ? undefined : unique;
}

function cleanScene(scene: SceneRef | undefined): SceneRef | undefined {
  if (scene === undefined) return undefined;
  return compact({
    id: scene.id,
    mood: trimmed(scene.mood),
    summary: trimmed(scene.summary),
    location: trimmed(scene.location),
    emotionalState: trimmed(scene.emotionalState),
  });
}

/** Provider defaults, then the provider's model, then the node's params; null removes a value. */
export function effectiveModelParams(provider: ProviderConfig, config: GenerationNodeConfig): ModelParamValues {
  const merged: Record<string, string | number | boolean | null> = {
    ...(provider.defaults ?? {}),
    ...(provider.model === undefined ? {} : { model: provider.model }),
    ...(config.modelParams ?? {}),
  };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null)) as ModelParamValues;
}

function seedContextError(missing: 'playthroughId' | 'playerId', seedSource: string): GenError {
  return new GenError(
    'GEN_MISSING_SEED_CONTEXT',
    `A ${missing} is required by seed source '${seedSource}'. Select a playthrough preset, or change the node's seed source.`,
    { missing, seedSource },
  );
}

/** §4.2: an unsigned 32-bit seed from the node id and the seed scope. */
export function deriveSeed(
  nodeId: string,
  config: GenerationNodeConfig,
  ids: { playthroughId?: string; playerId?: string },
  clockMs: number,
): number {
  const hashSeed = (scope: string) => parseInt(createHash('sha256').update(`${nodeId}|${scope}`, 'utf8').digest('hex').slice(0, 8), 16);
  switch (config.seedSource) {
    case 'playthrough':
      if (!ids.playthroughId) throw seedContextError('playthroughId', 'playthrough');
      return hashSeed(`pt:${ids.playthroughId}`);
    case 'player':
      if (!ids.playerId) throw seedContextError('playerId', 'player');
      return hashSeed(`player:${ids.playerId}`);
    case 'timestamp':
      return hashSeed(`ts:${clockMs}`);
    case 'fixed': {
      const seed = config.modelParams?.seed;
      return typeof seed === 'number' && Number.isSafeInteger(seed) && seed >= 0 ? seed : 0;
    }
    case undefined:
      return hashSeed('node');
  }
}

export type CanonicalInput = {
  providerId: string;
  operation: OperationType;
  prompt: string;
  config: GenerationNodeConfig;
  seed: number;
  modelParams: ModelParamValues;
  fromScene?: SceneRef;
  toScene?: SceneRef;
  playthroughId?: string;
  playerId?: string;
  socialContext: GenerationSocialContext | null;
};

export function buildCanonicalParams(input: CanonicalInput): Record<string, unknown> {
  const { config } = input;
  const style = config.style ?? {};
  const duration = config.duration ?? {};
  const constraints = config.constraints ?? {};
  const social = input.socialContext;
  return compact({
    providerId: input.providerId,
    operation: input.operation,
    prompt: input.prompt,
    generationType: config.generationType,
    purpose: config.purpose,
    style: compact({
      moodFrom: trimmed(style.moodFrom),
      moodTo: trimmed(style.moodTo),
      pacing: style.pacing,
      transitionType: style.transitionType,
    }),
    duration: compact({ min: duration.min, max: duration.max, target: duration.target }),
    constraints: compact({
      rating: constraints.rating,
      requiredElements: cleanList(constraints.requiredElements, true),
      avoidElements: cleanList(constraints.avoidElements, true),
      contentRules: cleanList(constraints.contentRules, false),
    }),
    seedSource: config.seedSource,
    seed: input.seed,
    version: config.version ?? 1,
    fromScene: cleanScene(input.fromScene),
    toScene: cleanScene(input.toScene),
    playthroughId: config.strategy === 'per_playthrough' ? input.playthroughId : undefined,
    playerId: config.strategy === 'per_player' ? input.playerId : undefined,
    socialContext:
      social === null
        ? undefined
        : compact({
            intimacyLevelId: trimmed(social.intimacyLevelId),
            relationshipTierId: trimmed(social.relationshipTierId),
            intimacyBand: social.intimacyBand,
            contentRating: social.contentRating,
            npcIds: [...new Set(social.npcIds ?? [])].sort((a, b) => a - b),
          }),
    modelParams: input.modelParams,
  });
}
