// The RELIABILITY.md items by area, in the order of the closing count lines, and what each line adds.
export type ItemState = { passed: number; failed: number; skipped: string[] };
export type Figure = { id: string; line: string };
export type Area = {
  label: string;
  ids: readonly string[];
  extras?: (figures: Figure[], states: Map<string, ItemState>) => string[];
};

function range(prefix: string, last: number): string[] {
  return Array.from({ length: last }, (_, index) => `${prefix}-${index + 1}`);
}

// Sums `<name>=<n>` over the FIGURE lines of the given ids; null when none printed it.
export function sumFigure(figures: Figure[], ids: readonly string[], name: string): number | null {
  let total: number | null = null;
  for (const { id, line } of figures) {
    if (!ids.includes(id)) continue;
    const match = new RegExp(`\\b${name}=(\\d+)\\b`).exec(line);
    if (match) total = (total ?? 0) + Number(match[1]);
  }
  return total;
}

const KILL_ITEMS = ['DUR-2', 'DUR-3', 'DUR-7'];

export const AREAS: readonly (readonly Area[])[] = [
  [
    { label: 'rpc boundary', ids: range('RPC', 7) },
    { label: 'electron', ids: range('EL', 9) },
    { label: 'host', ids: range('HOST', 4) },
    { label: 'faults survived', ids: range('PROV', 12) },
    { label: 'concurrency', ids: range('CONC', 7) },
  ],
  [
    {
      label: 'durability',
      ids: range('DUR', 8),
      extras: (figures) => {
        const kills = sumFigure(figures, KILL_ITEMS, 'kills');
        const survived = sumFigure(figures, KILL_ITEMS, 'survived');
        return kills === null ? [] : [`kills survived ${survived ?? 0}/${kills}`];
      },
    },
    { label: 'data safety', ids: range('DATA', 3) },
    { label: 'input safety', ids: range('IN', 7) },
    {
      label: 'secrets',
      ids: range('SEC', 4),
      extras: (figures) => {
        const leaks = sumFigure(figures, ['SEC-2'], 'leaks');
        return [`canary leaks ${leaks === null ? 'not measured' : leaks}`];
      },
    },
    { label: 'above-cap paths closed', ids: range('RATE', 7) },
  ],
];

// Items whose proof lives in another suite, named when this run has no test for them.
export const OUTSIDE_THIS_SUITE: Record<string, string> = {
  'RATE-7': 'UI path, proved in the Playwright suite (tests/e2e/panels-journeys.spec.ts › shows the clamped rating and the clamp event)',
};
