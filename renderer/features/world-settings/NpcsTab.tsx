import type { Asset, Npc } from '../../../core/domain/project-document';
import type { RelationshipSchema } from '../../../core/domain/relationship-schema';
import { ValuesEditor } from './ValuesEditor';
import { nextNpcId } from './world-draft';

export function NpcsTab(props: { npcs: Npc[]; assets: Asset[]; schema: RelationshipSchema; onChange(npcs: Npc[]): void }) {
  const { npcs, schema } = props;
  const update = (id: number, patch: Partial<Npc>) => props.onChange(npcs.map((n) => (n.id === id ? { ...n, ...patch } : n)));
  return (
    <div className="fx-stack" data-testid="world-npcs">
      {npcs.length === 0 ? <p className="muted">No NPCs yet. NPCs carry relationship values into generation requests.</p> : null}
      {npcs.map((npc) => (
        <fieldset key={npc.id} className="fx-card" data-testid={`world-npc-${npc.id}`}>
          <legend>NPC {npc.id}</legend>
          <div className="fx-form-row">
            <label className="fx-field">
              <span>Name</span>
              <input value={npc.name} onChange={(e) => update(npc.id, { name: e.target.value })} />
            </label>
            <label className="fx-field">
              <span>Base image</span>
              <select
                value={npc.baseImage ?? ''}
                onChange={(e) => {
                  const next: Npc = { ...npc, baseImage: e.target.value };
                  if (e.target.value === '') delete next.baseImage;
                  props.onChange(npcs.map((n) => (n.id === npc.id ? next : n)));
                }}
              >
                <option value="">None</option>
                {props.assets
                  .filter((a) => a.mediaType.startsWith('image/'))
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.path}
                    </option>
                  ))}
              </select>
            </label>
            <button type="button" className="btn btn-danger btn-small" onClick={() => props.onChange(npcs.filter((n) => n.id !== npc.id))}>
              Remove NPC
            </button>
          </div>
          <h4>Relationship presets</h4>
          {npc.presets.map((preset, i) => (
            <div key={i} className="fx-preset-row">
              <input
                aria-label="Preset name"
                value={preset.name}
                onChange={(e) => update(npc.id, { presets: npc.presets.map((p, j) => (j === i ? { ...p, name: e.target.value } : p)) })}
              />
              <ValuesEditor
                schema={schema}
                label={`${preset.name} values`}
                values={preset.values}
                onChange={(values) => update(npc.id, { presets: npc.presets.map((p, j) => (j === i ? { ...p, values } : p)) })}
              />
              <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove preset ${preset.name}`} onClick={() => update(npc.id, { presets: npc.presets.filter((_, j) => j !== i) })}>
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              const n = npc.presets.length + 1;
              update(npc.id, { presets: [...npc.presets, { id: `p${n}`, name: `Preset ${n}`, values: {} }] });
            }}
          >
            Add relationship preset
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn"
        data-testid="world-add-npc"
        onClick={() => {
          const id = nextNpcId(npcs);
          props.onChange([...npcs, { id, name: `NPC ${id}`, presets: [] }]);
        }}
      >
        Add NPC
      </button>
    </div>
  );
}
