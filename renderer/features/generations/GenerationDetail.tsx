import { useGraphStore, useSessionStore, useStudio } from '../../stores/context';
import { CopyButton } from '../shared/CopyButton';
import { EmptyState } from '../shared/EmptyState';
import { formatDuration, formatTime, formatUsd } from '../shared/format';
import { ResultView } from '../shared/ResultView';
import { StatusBadge } from '../shared/StatusBadge';
import { usePromptLibraryApi } from '../prompts/use-prompt-library';
import { CacheKeySection } from './CacheKeySection';
import { canCancel, canRetry, createdWhy, reusesOf } from './detail-logic';
import { DetailSection } from './DetailSection';
import { GenerationTimeline } from './GenerationTimeline';
import { SocialSection } from './SocialSection';
import { KeyValues } from './KeyValues';
import { useGenerations, useGenerationsStoreApi } from './use-generations';

export function GenerationDetail(props: { onClose(): void }) {
  const studio = useStudio();
  const api = useGenerationsStoreApi();
  const prompts = usePromptLibraryApi();
  const detail = useGenerations((s) => s.detail);
  const selectedId = useGenerations((s) => s.selectedId);
  const detailError = useGenerations((s) => s.detailError);
  const busy = useGenerations((s) => s.busy);
  const transport = useSessionStore((s) => s.info?.transport ?? 'browser');
  const worldSettings = useGraphStore((s) => s.document?.world.settings);
  const nodeLabel = useGraphStore((s) => (detail ? s.document?.generationNodes.find((n) => n.id === detail.generation.nodeId)?.label : undefined));

  if (!selectedId) {
    return (
      <aside className="fx-drawer" data-testid="gen-detail" aria-label="Generation details">
        <EmptyState icon="☰" title="Select a generation to view details" />
      </aside>
    );
  }
  if (!detail) {
    return (
      <aside className="fx-drawer" data-testid="gen-detail" aria-label="Generation details" aria-busy={!detailError}>
        {detailError ? <p className="fx-note fx-note-error">{detailError}</p> : <p className="muted">Loading {selectedId}…</p>}
      </aside>
    );
  }

  const g = detail.generation;
  const why = createdWhy(g);
  const reuses = reusesOf(detail.events);
  const openVersion = (versionId: string) => {
    prompts.getState().focusVersion(versionId);
    studio.ui.getState().openDock('prompts');
  };

  return (
    <aside className="fx-drawer" data-testid="gen-detail" aria-label={`Generation ${g.id}`} data-status={g.status}>
      <header className="fx-drawer-header">
        <div>
          <h3 className="fx-mono">{g.id}</h3>
          <span className="muted">
            {g.operation} via {g.providerId} · {nodeLabel ?? g.nodeId}
          </span>
        </div>
        <button type="button" className="btn btn-icon btn-ghost" aria-label="Close details" onClick={props.onClose}>
          ×
        </button>
      </header>
      <div className="fx-drawer-actions">
        {canRetry(g) ? (
          <button type="button" className="btn" data-testid="gen-detail-retry" disabled={busy} onClick={() => void api.getState().retry(g.id, worldSettings)}>
            Retry
          </button>
        ) : null}
        {canCancel(g) ? (
          <button type="button" className="btn btn-danger" data-testid="gen-detail-cancel" disabled={busy} onClick={() => void api.getState().cancel(g.id)}>
            Cancel
          </button>
        ) : null}
        <button
          type="button"
          className="btn"
          data-testid="gen-detail-open-node"
          disabled={nodeLabel === undefined}
          title={nodeLabel === undefined ? 'The node is not in the open project' : undefined}
          onClick={() => studio.selection.getState().requestFocus(g.nodeId, null)}
        >
          Open node
        </button>
        <button type="button" className="btn" data-testid="gen-detail-invalidate" disabled={busy || g.cacheKey === null} onClick={() => void api.getState().invalidate(detail)}>
          Invalidate cache key
        </button>
      </div>

      <DetailSection title="Status and timing" testId="gen-detail-status">
        <KeyValues
          rows={[
            ['Status', <StatusBadge key="s" status={g.status} />],
            ['Created', formatTime(g.createdAt)],
            ['Started', formatTime(g.startedAt)],
            ['Completed', formatTime(g.completedAt)],
            ['Duration', formatDuration(g.durationMs)],
            ['Queue time', formatDuration(g.queueMs)],
            ['Attempts', String(g.attemptCount)],
            ['Preview', g.preview ? 'yes' : 'no'],
          ]}
        />
      </DetailSection>

      <DetailSection title="Why" testId="gen-detail-why">
        <p data-source={why.source} data-reason={why.reason}>
          <span className={`fx-chip fx-source-${why.source}`}>{why.source}</span> <code>{why.reason}</code> — {why.message}
        </p>
        {why.matchedGenerationId ? (
          <button type="button" className="link-button" onClick={() => void api.getState().select(why.matchedGenerationId)}>
            Open {why.matchedGenerationId}
          </button>
        ) : null}
        {reuses.length > 0 ? (
          <p className="muted" data-testid="gen-detail-reuses">
            Served again {reuses.length} {reuses.length === 1 ? 'time' : 'times'}: {reuses.map((r) => `${r.why.source}/${r.why.reason}`).join(', ')}
          </p>
        ) : null}
      </DetailSection>

      <DetailSection title="Hash" testId="gen-detail-hash" actions={g.hash ? <CopyButton text={g.hash} label="Copy hash" /> : null}>
        <code className="fx-mono fx-wrap">{g.hash || '—'}</code>
      </DetailSection>

      <CacheKeySection detail={detail} />

      <DetailSection title="Prompt" testId="gen-detail-prompt">
        <p className="muted">
          Source: {g.promptSource}
          {g.promptVersionId ? (
            <>
              {' · '}
              <button type="button" className="link-button" data-testid="gen-detail-prompt-version" onClick={() => openVersion(g.promptVersionId ?? '')}>
                version {g.promptVersionId}
              </button>
            </>
          ) : null}
        </p>
        <pre className="fx-pre">{g.finalPrompt}</pre>
      </DetailSection>

      <SocialSection g={g} />

      <DetailSection
        title="Canonical params"
        testId="gen-detail-params"
        actions={<CopyButton text={JSON.stringify(g.canonicalParams, null, 2)} label="Copy canonical params" />}
      >
        <pre className="fx-pre">{JSON.stringify(g.canonicalParams, null, 2)}</pre>
      </DetailSection>

      <DetailSection title="Inputs">
        {g.inputs.length === 0 ? (
          <p className="muted">No input media.</p>
        ) : (
          <ul className="fx-plain-list">
            {g.inputs.map((input) => (
              <li key={`${input.role}-${input.sha256}`}>
                {input.role}: <code>{input.sha256.slice(0, 12)}</code> ({input.mediaType})
              </li>
            ))}
          </ul>
        )}
      </DetailSection>

      <DetailSection title="Result">
        <ResultView result={g.result} transport={transport} testId="gen-detail-result" />
      </DetailSection>

      {g.errorCode || g.errorMessage ? (
        <DetailSection title="Error" testId="gen-detail-error">
          <KeyValues rows={[['Code', g.errorCode], ['Class', g.errorClass], ['Message', g.errorMessage]]} />
        </DetailSection>
      ) : null}

      <DetailSection title="Cost">
        <KeyValues
          rows={[
            ['Cost', `${formatUsd(g.costUsd)} (${g.costSource})`],
            ['Estimated', formatUsd(g.estimatedCostUsd)],
            ['Tokens', g.tokensIn === null && g.tokensOut === null ? null : `${g.tokensIn ?? 0} in · ${g.tokensOut ?? 0} out`],
          ]}
        />
      </DetailSection>

      <GenerationTimeline events={detail.events} />
    </aside>
  );
}
