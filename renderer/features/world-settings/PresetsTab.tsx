import type { Npc, PlaythroughPreset } from '../../../core/domain/project-document';
import type { RelationshipSchema } from '../../../core/domain/relationship-schema';
import { ValuesEditor } from './ValuesEditor';

/** Playthrough presets (project-format.md §2.4): the preview's test contexts. */
export function PresetsTab(props: { presets: PlaythroughPreset[]; npcs: Npc[]; schema: RelationshipSchema; newId(): string; onChange(presets: PlaythroughPreset[]): void }) {
  const { presets } = props;
  const update = (id: string, patch: Partial<PlaythroughPreset>) => props.onChange(presets.map((p) => (p.id === id ? { ...p, ...patch } : p)));
  return (
    <div className="fx-stack" data-testid="world-presets">
      {presets.length === 0 ? <p className="muted">No playthrough presets yet. The preview panel offers them as test contexts.</p> : null}
      {presets.map((preset) => (
        <fieldset key={preset.id} className="fx-card" data-testid={`world-preset-${preset.id}`}>
          <legend>
            <code>{preset.id}</code>
          </legend>
          <div className="fx-form-row">
            <label className="fx-field">
              <span>Name</span>
              <input value={preset.name} onChange={(e) => update(preset.id, { name: e.target.value })} />
            </label>
            <label className="fx-field">
              <span>Playthrough id</span>
              <input value={preset.playthroughId} aria-invalid={preset.playthroughId === '' || undefined} onChange={(e) => update(preset.id, { playthroughId: e.target.value })} />
            </label>
            <label className="fx-field">
              <span>Player id</span>
              <input value={preset.playerId} aria-invalid={preset.playerId === '' || undefined} onChange={(e) => update(preset.id, { playerId: e.target.value })} />
            </label>
            <button type="button" className="btn btn-danger btn-small" onClick={() => props.onChange(presets.filter((p) => p.id !== preset.id))}>
              Remove
            </button>
          </div>
          {props.npcs.length === 0 ? (
            <p className="muted">Add NPCs to give this preset relationship values.</p>
          ) : (
            props.npcs.map((npc) => (
              <div key={npc.id} className="fx-preset-row">
                <span className="fx-preset-npc">{npc.name || `NPC ${npc.id}`}</span>
                <ValuesEditor
                  schema={props.schema}
                  label={`${npc.name} values`}
                  values={preset.npcValues[String(npc.id)] ?? {}}
                  onChange={(values) => update(preset.id, { npcValues: { ...preset.npcValues, [String(npc.id)]: values } })}
                />
              </div>
            ))
          )}
        </fieldset>
      ))}
      <button
        type="button"
        className="btn"
        data-testid="world-add-preset"
        onClick={() => {
          const n = presets.length + 1;
          props.onChange([...presets, { id: props.newId(), name: `Playthrough ${n}`, playthroughId: `playthrough-${n}`, playerId: `player-${n}`, npcValues: {} }]);
        }}
      >
        Add playthrough preset
      </button>
    </div>
  );
}
