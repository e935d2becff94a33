import { EMPTY_LIST } from '../../lib/empty';
import { useRef } from 'react';
import type { Scene } from '../../../core/domain/project-document';
import { useGraphStore, useStudio } from '../../stores/context';

type TextField = 'title' | 'summary' | 'mood' | 'location' | 'emotionalState';
const TEXT_FIELDS: Array<{ name: TextField; label: string; multiline?: boolean; placeholder?: string }> = [
  { name: 'title', label: 'Title' },
  { name: 'summary', label: 'Summary', multiline: true },
  { name: 'mood', label: 'Mood', placeholder: 'hopeful, tense, …' },
  { name: 'location', label: 'Location' },
  { name: 'emotionalState', label: 'Emotional state' },
];

/** studio-ui.md §4.1. Scene edits go straight to the document; typing in one field is one undo step per focus. */
export function SceneEditor({ scene }: { scene: Scene }) {
  const { graph } = useStudio();
  const assets = useGraphStore((s) => s.document?.assets ?? EMPTY_LIST);
  const npcs = useGraphStore((s) => s.document?.npcs ?? EMPTY_LIST);
  const focusCount = useRef(0);
  const coalesceKey = (name: string) => `scene:${scene.id}:${name}:${focusCount.current}`;
  const update = (patch: Partial<Omit<Scene, 'id'>>, key?: string) => graph.getState().updateScene(scene.id, patch, key);
  const images = assets.filter((a) => a.mediaType.startsWith('image/'));
  const npcIds = scene.npcIds ?? [];

  return (
    <div className="scene-editor" data-testid="scene-editor">
      {TEXT_FIELDS.map(({ name, label, multiline, placeholder }) => {
        const id = `scene-field-${name}`;
        const props = {
          id,
          'data-testid': id,
          className: multiline ? 'input textarea' : 'input',
          value: scene[name] ?? '',
          placeholder,
          onFocus: () => {
            focusCount.current += 1;
          },
          onChange: (e: { target: { value: string } }) =>
            update({ [name]: name === 'title' || e.target.value !== '' ? e.target.value : undefined }, coalesceKey(name)),
        };
        return (
          <div className="field" key={name}>
            <label htmlFor={id} className="field-label">
              {label}
            </label>
            {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
          </div>
        );
      })}
      <div className="field">
        <label htmlFor="scene-field-referenceImage" className="field-label">
          Reference image
        </label>
        <select
          id="scene-field-referenceImage"
          data-testid="scene-field-referenceImage"
          className="input select"
          value={scene.referenceImage ?? ''}
          onChange={(e) => update({ referenceImage: e.target.value || undefined })}
        >
          <option value="">{images.length === 0 ? 'No image assets in this project' : 'None'}</option>
          {images.map((a) => (
            <option key={a.id} value={a.id}>
              {a.path}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field" data-testid="scene-field-npcIds">
        <legend className="field-label">NPCs in this scene</legend>
        {npcs.length === 0 ? <p className="muted">This project has no NPCs yet.</p> : null}
        <div className="check-list">
          {npcs.map((npc) => (
            <label key={npc.id} className="check-item">
              <input
                type="checkbox"
                checked={npcIds.includes(npc.id)}
                onChange={(e) => {
                  const next = e.target.checked ? [...npcIds, npc.id] : npcIds.filter((n) => n !== npc.id);
                  update({ npcIds: next.length > 0 ? next : undefined });
                }}
              />
              {npc.name}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
