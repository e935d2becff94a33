import type { OperationType } from '../../domain';
import type { ProviderJob, ProviderJobInput } from '../adapter';
import { collectPlaceholders, renderValue } from '../templates';

// providers.md §8.3: workflow placeholders are typed values; image inputs are the names ComfyUI gave the
// uploaded files.

export const IMAGE_PLACEHOLDERS: Readonly<Record<ProviderJobInput['role'], string>> = {
  seed_image: 'inputImage',
  from_image: 'fromImage',
  to_image: 'toImage',
};

const MODEL_PARAM_PLACEHOLDERS = ['width', 'height', 'frames', 'steps', 'cfg'] as const;

export const VIDEO_OPERATIONS: readonly OperationType[] = ['text_to_video', 'image_to_video', 'video_extend', 'video_transition'];

/** The inputs whose placeholder the workflow uses; only these are uploaded. */
export function inputsToUpload(workflow: Record<string, unknown>, inputs: readonly ProviderJobInput[]): ProviderJobInput[] {
  const names = collectPlaceholders(workflow, false);
  const seen = new Set<string>();
  return inputs.filter((input) => {
    const name = IMAGE_PLACEHOLDERS[input.role];
    if (!names.has(name) || seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

export function workflowValues(job: ProviderJob, uploaded: ReadonlyMap<string, string>): Map<string, unknown> {
  const values = new Map<string, unknown>([
    ['prompt', job.prompt],
    ['seed', job.seed],
    ['negativePrompt', typeof job.modelParams.negativePrompt === 'string' ? job.modelParams.negativePrompt : ''],
  ]);
  for (const key of MODEL_PARAM_PLACEHOLDERS) {
    const value = job.modelParams[key];
    if (value !== undefined) values.set(key, value);
  }
  for (const [name, fileName] of uploaded) values.set(name, fileName);
  return values;
}

export function injectWorkflow(workflow: Record<string, unknown>, values: ReadonlyMap<string, unknown>): unknown {
  return renderValue(workflow, values, 'Workflow', false);
}

/** The engine keeps one id per job; the operation rides along so poll can pick video files (§8.3). */
export function encodeJobId(promptId: string, operation: OperationType): string {
  return `${promptId}|${operation}`;
}

export function decodeJobId(providerJobId: string): { promptId: string; video: boolean } {
  const at = providerJobId.lastIndexOf('|');
  if (at < 0) return { promptId: providerJobId, video: false };
  const operation = providerJobId.slice(at + 1) as OperationType;
  return { promptId: providerJobId.slice(0, at), video: VIDEO_OPERATIONS.includes(operation) };
}
