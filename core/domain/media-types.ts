// The file extensions the studio recognises and the media type each names (providers.md §1), shared by
// project assets and provider outputs whose reply carries no usable Content-Type.

export const EXTENSION_MEDIA_TYPES: Readonly<Record<string, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  txt: 'text/plain',
};

/** The media type named by a file name's extension, matched case-insensitively; undefined when unknown. */
export function mediaTypeFromExtension(fileName: string): string | undefined {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
  if (match === null) return undefined;
  const extension = match[1]!.toLowerCase();
  // Own keys only: 'x.constructor' must not find Object's constructor.
  return Object.hasOwn(EXTENSION_MEDIA_TYPES, extension) ? EXTENSION_MEDIA_TYPES[extension] : undefined;
}
