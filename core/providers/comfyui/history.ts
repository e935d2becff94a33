import { z } from 'zod';
import { ProviderError } from '../adapter';
import type { ProviderUpdate } from '../adapter';
import { emptyOutputError } from '../output';
import { cutProviderMessage } from '../redact';
import type { Redactor } from '../redact';

// providers.md §8.3: reading GET /history/<prompt_id> and choosing the output file.

const FileSchema = z.object({ filename: z.string().min(1), subfolder: z.string().optional(), type: z.string().optional() });
export type ComfyFile = { filename: string; subfolder: string; type: string };

export const HistorySchema = z.record(
  z.string(),
  z.object({
    status: z.object({ status_str: z.string(), completed: z.boolean(), messages: z.array(z.unknown()).optional() }).optional(),
    outputs: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  }),
);
type HistoryEntry = z.infer<typeof HistorySchema>[string];

function filesOf(node: Record<string, unknown>, order: readonly string[]): ComfyFile[] {
  for (const key of order) {
    const parsed = z.array(FileSchema).safeParse(node[key]);
    if (parsed.success && parsed.data.length > 0) {
      return parsed.data.map((file) => ({ filename: file.filename, subfolder: file.subfolder ?? '', type: file.type ?? 'output' }));
    }
  }
  return [];
}

/** The files of `outputNodeId`, else of the lowest numeric node id that has files. */
export function selectOutputFile(
  outputs: Record<string, Record<string, unknown>>,
  video: boolean,
  outputNodeId: string | undefined,
): ComfyFile | undefined {
  const order = video ? ['videos', 'gifs', 'images'] : ['images', 'gifs', 'videos'];
  if (outputNodeId !== undefined && outputs[outputNodeId] !== undefined) {
    const preferred = filesOf(outputs[outputNodeId], order);
    if (preferred.length > 0) return preferred[0];
  }
  const ids = Object.keys(outputs)
    .filter((id) => /^\d+$/.test(id))
    .sort((a, b) => Number(a) - Number(b));
  for (const id of ids) {
    const files = filesOf(outputs[id]!, order);
    if (files.length > 0) return files[0];
  }
  return undefined;
}

function executionError(entry: HistoryEntry): string | undefined {
  for (const message of entry.status?.messages ?? []) {
    if (Array.isArray(message) && message[0] === 'execution_error' && typeof message[1] === 'object' && message[1] !== null) {
      const text = (message[1] as Record<string, unknown>).exception_message;
      if (typeof text === 'string') return text;
    }
  }
  return undefined;
}

export function updateFromHistory(
  history: z.infer<typeof HistorySchema>,
  promptId: string,
  options: { video: boolean; outputNodeId: string | undefined; redact: Redactor },
): ProviderUpdate {
  const entry = Object.hasOwn(history, promptId) ? history[promptId] : undefined;
  if (entry === undefined || entry.status === undefined) return { status: 'processing' };
  const { status_str: state, completed } = entry.status;
  if (state === 'error') {
    const message = executionError(entry);
    return message === undefined ? { status: 'failed' } : { status: 'failed', errorMessage: cutProviderMessage(message, options.redact) };
  }
  if (state === 'filtered') return { status: 'filtered' };
  if (!completed) return { status: 'processing' };
  if (state !== 'success') {
    throw new ProviderError('bad_response', 'GET /history: the job status is not known', { reason: 'unmapped_status' });
  }
  const file = selectOutputFile(entry.outputs ?? {}, options.video, options.outputNodeId);
  if (file === undefined) throw emptyOutputError('GET /history');
  return { status: 'completed', progress: 1, resultRef: file };
}
