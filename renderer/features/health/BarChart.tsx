import { useState } from 'react';
import { integerMax, niceMax, type ChartGroup, type ChartSeries } from './health-logic';

// studio-ui.md §6: an inline-SVG grouped bar chart with an aria-label and a table equivalent. No chart
// library: the renderer's CSP forbids eval, and a few rects are all this needs.

const BAR = 10;
const GAP = 4;
const GROUP_GAP = 18;
const LEFT = 150;
const WIDTH = 560;
const TICKS = 4;

export function BarChart(props: {
  title: string;
  testId: string;
  series: ChartSeries[];
  groups: ChartGroup[];
  format(value: number): string;
  emptyText: string;
  /** Counts: the axis ends on a multiple of the tick count so every tick is a whole number. */
  integer?: boolean;
}) {
  const [asTable, setAsTable] = useState(false);
  const { series, groups } = props;
  const values = groups.flatMap((g) => series.map((s) => g.values[s.key] ?? null));
  const max = props.integer ? integerMax(values, TICKS) : niceMax(values);
  const groupHeight = series.length * (BAR + GAP) + GROUP_GAP;
  const height = Math.max(1, groups.length) * groupHeight + 24;
  const plot = WIDTH - LEFT - 60;
  const summary = groups
    .map((g) => `${g.label}: ${series.map((s) => `${s.label} ${g.values[s.key] === null || g.values[s.key] === undefined ? 'no data' : props.format(g.values[s.key] as number)}`).join(', ')}`)
    .join('; ');

  return (
    <figure className="fx-chart" data-testid={props.testId}>
      <figcaption className="fx-section-header">
        <h3>{props.title}</h3>
        <div className="fx-section-actions">
          <ul className="fx-legend" aria-hidden="true">
            {series.map((s, i) => (
              <li key={s.key}>
                <span className={`fx-swatch fx-series-${i}`} /> {s.label}
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-small" aria-pressed={asTable} data-testid={`${props.testId}-toggle`} onClick={() => setAsTable(!asTable)}>
            {asTable ? 'Show chart' : 'Show table'}
          </button>
        </div>
      </figcaption>
      {groups.length === 0 ? (
        <p className="muted fx-pad">{props.emptyText}</p>
      ) : asTable ? (
        <table className="fx-table" aria-label={props.title}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.label}>
                <th scope="row">{g.label}</th>
                {series.map((s) => {
                  const v = g.values[s.key];
                  return <td key={s.key}>{v === null || v === undefined ? '—' : props.format(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <svg className="fx-chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${props.title}. ${summary}`}>
          {Array.from({ length: TICKS + 1 }, (_, i) => {
            const x = LEFT + (plot * i) / TICKS;
            return (
              <g key={i}>
                <line className="fx-chart-grid" x1={x} x2={x} y1={0} y2={height - 20} />
                <text className="fx-chart-tick" x={x} y={height - 6} textAnchor="middle">
                  {props.format((max * i) / TICKS)}
                </text>
              </g>
            );
          })}
          {groups.map((g, gi) => {
            const top = gi * groupHeight + 4;
            return (
              <g key={g.label}>
                <text className="fx-chart-label" x={LEFT - 8} y={top + (series.length * (BAR + GAP)) / 2 + 3} textAnchor="end">
                  {g.label.length > 22 ? `${g.label.slice(0, 21)}…` : g.label}
                </text>
                {series.map((s, si) => {
                  const v = g.values[s.key];
                  const y = top + si * (BAR + GAP);
                  const w = v === null || v === undefined ? 0 : Math.max(1, (plot * v) / max);
                  return (
                    <g key={s.key}>
                      <rect className={`fx-series-${si}`} x={LEFT} y={y} width={w} height={BAR} rx={2} />
                      <text className="fx-chart-value" x={LEFT + w + 4} y={y + BAR - 1}>
                        {v === null || v === undefined ? 'n/a' : props.format(v)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
