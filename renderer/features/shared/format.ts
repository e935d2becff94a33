// Display formats shared by the panels. Pure; "now" is always passed in so tests control the clock.

/** The last 8 characters: generation ids start with a time prefix, so their tails are what tells them apart. */
export function shortId(id: string): string {
  return id.length <= 8 ? id : id.slice(-8);
}

/** studio-ui.md §7: `<s.ss>s`, or an em dash when the generation never ran. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return `${(ms / 1000).toFixed(2)}s`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** telemetry.md §4: rates are shown with one decimal of a percent; null means nothing to divide. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return '—';
  if (usd === 0) return '$0';
  return usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

const UNITS: Array<[number, string]> = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'min'],
  [1000, 's'],
];

/** "12 s ago", "3 h ago"; times in the future (clock skew) read "just now". */
export function formatRelative(iso: string | null | undefined, now: number): string {
  if (!iso) return '—';
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return '—';
  const diff = now - at;
  if (diff < 1000) return 'just now';
  for (const [size, unit] of UNITS) {
    if (diff >= size) return `${Math.floor(diff / size)} ${unit} ago`;
  }
  return 'just now';
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  return at.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
