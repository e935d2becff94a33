import { useRef } from 'react';
import { DEFAULT_WORLD_MAX_RATING } from '../../../core/domain/world';
import { CONTENT_RATING_LABELS, STRATEGY_LABELS } from '../../lib/labels';
import { useGraphStore, useProblemsStore, useStudio } from '../../stores/context';

/** What the inspector shows when nothing is selected. */
export function ProjectSummary() {
  const { graph, ui } = useStudio();
  const doc = useGraphStore((s) => s.document)!;
  const path = useGraphStore((s) => s.path);
  const counts = useProblemsStore((s) => s.counts);
  const focusCount = useRef(0);
  const settings = doc.world.settings;
  return (
    <div className="project-summary" data-testid="project-summary">
      <div className="field">
        <label htmlFor="project-name" className="field-label">
          Project name
        </label>
        <input
          id="project-name"
          data-testid="project-name"
          className="input"
          value={doc.name}
          onFocus={() => {
            focusCount.current += 1;
          }}
          onChange={(e) => graph.getState().renameProject(e.target.value, `project-name:${focusCount.current}`)}
        />
      </div>
      <dl className="facts">
        <dt>File</dt>
        <dd>{path ?? <span className="muted">Not saved yet</span>}</dd>
        <dt>World</dt>
        <dd>{doc.world.name}</dd>
        <dt>World rating cap</dt>
        <dd>{CONTENT_RATING_LABELS[settings.maxContentRating ?? DEFAULT_WORLD_MAX_RATING]}</dd>
        <dt>Default strategy</dt>
        <dd>{STRATEGY_LABELS[settings.defaultStrategy ?? 'once']}</dd>
        <dt>Scenes</dt>
        <dd>{doc.scenes.length}</dd>
        <dt>Generation nodes</dt>
        <dd>{doc.generationNodes.length}</dd>
        <dt>NPCs</dt>
        <dd>{doc.npcs.length}</dd>
        <dt>Problems</dt>
        <dd>
          <button type="button" className="link-button" onClick={() => ui.getState().openDock('problems')}>
            {counts.error} errors, {counts.warning} warnings, {counts.suggestion} suggestions
          </button>
        </dd>
      </dl>
      <p className="muted small">
        Select a scene or generation node to edit it. Shift-drag on the canvas selects several.
      </p>
    </div>
  );
}
