// studio-ui.md §4.2 and prompts.md §8: Apply raises `version` by one whenever a field that shapes output
// changed since the last Apply. Cosmetic fields (label, position, enabled) never bump.

export const OUTPUT_SHAPING_FIELDS = [
  'generationType',
  'purpose',
  'style',
  'duration',
  'constraints',
  'seedSource',
  'provider',
  'prompt',
  'modelParams',
  'socialContext',
] as const;

type Config = Record<string, unknown>;

/** JSON with sorted keys, so reordering keys is not a change. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Config).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function versionOf(config: Config): number {
  const v = config['version'];
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

export function changedShapingFields(applied: Config, draft: Config): string[] {
  return OUTPUT_SHAPING_FIELDS.filter((field) => stableJson(applied[field]) !== stableJson(draft[field]));
}

/** True when Apply would bump: output changed and the author has not already raised the version. */
export function isBumpPending(applied: Config, draft: Config): boolean {
  return changedShapingFields(applied, draft).length > 0 && versionOf(draft) <= versionOf(applied);
}

/** The config Apply writes. */
export function withVersionBump(applied: Config, draft: Config): Config {
  return isBumpPending(applied, draft) ? { ...draft, version: versionOf(applied) + 1 } : draft;
}
