import type { NodeRun } from '../../stores/run-store';

const STATUS_LABEL = {
  idle: 'Idle',
  pending: 'Pending',
  processing: 'Processing',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
} as const;

function mediaUrl(sha256: string): string {
  // rpc.md §5: the same relative URL resolves under app://genweave in Electron and on the host in browser mode.
  return `/media/${sha256}`;
}

/** The node's last generation: status with progress ring, source, fallback mark and result thumbnail. */
export function RunBadge({ run }: { run: NodeRun | undefined }) {
  const status = run?.status ?? 'idle';
  const progress = run?.progress ?? null;
  const result = run?.status === 'completed' ? run.result : null;
  const text = result && result.origin === 'provider' && result.kind === 'text' && result.text ? result.text.slice(0, 60) : null;
  const image = result && result.origin === 'provider' && result.kind === 'image' && result.mediaSha256 ? result.mediaSha256 : null;
  return (
    <>
      <span className={`run-status run-${status}`} data-testid="gen-node-status" data-status={status} data-source={run?.source ?? undefined}>
        {status === 'processing' ? (
          <span
            className="progress-ring"
            role="progressbar"
            aria-label="Generation progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress === null ? undefined : Math.round(progress * 100)}
          />
        ) : (
          <span className="run-dot" aria-hidden="true" />
        )}
        {STATUS_LABEL[status]}
        {run?.source && run.source !== 'created' ? ` · ${run.source}` : ''}
        {run?.fallback ? <span className="run-fallback"> · fallback</span> : null}
      </span>
      {image || text ? (
        <span className="thumbnail" data-testid="gen-node-thumbnail">
          {image ? <img src={mediaUrl(image)} alt="Last result" /> : <span className="thumbnail-text">{text}</span>}
        </span>
      ) : null}
    </>
  );
}
