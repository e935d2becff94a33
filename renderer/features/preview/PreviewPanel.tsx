import '../features.css';
import { useEffect, useMemo } from 'react';
import { linkedScenes } from '../../graph/document-ops';
import { useGraphStore, useSessionStore, useStudio } from '../../stores/context';
import { useGenerationsStoreApi } from '../generations/use-generations';
import { ResultView } from '../shared/ResultView';
import { StatusBadge } from '../shared/StatusBadge';
import { ConfirmMatureDialog } from './ConfirmMatureDialog';
import { axisStep, completeContext, liveCacheKey, liveSocial, npcIdsOf, schemaOf } from './preview-logic';
import { SocialReadout } from './SocialReadout';
import { usePreview, usePreviewApi } from './use-preview';

// studio-ui.md §5: inside the generation node editor, on the editor's draft (not the applied config).

export function PreviewPanel(props: { nodeId: string; draftConfig: unknown }) {
  const { nodeId, draftConfig } = props;
  const studio = useStudio();
  const api = usePreviewApi();
  const generations = useGenerationsStoreApi();
  const document = useGraphStore((s) => s.document);
  const user = useSessionStore((s) => s.settings.user);
  const transport = useSessionStore((s) => s.info?.transport ?? 'browser');
  const stored = usePreview((s) => s.contexts[nodeId]);
  const run = usePreview((s) => s.runs[nodeId]);
  const confirmation = usePreview((s) => s.confirmation);
  const world = document?.world.settings;
  const schema = schemaOf(world);
  const npcIds = useMemo(() => npcIdsOf(draftConfig), [draftConfig]);
  const context = useMemo(() => completeContext(stored, npcIds, schema), [stored, npcIds, schema]);

  useEffect(() => api.getState().start(), [api]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void api.getState().generate(nodeId, draftConfig);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, nodeId, draftConfig]);

  const social = useMemo(() => liveSocial({ config: draftConfig, npcIds, values: context.values, world, user }), [draftConfig, npcIds, context.values, world, user]);
  const links = document ? linkedScenes(document, nodeId) : { fromScene: null, toScene: null };
  const cacheKey = liveCacheKey({
    config: draftConfig,
    fromSceneId: links.fromScene?.id ?? null,
    toSceneId: links.toScene?.id ?? null,
    playthroughId: context.playthroughId,
    playerId: context.playerId,
    contentRating: social.ok ? social.enforcement.contentRating : null,
  });

  const running = run?.phase === 'checking' || run?.phase === 'running';
  const generation = run?.generation ?? null;
  const percent = run?.progress !== null && run?.progress !== undefined ? Math.round(run.progress * 100) : null;
  const npcName = (id: number) => document?.npcs.find((n) => n.id === id)?.name ?? `NPC ${id}`;

  const openInGenerations = async (id: string) => {
    studio.ui.getState().openDock('generations');
    window.history.replaceState(null, '', `#/generations/${id}`);
    await generations.getState().select(id);
  };

  return (
    <section className="editor-section fx-preview" data-testid="preview-panel" aria-labelledby={`preview-title-${nodeId}`}>
      <header className="editor-section-header">
        <h3 id={`preview-title-${nodeId}`}>Preview</h3>
        <span className="muted">Runs the draft with a test context</span>
      </header>
      <div className="fx-form-row">
        <label className="fx-field">
          <span>Playthrough preset</span>
          <select data-testid="preview-preset" value={context.presetId} onChange={(e) => api.getState().selectPreset(nodeId, draftConfig, e.target.value)}>
            <option value="">Custom</option>
            {(document?.playthroughPresets ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name || p.id}
              </option>
            ))}
          </select>
        </label>
        <label className="fx-field">
          <span>Playthrough id</span>
          <input
            data-testid="preview-playthrough-id"
            value={context.playthroughId}
            onChange={(e) => api.getState().setIds(nodeId, draftConfig, { playthroughId: e.target.value })}
          />
        </label>
        <label className="fx-field">
          <span>Player id</span>
          <input data-testid="preview-player-id" value={context.playerId} onChange={(e) => api.getState().setIds(nodeId, draftConfig, { playerId: e.target.value })} />
        </label>
      </div>

      {npcIds.length === 0 ? (
        <p className="muted">No NPCs involved: add NPCs under Social to test relationship values.</p>
      ) : (
        npcIds.map((npcId) => (
          <fieldset key={npcId} className="fx-npc">
            <legend>{npcName(npcId)}</legend>
            {schema.axes.map((axis) => {
              const value = context.values[String(npcId)]?.[axis.id] ?? axis.min;
              const id = `preview-${nodeId}-${npcId}-${axis.id}`;
              return (
                <div key={axis.id} className="fx-slider">
                  <label htmlFor={id}>{axis.label ?? axis.id}</label>
                  <input
                    id={id}
                    type="range"
                    data-testid={`preview-axis-${npcId}-${axis.id}`}
                    min={axis.min}
                    max={axis.max}
                    step={axisStep(axis)}
                    value={value}
                    onChange={(e) => api.getState().setValue(nodeId, draftConfig, npcId, axis.id, Number(e.target.value))}
                  />
                  <output htmlFor={id}>{Number.isInteger(value) ? value : value.toFixed(2)}</output>
                </div>
              );
            })}
          </fieldset>
        ))
      )}

      <SocialReadout social={social} cacheKey={cacheKey} />

      <div className="fx-form-actions fx-preview-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="preview-generate"
          aria-keyshortcuts="Control+Enter Meta+Enter"
          disabled={running}
          onClick={() => void api.getState().generate(nodeId, draftConfig)}
        >
          {running ? 'Generating…' : 'Generate preview'}
        </button>
        {running && generation ? (
          <button type="button" className="btn btn-danger" data-testid="preview-cancel" onClick={() => void api.getState().cancel(nodeId)}>
            Cancel
          </button>
        ) : null}
      </div>

      {run && (run.phase === 'checking' || run.phase === 'running') ? (
        <div className="fx-progress" data-testid="preview-progress" data-status={generation?.status ?? 'checking'}>
          <span>{generation ? <StatusBadge status={generation.status} /> : 'Checking…'}</span>
          <div
            className="fx-progress-bar"
            role="progressbar"
            aria-label="Preview progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? 0}
          >
            <div className="fx-progress-fill" style={{ width: `${percent ?? 0}%` }} />
          </div>
          <span className="muted">{percent === null ? '' : `${percent}%`}</span>
        </div>
      ) : null}

      {run?.phase === 'error' ? (
        <p className="fx-note fx-note-error" role="alert">
          {run.error}
        </p>
      ) : null}

      {run?.phase === 'done' && generation ? (
        <div className="fx-preview-result">
          <div className="fx-preview-result-header">
            <StatusBadge status={generation.status} testId="preview-status" />
            <button type="button" className="link-button" data-testid="preview-open-generations" onClick={() => void openInGenerations(generation.id)}>
              Open in Generations
            </button>
          </div>
          {generation.status === 'completed' || generation.result ? (
            <ResultView result={generation.result} transport={transport} testId="preview-result" />
          ) : (
            <p className="fx-note fx-note-error" data-testid="preview-result" data-kind="none">
              {generation.errorMessage ?? `The preview ended ${generation.status}.`}
            </p>
          )}
        </div>
      ) : null}

      {run?.why ? (
        <p className="fx-why" data-testid="preview-why" data-source={run.why.source} data-reason={run.why.reason}>
          <span className={`fx-chip fx-source-${run.why.source}`}>{run.why.source}</span> <code>{run.why.reason}</code> {run.why.message}
        </p>
      ) : null}

      {confirmation && confirmation.nodeId === nodeId ? (
        <ConfirmMatureDialog rating={confirmation.rating} onAnswer={(accept, dontAsk) => void api.getState().confirm(accept, dontAsk)} />
      ) : null}
    </section>
  );
}
