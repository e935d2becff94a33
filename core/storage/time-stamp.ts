/** `yyyymmddThhmmss` in UTC, the suffix of backups and quarantined files (engine.md §4.1, §4.3). */
export function compactTimestamp(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
