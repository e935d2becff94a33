import '../features.css';
import { useState } from 'react';
import { CONTENT_RATINGS, GENERATION_STRATEGIES, type ContentRating, type GenerationStrategy } from '../../../core/domain/vocabulary';
import type { WorldSettings } from '../../../core/domain/world';
import { CONTENT_RATING_LABELS, STRATEGY_LABELS } from '../../lib/labels';
import { useGraphStore, useStudio } from '../../stores/context';
import { Modal } from '../shared/Modal';
import { Tabs } from '../shared/Tabs';
import { NpcsTab } from './NpcsTab';
import { PresetsTab } from './PresetsTab';
import { RelationshipSchemaEditor } from './RelationshipSchemaEditor';
import { applyDraft, draftFromDocument, editableSchema, newPresetId, schemaIssues, type WorldDraft } from './world-draft';

// studio-ui.md §10: General, Relationship schema, NPCs, Playthrough presets; Save is one undo step.

type Tab = 'general' | 'schema' | 'npcs' | 'presets';

function withSetting<K extends keyof WorldSettings>(settings: WorldSettings, key: K, value: WorldSettings[K] | undefined): WorldSettings {
  const next = { ...settings };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export function WorldSettingsDialog(props: { onClose(): void }) {
  const studio = useStudio();
  const document = useGraphStore((s) => s.document);
  const [draft, setDraft] = useState<WorldDraft | null>(() => (document ? draftFromDocument(document) : null));
  const [tab, setTab] = useState<Tab>('general');

  if (!document || !draft) {
    return (
      <Modal title="World settings" testId="world-settings" onClose={props.onClose}>
        <p className="muted">Open a project to edit its world.</p>
      </Modal>
    );
  }

  const schema = editableSchema(draft.settings);
  const issues = schemaIssues(draft.settings.relationshipSchema);
  const schemaValid = Object.keys(issues).length === 0;
  const presetsValid = draft.presets.every((p) => p.playthroughId !== '' && p.playerId !== '');
  const update = (patch: Partial<WorldDraft>) => setDraft({ ...draft, ...patch });

  const save = () => {
    if (!schemaValid) {
      setTab('schema');
      studio.ui.getState().toast('error', 'Fix the relationship schema before saving.');
      return;
    }
    if (!presetsValid) {
      setTab('presets');
      studio.ui.getState().toast('error', 'Every playthrough preset needs a playthrough id and a player id.');
      return;
    }
    studio.graph.getState().commit((doc) => applyDraft(doc, draft));
    studio.ui.getState().toast('success', 'World settings updated');
    props.onClose();
  };

  return (
    <Modal
      title="World settings"
      testId="world-settings"
      onClose={props.onClose}
      wide
      footer={
        <>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" data-testid="world-settings-save" aria-disabled={!schemaValid || !presetsValid} onClick={save}>
            Save
          </button>
        </>
      }
    >
      <Tabs<Tab>
        label="World settings sections"
        idPrefix="world"
        active={tab}
        onSelect={setTab}
        tabs={[
          { id: 'general', label: 'General', testId: 'world-tab-general' },
          { id: 'schema', label: 'Relationship schema', testId: 'world-tab-schema', invalid: !schemaValid },
          { id: 'npcs', label: 'NPCs', testId: 'world-tab-npcs' },
          { id: 'presets', label: 'Playthrough presets', testId: 'world-tab-presets', invalid: !presetsValid },
        ]}
      />
      <div role="tabpanel" id={`world-panel-${tab}`} aria-labelledby={`world-tab-${tab}`} className="fx-tabpanel">
        {tab === 'general' ? (
          <div className="fx-stack">
            <label className="fx-field">
              <span>World name</span>
              <input data-testid="world-name" value={draft.worldName} onChange={(e) => update({ worldName: e.target.value })} />
            </label>
            <label className="fx-field">
              <span>Maximum content rating (world cap)</span>
              <select
                data-testid="world-max-rating"
                value={draft.settings.maxContentRating ?? ''}
                onChange={(e) => update({ settings: withSetting(draft.settings, 'maxContentRating', (e.target.value || undefined) as ContentRating | undefined) })}
              >
                <option value="">Default (romantic)</option>
                {CONTENT_RATINGS.map((r) => (
                  <option key={r} value={r}>
                    {CONTENT_RATING_LABELS[r]}
                  </option>
                ))}
              </select>
              <small className="muted">Generations are clamped to the stricter of this cap and each user&apos;s own cap.</small>
            </label>
            <label className="fx-field">
              <span>Default strategy for new nodes</span>
              <select
                data-testid="world-default-strategy"
                value={draft.settings.defaultStrategy ?? ''}
                onChange={(e) => update({ settings: withSetting(draft.settings, 'defaultStrategy', (e.target.value || undefined) as GenerationStrategy | undefined) })}
              >
                <option value="">Default (once)</option>
                {GENERATION_STRATEGIES.map((s) => (
                  <option key={s} value={s}>
                    {STRATEGY_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <label className="fx-field">
              <span>Style preset id</span>
              <input
                data-testid="world-style-preset"
                value={draft.settings.stylePresetId ?? ''}
                onChange={(e) => update({ settings: withSetting(draft.settings, 'stylePresetId', e.target.value || undefined) })}
              />
            </label>
          </div>
        ) : null}
        {tab === 'schema' ? (
          <RelationshipSchemaEditor
            schema={schema}
            isDefault={draft.settings.relationshipSchema === undefined}
            onChange={(next) => update({ settings: { ...draft.settings, relationshipSchema: next } })}
            onReset={() => update({ settings: withSetting(draft.settings, 'relationshipSchema', undefined) })}
          />
        ) : null}
        {tab === 'npcs' ? <NpcsTab npcs={draft.npcs} assets={document.assets} schema={schema} onChange={(npcs) => update({ npcs })} /> : null}
        {tab === 'presets' ? (
          <PresetsTab presets={draft.presets} npcs={draft.npcs} schema={schema} newId={() => newPresetId(document, draft)} onChange={(presets) => update({ presets })} />
        ) : null}
      </div>
    </Modal>
  );
}
