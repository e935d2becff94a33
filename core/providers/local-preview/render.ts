import type { OperationType } from '../../domain';

// providers.md §8.1: deterministic preview content. Same (operation, params, seed) → same bytes.

export type PreviewSpec = {
  operation: OperationType;
  seed: number;
  prompt: string;
  generationType?: string;
  moodFrom?: string;
  moodTo?: string;
  contentRating?: string;
};

const PHRASES = [
  'The lantern light wavers as the scene settles.',
  'Somewhere beyond the door, footsteps hesitate.',
  'A cool draft carries the smell of rain.',
  'The silence stretches, then breaks with a soft laugh.',
  'Dust turns slowly in a single beam of light.',
  'Distant bells mark the turning of the hour.',
  'Every gaze in the room drifts toward the window.',
  'The fire crackles, throwing long shadows across the floor.',
  'A half-remembered tune hangs in the air.',
  'The road ahead bends out of sight beneath the trees.',
  'Rain taps a patient rhythm against the glass.',
  'For a moment, nobody dares to speak.',
] as const;

/** mulberry32: small, fast and identical on every platform. */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedHex(seed: number): string {
  return (seed >>> 0).toString(16).padStart(8, '0');
}

export function renderPreviewText(spec: PreviewSpec): string {
  const random = createPrng(spec.seed);
  const count = 1 + Math.floor(random() * 3);
  const sentences = Array.from({ length: count }, () => PHRASES[Math.floor(random() * PHRASES.length)]!);
  return `[preview ${seedHex(spec.seed)}] ${sentences.join(' ')} — ${spec.prompt.slice(0, 200)}`;
}

// XML 1.0 forbids most control characters even when escaped; they are dropped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function colour(random: () => number): string {
  const channel = () => Math.floor(40 + random() * 180).toString(16).padStart(2, '0');
  return `#${channel()}${channel()}${channel()}`;
}

export function renderPreviewSvg(spec: PreviewSpec): string {
  const random = createPrng(spec.seed);
  const from = colour(random);
  const to = colour(random);
  const lines: string[] = [spec.operation];
  if (spec.generationType !== undefined) lines.push(spec.generationType);
  if (spec.moodFrom !== undefined || spec.moodTo !== undefined) lines.push(`${spec.moodFrom ?? '?'} → ${spec.moodTo ?? '?'}`);
  if (spec.contentRating !== undefined) lines.push(spec.contentRating);
  lines.push(`seed ${spec.seed}`, spec.prompt.slice(0, 80));
  const text = lines
    .map((line, index) => `<text x="24" y="${48 + index * 36}" font-family="sans-serif" font-size="22" fill="#ffffff">${escapeXml(line)}</text>`)
    .join('');
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">' +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="640" height="360" fill="url(#bg)"/>${text}</svg>`
  );
}
