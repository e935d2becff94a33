import type { Generation, GenerationInput, GenerationResult, GenerationSocialContext } from '../domain';
import { isoTime } from '../storage';
import { deepFreeze } from './deep-freeze';

// The `generations` table row (engine.md §4.2) and its mapping to the record of generation.md §3.
export type GenerationRow = {
  id: string;
  projectId: string;
  nodeId: string;
  worldId: string | null;
  providerId: string;
  operation: string;
  generationType: string;
  purpose: string;
  strategy: string;
  priority: number;
  preview: number;
  request: string;
  canonicalParams: string;
  inputs: string;
  hash: string;
  cacheKey: string | null;
  seed: number;
  finalPrompt: string;
  promptSource: string;
  promptVersionId: string | null;
  socialContext: string | null;
  playthroughId: string | null;
  playerId: string | null;
  parentGenerationId: string | null;
  retryCount: number;
  estimatedCostUsd: number;
  createdAt: number;
  status: string;
  updatedAt: number;
  startedAt: number | null;
  completedAt: number | null;
  attemptCount: number;
  providerJobId: string | null;
  progress: number | null;
  result: string | null;
  errorCode: string | null;
  errorClass: string | null;
  errorMessage: string | null;
  costUsd: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
  costSource: string;
};

export const GENERATION_COLUMNS = [
  'id', 'projectId', 'nodeId', 'worldId', 'providerId', 'operation', 'generationType', 'purpose', 'strategy',
  'priority', 'preview', 'request', 'canonicalParams', 'inputs', 'hash', 'cacheKey', 'seed', 'finalPrompt',
  'promptSource', 'promptVersionId', 'socialContext', 'playthroughId', 'playerId', 'parentGenerationId',
  'retryCount', 'estimatedCostUsd', 'createdAt', 'status', 'updatedAt', 'startedAt', 'completedAt',
  'attemptCount', 'providerJobId', 'progress', 'result', 'errorCode', 'errorClass', 'errorMessage', 'costUsd',
  'tokensIn', 'tokensOut', 'costSource',
] as const satisfies ReadonlyArray<keyof GenerationRow>;

const time = (ms: number | null): string | null => (ms === null ? null : isoTime(ms));

type JsonParts = Pick<Generation, 'request' | 'canonicalParams' | 'inputs' | 'socialContext' | 'result'>;

function parseParts(row: GenerationRow): JsonParts {
  return {
    request: JSON.parse(row.request) as Record<string, unknown>,
    canonicalParams: JSON.parse(row.canonicalParams) as Record<string, unknown>,
    inputs: JSON.parse(row.inputs) as GenerationInput[],
    socialContext: row.socialContext === null ? null : (JSON.parse(row.socialContext) as GenerationSocialContext),
    result: row.result === null ? null : (JSON.parse(row.result) as GenerationResult),
  };
}

// A completed row never changes, and reuse hands the same kept row out again and again: its JSON columns are
// parsed once and shared, frozen, by every record made from it (a caller can read them, never change them).
const sharedParts = new WeakMap<GenerationRow, JsonParts>();

/** rowToGeneration for a kept completed row (generation-store.ts), sharing its parsed, frozen JSON parts. */
export function completedRowToGeneration(row: GenerationRow): Generation {
  if (row.status !== 'completed') return rowToGeneration(row);
  let parts = sharedParts.get(row);
  if (parts === undefined) {
    parts = deepFreeze(parseParts(row));
    sharedParts.set(row, parts);
  }
  return recordOf(row, parts);
}

export function rowToGeneration(row: GenerationRow): Generation {
  return recordOf(row, parseParts(row));
}

function recordOf(row: GenerationRow, parts: JsonParts): Generation {
  return {
    id: row.id,
    projectId: row.projectId,
    nodeId: row.nodeId,
    worldId: row.worldId,
    providerId: row.providerId,
    operation: row.operation as Generation['operation'],
    generationType: row.generationType as Generation['generationType'],
    purpose: row.purpose as Generation['purpose'],
    strategy: row.strategy as Generation['strategy'],
    priority: row.priority,
    preview: row.preview === 1,
    request: parts.request,
    canonicalParams: parts.canonicalParams,
    inputs: parts.inputs,
    hash: row.hash,
    cacheKey: row.cacheKey,
    seed: row.seed,
    finalPrompt: row.finalPrompt,
    promptSource: row.promptSource as Generation['promptSource'],
    promptVersionId: row.promptVersionId,
    socialContext: parts.socialContext,
    playthroughId: row.playthroughId,
    playerId: row.playerId,
    parentGenerationId: row.parentGenerationId,
    retryCount: row.retryCount,
    estimatedCostUsd: row.estimatedCostUsd,
    createdAt: isoTime(row.createdAt),
    status: row.status as Generation['status'],
    updatedAt: isoTime(row.updatedAt),
    startedAt: time(row.startedAt),
    completedAt: time(row.completedAt),
    durationMs: row.completedAt !== null && row.startedAt !== null ? row.completedAt - row.startedAt : null,
    queueMs: row.startedAt !== null ? row.startedAt - row.createdAt : null,
    attemptCount: row.attemptCount,
    providerJobId: row.providerJobId,
    progress: row.progress,
    result: parts.result,
    errorCode: row.errorCode,
    errorClass: row.errorClass as Generation['errorClass'],
    errorMessage: row.errorMessage,
    costUsd: row.costUsd,
    tokensIn: row.tokensIn,
    tokensOut: row.tokensOut,
    costSource: row.costSource as Generation['costSource'],
  };
}
