import type { GenerationInput, OperationType } from '../domain';
import type { ProviderJob } from '../providers';
import type { MediaStore } from '../storage';
import type { ModelParamValues } from './canonical-params';

// providers.md §1: the job an adapter receives. Inputs are read lazily from the media store.
export function buildProviderJob(input: {
  generationId: string;
  operation: OperationType;
  prompt: string;
  seed: number;
  modelParams: ModelParamValues;
  canonicalParams: Record<string, unknown>;
  inputs: readonly GenerationInput[];
  media: MediaStore;
  attempt: number;
  deadlineAt: number;
}): ProviderJob {
  const { media } = input;
  return {
    generationId: input.generationId,
    operation: input.operation,
    prompt: input.prompt,
    seed: input.seed,
    modelParams: input.modelParams,
    canonicalParams: input.canonicalParams,
    inputs: input.inputs.map((i) => ({ ...i, read: () => media.read(i.sha256, i.mediaType) })),
    attempt: input.attempt,
    deadlineAt: input.deadlineAt,
  };
}
