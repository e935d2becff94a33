import type { FallbackResult, GenerationNodeConfig } from '../domain';
import type { MediaStore } from '../storage';

// generation.md §13.3: what a failed generation carries for the player. The placeholder is a fixed
// engine-supplied SVG, the same bytes every time, so it is stored once in the media store.

export const PLACEHOLDER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">' +
  '<rect width="640" height="360" fill="#2b2f3a"/>' +
  '<rect x="8" y="8" width="624" height="344" fill="none" stroke="#5c6373" stroke-width="4" stroke-dasharray="16 12"/>' +
  '<text x="320" y="188" fill="#aab1c2" font-family="sans-serif" font-size="28" text-anchor="middle">Content unavailable</text>' +
  '</svg>';

export function fallbackResult(
  config: GenerationNodeConfig | undefined,
  toSceneId: string | null,
  media: MediaStore,
): FallbackResult | null {
  const fallback = config?.fallback;
  switch (fallback?.mode) {
    case 'default_content':
      return { origin: 'fallback', kind: 'asset', fallbackMode: 'default_content', assetId: fallback.defaultContentId ?? '' };
    case 'skip':
      return { origin: 'fallback', kind: 'skip', fallbackMode: 'skip', toSceneId };
    case 'placeholder': {
      const stored = media.put(Buffer.from(PLACEHOLDER_SVG, 'utf8'), 'image/svg+xml');
      return { origin: 'fallback', kind: 'placeholder', fallbackMode: 'placeholder', mediaType: 'image/svg+xml', mediaSha256: stored.sha256 };
    }
    case 'retry':
    case undefined:
      return null;
  }
}
