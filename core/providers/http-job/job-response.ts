import type { HttpJobMapping, ProviderJobStatus } from '../../domain';
import { ProviderError } from '../adapter';
import type { ProviderUpdate, Usage } from '../adapter';
import { getJsonPointer } from '../json-pointer';
import { emptyOutputError } from '../output';
import { cutProviderMessage } from '../redact';
import type { Redactor } from '../redact';

// providers.md §8.4: reading a submit or poll response through the mapping's pointers.

export type HttpJobResultRef = { url?: string; text?: string; base64?: string; mediaType?: string; usage?: Usage };

function mappedStatus(mapping: HttpJobMapping, raw: unknown, what: string): ProviderJobStatus {
  const key = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
  if (key === undefined || !Object.hasOwn(mapping.statusMap, key)) {
    throw new ProviderError('bad_response', `${what}: the job status is not in the status map`, { reason: 'unmapped_status' });
  }
  return mapping.statusMap[key]!;
}

function progressAt(document: unknown, pointer: string | undefined): number | undefined {
  if (pointer === undefined) return undefined;
  const value = getJsonPointer(document, pointer);
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const fraction = value > 1 ? value / 100 : value;
  return Math.min(1, Math.max(0, fraction));
}

function numberAt(document: unknown, pointer: string | undefined): number | undefined {
  if (pointer === undefined) return undefined;
  const value = getJsonPointer(document, pointer);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringAt(document: unknown, pointer: string | undefined): string | undefined {
  if (pointer === undefined) return undefined;
  const value = getJsonPointer(document, pointer);
  return typeof value === 'string' ? value : undefined;
}

export function usageFrom(document: unknown, mapping: HttpJobMapping): Usage | undefined {
  const usage: Usage = {};
  const costUsd = numberAt(document, mapping.usage?.costUsdPointer);
  const tokensIn = numberAt(document, mapping.usage?.tokensInPointer);
  const tokensOut = numberAt(document, mapping.usage?.tokensOutPointer);
  if (costUsd !== undefined) usage.costUsd = costUsd;
  if (tokensIn !== undefined) usage.tokensIn = tokensIn;
  if (tokensOut !== undefined) usage.tokensOut = tokensOut;
  return Object.keys(usage).length === 0 ? undefined : usage;
}

function resultRefFrom(document: unknown, mapping: HttpJobMapping, usage: Usage | undefined, what: string): HttpJobResultRef {
  const { result } = mapping;
  const ref: HttpJobResultRef = {};
  const url = stringAt(document, result.urlPointer);
  const text = stringAt(document, result.textPointer);
  const base64 = stringAt(document, result.base64Pointer);
  if (url !== undefined) ref.url = url;
  else if (text !== undefined) ref.text = text;
  else if (base64 !== undefined) ref.base64 = base64;
  else throw emptyOutputError(what);
  const mediaType = stringAt(document, result.mediaTypePointer);
  if (mediaType !== undefined) ref.mediaType = mediaType;
  if (usage !== undefined) ref.usage = usage;
  return ref;
}

/**
 * The update a response describes. A submit response without a status is `pending`; a poll response
 * must carry a mapped one.
 */
export function updateFromResponse(
  document: unknown,
  mapping: HttpJobMapping,
  redact: Redactor,
  what: string,
  options: { statusOptional: boolean },
): ProviderUpdate {
  const raw = getJsonPointer(document, mapping.statusPointer);
  if (raw === undefined && options.statusOptional) return { status: 'pending' };
  const status = mappedStatus(mapping, raw, what);
  const update: ProviderUpdate = { status };
  const progress = progressAt(document, mapping.progressPointer);
  if (progress !== undefined) update.progress = progress;
  const usage = usageFrom(document, mapping);
  if (usage !== undefined) update.usage = usage;
  const errorText = stringAt(document, mapping.errorPointer);
  if (errorText !== undefined && status !== 'completed') update.errorMessage = cutProviderMessage(errorText, redact);
  if (status === 'completed') update.resultRef = resultRefFrom(document, mapping, usage, what);
  return update;
}
