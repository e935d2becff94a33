import type { GenerationInput, GenerationSocialContext } from '../domain';
import type { GenerationRow } from './generation-row';

// The insert-time fields of a generation (generation.md §3), shared by create() and retry().
export type NewGenerationFields = {
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
  preview: boolean;
  request: Record<string, unknown>;
  canonicalParams: Record<string, unknown>;
  inputs: GenerationInput[];
  hash: string;
  cacheKey: string | null;
  seed: number;
  finalPrompt: string;
  promptSource: string;
  promptVersionId: string | null;
  socialContext: GenerationSocialContext | null;
  playthroughId: string | null;
  playerId: string | null;
  parentGenerationId: string | null;
  retryCount: number;
  estimatedCostUsd: number;
  createdAt: number;
};

export function newGenerationRow(f: NewGenerationFields): GenerationRow {
  return {
    ...f,
    preview: f.preview ? 1 : 0,
    request: JSON.stringify(f.request),
    canonicalParams: JSON.stringify(f.canonicalParams),
    inputs: JSON.stringify(f.inputs),
    socialContext: f.socialContext === null ? null : JSON.stringify(f.socialContext),
    status: 'pending',
    updatedAt: f.createdAt,
    startedAt: null,
    completedAt: null,
    attemptCount: 0,
    providerJobId: null,
    progress: null,
    result: null,
    errorCode: null,
    errorClass: null,
    errorMessage: null,
    costUsd: null,
    tokensIn: null,
    tokensOut: null,
    costSource: 'none',
  };
}
