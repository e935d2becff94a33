import type { ResultRow } from './verdict';

// The printed table: one line per measure, figure and floor in their unit, ratio, target and verdict.

function formatNumber(value: number | null): string {
  if (value === null) return '—';
  const abs = Math.abs(value);
  if (abs >= 1000) return value.toFixed(0);
  if (abs >= 100) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

function withUnit(value: number | null, unit: string): string {
  return value === null ? '—' : `${formatNumber(value)} ${unit}`;
}

export function formatTable(rows: readonly ResultRow[]): string {
  const header = ['measure', 'figure', 'floor', 'ratio', 'target', 'verdict'];
  const lines = rows.map((r) => [
    r.name,
    withUnit(r.figure, r.unit),
    withUnit(r.floor, r.unit),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.reason === undefined || r.status === 'PASS' ? r.status : `${r.status} ${r.reason}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (i === 5 ? 0 : l[i]!.length))));
  const render = (cells: string[]) => cells.map((c, i) => (i === 5 ? c : c.padEnd(widths[i]!))).join(' | ');
  return [render(header), widths.map((w, i) => '-'.repeat(i === 5 ? 7 : w)).join('-|-'), ...lines.map(render)].join('\n');
}

/** The same table as Markdown, for the README. */
export function formatMarkdown(rows: readonly ResultRow[]): string {
  const out = ['| measure | figure | floor | ratio | target | verdict |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const verdict = r.reason === undefined || r.status === 'PASS' ? r.status : `${r.status}: ${r.reason}`;
    out.push(
      `| ${r.name} | ${withUnit(r.figure, r.unit)} | ${withUnit(r.floor, r.unit)} | ${r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`} | ${r.target} | ${verdict} |`,
    );
  }
  return out.join('\n');
}
