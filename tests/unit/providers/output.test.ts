import { describe, expect, it } from 'vitest';
import { ACCEPTED_MEDIA_TYPES, MAX_TEXT_BYTES } from '../../../core/providers';
import { mediaTypeFromExtension } from '../../../core/domain';
import { essenceOf, mediaOutput, textOutput } from '../../../core/providers/output';

// providers.md §1: accepted media types, empty output and the 1 MiB text limit.

describe('provider outputs', () => {
  it('accepts each listed media type with the matching kind', () => {
    const kinds = ACCEPTED_MEDIA_TYPES.map((type) => mediaOutput(Buffer.from('x'), type, 'test').kind);
    expect(kinds).toEqual(['image', 'image', 'image', 'image', 'image', 'video', 'video', 'audio', 'audio', 'audio', 'text']);
  });

  it.each(['text/html', 'application/json', 'image/svg', undefined])('refuses media type %s', (type) => {
    expect(() => mediaOutput(Buffer.from('x'), type, 'test')).toThrow(expect.objectContaining({ errorClass: 'bad_response', reason: 'media_type' }));
  });

  it('calls zero bytes and blank text empty output', () => {
    expect(() => mediaOutput(new Uint8Array(0), 'image/png', 'test')).toThrow(expect.objectContaining({ reason: 'empty_output' }));
    expect(() => textOutput(' \n\t ', 'test')).toThrow(expect.objectContaining({ reason: 'empty_output' }));
  });

  it('trims text and refuses text over 1 MiB', () => {
    expect(textOutput('  hello \n', 'test')).toEqual({ kind: 'text', mediaType: 'text/plain', text: 'hello' });
    expect(textOutput('é'.repeat(MAX_TEXT_BYTES / 2), 'test').text).toHaveLength(MAX_TEXT_BYTES / 2);
    expect(() => textOutput('é'.repeat(MAX_TEXT_BYTES / 2 + 1), 'test')).toThrow(expect.objectContaining({ reason: 'text_too_large' }));
  });

  it('reads media types from headers and file extensions', () => {
    expect(essenceOf('Image/PNG; charset=binary')).toBe('image/png');
    expect(essenceOf(undefined)).toBeUndefined();
    expect(mediaTypeFromExtension('clip.MP4')).toBe('video/mp4');
    expect(mediaTypeFromExtension('noext')).toBeUndefined();
  });
});
