import type { ProviderHealth } from '../../../core/domain/telemetry-shapes';
import { formatMs, formatPercent, formatRelative, formatUsd } from '../shared/format';
import { useHealth, useHealthApi } from './use-health';

/** telemetry.md §3.1 / §6: every ProviderHealth field, newest error per class, last test, and Test. */
export function ProviderHealthTable(props: { providers: ProviderHealth[] }) {
  const api = useHealthApi();
  const tests = useHealth((s) => s.tests);
  const now = Date.now();
  return (
    <div className="fx-table-wrap">
      <table className="fx-table" data-testid="provider-health-table">
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Status</th>
            <th scope="col">Total</th>
            <th scope="col">OK / failed / cancelled</th>
            <th scope="col">Success</th>
            <th scope="col">Latency p50 / p95 / p99</th>
            <th scope="col">Queue p50</th>
            <th scope="col">Tokens in / out</th>
            <th scope="col">Cost (avg)</th>
            <th scope="col">Fallbacks</th>
            <th scope="col">In flight</th>
            <th scope="col">Errors</th>
            <th scope="col">Last test</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {props.providers.map((p) => {
            const test = tests[p.providerId];
            return (
              <tr key={p.providerId} data-testid={`provider-health-row-${p.providerId}`} data-status={p.status}>
                <th scope="row">{p.providerId}</th>
                <td>
                  <span className={`fx-badge fx-health-${p.status}`}>{p.status}</span>
                </td>
                <td data-field="total">{p.total}</td>
                <td>
                  <span data-field="completed">{p.completed}</span> / <span data-field="failed">{p.failed}</span> / <span data-field="cancelled">{p.cancelled}</span>
                </td>
                <td>{formatPercent(p.successRate)}</td>
                <td>
                  {formatMs(p.latencyMs.p50)} / {formatMs(p.latencyMs.p95)} / {formatMs(p.latencyMs.p99)}
                </td>
                <td>{formatMs(p.queueMs.p50)}</td>
                <td>
                  {p.tokensIn} / {p.tokensOut}
                </td>
                <td>
                  {formatUsd(p.costUsd)} ({formatUsd(p.avgCostUsd)})
                </td>
                <td>{p.fallbacks}</td>
                <td>
                  {p.inFlight.pending} pending · {p.inFlight.processing} running
                </td>
                <td>
                  {p.errors.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <ul className="fx-plain-list">
                      {p.errors.map((e) => (
                        <li key={e.errorClass} title={e.lastMessage}>
                          <code>{e.errorClass}</code> ×{e.count}
                          {e.lastHttpStatus !== null ? ` (HTTP ${e.lastHttpStatus})` : ''}: {e.lastMessage}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {p.lastTest ? (
                    <span title={p.lastTest.message}>
                      {p.lastTest.ok ? '✓ ok' : '✕ failed'} · {formatMs(p.lastTest.latencyMs)} · {formatRelative(p.lastTest.at, now)}
                    </span>
                  ) : (
                    <span className="muted">never</span>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    data-testid={`provider-test-${p.providerId}`}
                    disabled={test === 'running'}
                    onClick={() => void api.getState().testProvider(p.providerId)}
                  >
                    {test === 'running' ? 'Testing…' : 'Test'}
                  </button>
                  {test && test !== 'running' ? (
                    <span className={test.ok ? 'fx-ok' : 'fx-bad'} role="status">
                      {' '}
                      {test.ok ? 'OK' : 'Failed'}: {test.message}
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
