import type { GenerationInput, GenerationSocialContext } from '../domain';
import type { GenerationRow } from './generation-row';

// Columns the lifecycle writes after insert (engine.md §4.2); a new row starts them at their initial values.
type LifecycleColumn =
  | 'status' | 'updatedAt' | 'startedAt' | 'completedAt' | 'attemptCount' | 'providerJobId' | 'progress' | 'result'
  | 'errorCode' | 'errorClass' | 'errorMessage' | 'costUsd' | 'tokensIn' | 'tokensOut' | 'costSource';
type EncodedColumn = 'preview' | 'request' | 'canonicalParams' | 'inputs' | 'socialContext';

// The insert-time fields of a generation (generation.md §3), shared by create() and retry(): the row's
// other columns, with the encoded ones in their decoded form.
export type NewGenerationFields = Omit<GenerationRow, LifecycleColumn | EncodedColumn> & {
  preview: boolean;
  request: Record<string, unknown>;
  canonicalParams: Record<string, unknown>;
  inputs: GenerationInput[];
  socialContext: GenerationSocialContext | null;
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
