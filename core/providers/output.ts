import { EXTENSION_MEDIA_TYPES } from '../domain';
import { ProviderError } from './adapter';
import type { ProviderOutput, ProviderOutputKind, Usage } from './adapter';

// providers.md §1: the output media types the engine stores. Anything else, an empty output or text
// over 1 MiB is `bad_response`.

export const ACCEPTED_MEDIA_TYPES = [
  'image/svg+xml',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/webm',
  'audio/mpeg',
  'audio/wav',
  'audio/ogg',
  'text/plain',
] as const;

export const MAX_TEXT_BYTES = 1024 * 1024;

export function extensionForMediaType(mediaType: string): string {
  const found = Object.entries(EXTENSION_MEDIA_TYPES).find(([, type]) => type === mediaType);
  return found === undefined ? 'bin' : found[0];
}

/** `image/png; charset=x` → `image/png`, lower-cased; undefined for a missing header. */
export function essenceOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return essence === '' ? undefined : essence;
}

export function isAcceptedMediaType(mediaType: string): boolean {
  return (ACCEPTED_MEDIA_TYPES as readonly string[]).includes(mediaType);
}

function kindOf(mediaType: string): ProviderOutputKind {
  if (mediaType === 'text/plain') return 'text';
  return mediaType.slice(0, mediaType.indexOf('/')) as ProviderOutputKind;
}

function withUsage(output: ProviderOutput, usage: Usage | undefined): ProviderOutput {
  return usage === undefined ? output : { ...output, usage };
}

export function emptyOutputError(what: string): ProviderError {
  return new ProviderError('bad_response', `${what}: completed without content`, { reason: 'empty_output' });
}

/** A text output: trimmed, not empty, at most 1 MiB. */
export function textOutput(text: string, what: string, usage?: Usage): ProviderOutput {
  const trimmed = text.trim();
  if (trimmed === '') throw emptyOutputError(what);
  if (Buffer.byteLength(trimmed, 'utf8') > MAX_TEXT_BYTES) {
    throw new ProviderError('bad_response', `${what}: the text is larger than 1 MiB`, { reason: 'text_too_large' });
  }
  return withUsage({ kind: 'text', mediaType: 'text/plain', text: trimmed }, usage);
}

/** A binary output of an accepted media type; text/plain bytes become a text output. */
export function mediaOutput(bytes: Uint8Array, mediaType: string | undefined, what: string, usage?: Usage): ProviderOutput {
  if (mediaType === undefined || !isAcceptedMediaType(mediaType)) {
    throw new ProviderError('bad_response', `${what}: media type '${mediaType ?? 'unknown'}' is not accepted`, { reason: 'media_type' });
  }
  if (bytes.byteLength === 0) throw emptyOutputError(what);
  if (mediaType === 'text/plain') return textOutput(Buffer.from(bytes).toString('utf8'), what, usage);
  return withUsage({ kind: kindOf(mediaType), mediaType, bytes }, usage);
}
