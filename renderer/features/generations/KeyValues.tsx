import type { ReactNode } from 'react';

/** A definition list of label → value pairs; absent values read as a dash. */
export function KeyValues(props: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="fx-kv">
      {props.rows.map(([key, value]) => (
        <div key={key} className="fx-kv-row">
          <dt>{key}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}
