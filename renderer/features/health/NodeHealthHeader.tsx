/** Column titles for the metric part of the rows, aligned by the same grid. */
export function NodeHealthHeader() {
  return (
    <li className="fx-health-row-main fx-health-head" aria-hidden="true">
      <span />
      <span />
      <span>Node · scene</span>
      <span>Type · strategy</span>
      <span>Validation</span>
      <span>Last run</span>
      <span>Success</span>
      <span>p50 / p95 / p99</span>
      <span>Cost</span>
      <span>Cache</span>
    </li>
  );
}
