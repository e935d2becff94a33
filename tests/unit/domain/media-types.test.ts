import { describe, expect, it } from 'vitest';
import { mediaTypeFromExtension } from '../../../core/domain';

describe('mediaTypeFromExtension', () => {
  it('names the media type of a known extension, whatever its case', () => {
    expect(mediaTypeFromExtension('storm-still.svg')).toBe('image/svg+xml');
    expect(mediaTypeFromExtension('PORTRAIT.JPEG')).toBe('image/jpeg');
    expect(mediaTypeFromExtension('clip.webm')).toBe('video/webm');
  });

  it('knows nothing of unknown extensions, inherited names or names without an extension', () => {
    expect(mediaTypeFromExtension('notes.docx')).toBeUndefined();
    expect(mediaTypeFromExtension('x.constructor')).toBeUndefined();
    expect(mediaTypeFromExtension('x.__proto__')).toBeUndefined();
    expect(mediaTypeFromExtension('README')).toBeUndefined();
  });
});
