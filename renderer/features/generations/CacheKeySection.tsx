import { CopyButton } from '../shared/CopyButton';
import { formatTime } from '../shared/format';
import { DetailSection } from './DetailSection';
import type { GenerationDetail } from './generations-store';
import { KeyValues } from './KeyValues';
import { useGenerationsStoreApi } from './use-generations';

/** The cache key with copy and "Explain" (cache.explain): parsed parts, TTL and every entry with its servability. */
export function CacheKeySection(props: { detail: GenerationDetail }) {
  const api = useGenerationsStoreApi();
  const { generation: g, explanation } = props.detail;
  return (
    <DetailSection
      title="Cache key"
      testId="gen-detail-cache-key"
      actions={
        g.cacheKey ? (
          <>
            <CopyButton text={g.cacheKey} label="Copy cache key" />
            <button type="button" className="btn btn-small" data-testid="gen-detail-explain" onClick={() => void api.getState().explain(props.detail)}>
              Explain
            </button>
          </>
        ) : null
      }
    >
      <code className="fx-mono fx-wrap">{g.cacheKey ?? 'none (strategy "always" is never cached)'}</code>
      {explanation ? (
        <div className="fx-explain" data-testid="gen-detail-explanation">
          <KeyValues
            rows={[
              ['Operation', explanation.parsed.operation],
              ['Purpose', explanation.parsed.purpose],
              ['Scenes', `${explanation.parsed.fromSceneId ?? 'none'} → ${explanation.parsed.toSceneId ?? 'none'}`],
              ['Strategy', explanation.parsed.strategy],
              ['Rating', explanation.parsed.contentRating],
              ['Version', `v${explanation.parsed.version}`],
              ['TTL', explanation.ttlSeconds === null ? 'never cached' : `${explanation.ttlSeconds} s`],
            ]}
          />
          {explanation.entries.length === 0 ? (
            <p className="muted">No cache entry under this key.</p>
          ) : (
            <table className="fx-table">
              <thead>
                <tr>
                  <th>Generation</th>
                  <th>Written</th>
                  <th>Expires</th>
                  <th>Servable</th>
                </tr>
              </thead>
              <tbody>
                {explanation.entries.map((e) => (
                  <tr key={`${e.nodeId}-${e.generationId}`} data-servable={e.servable}>
                    <td>
                      <code>{e.generationId}</code>
                    </td>
                    <td>{formatTime(e.writtenAt)}</td>
                    <td>{formatTime(e.expiresAt)}</td>
                    <td>{e.servable ? 'yes' : `no: ${e.notServableReason ?? 'unknown'}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ) : null}
    </DetailSection>
  );
}
