import type { LevelCondition, RelationshipSchema } from '../../../core/domain/relationship-schema';
import { CONDITION_TYPES, INTIMACY_BANDS, type IntimacyBand } from '../../../core/domain/vocabulary';
import { BandChip } from '../shared/BandChip';
import { NumberInput } from '../shared/NumberInput';
import { InlineIssues } from './InlineIssues';
import { defaultCondition, duplicateIds, issuesAt, schemaIssues, tierGap, tierRanges, withConditionType, type SchemaIssues } from './world-draft';

// studio-ui.md §10: axes with any valid range, tiers by minimum with their half-open ranges, levels with
// priority, per-axis conditions and band; duplicate ids and gaps flagged inline; reset to the default.

type Props = { schema: RelationshipSchema; isDefault: boolean; onChange(schema: RelationshipSchema): void; onReset(): void };

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

function patchAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((x, i) => (i === index ? { ...x, ...patch } : x));
}

/** A duplicate id is flagged once, by the editor; the schema's own duplicate message would repeat it. */
function idMessages(duplicates: ReadonlySet<string>, id: string, issues: SchemaIssues, path: string): string[] {
  return [...(duplicates.has(id) ? [`Duplicate id '${id}'`] : []), ...issuesAt(issues, path).filter((m) => !m.startsWith('duplicate'))];
}

function axisOptions(axes: RelationshipSchema['axes']) {
  return axes.map((a) => (
    <option key={a.id} value={a.id}>
      {a.label ?? a.id}
    </option>
  ));
}

function editTableHead(columns: readonly string[]) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c}>{c}</th>
        ))}
        <th aria-label="Actions" />
      </tr>
    </thead>
  );
}

export function RelationshipSchemaEditor({ schema, isDefault, onChange, onReset }: Props) {
  const issues = schemaIssues(schema);
  const dupAxes = duplicateIds(schema.axes);
  const dupTiers = duplicateIds(schema.tiers);
  const dupLevels = duplicateIds(schema.levels);
  const ranges = tierRanges(schema);
  const gap = tierGap(schema);
  const set = (patch: Partial<RelationshipSchema>) => onChange({ ...schema, ...patch });
  const setCondition = (li: number, ci: number, cond: LevelCondition) => {
    const level = schema.levels[li];
    if (level) set({ levels: patchAt(schema.levels, li, { conditions: replaceAt(level.conditions, ci, cond) }) });
  };

  return (
    <div className="fx-relschema" data-testid="relschema-editor" data-valid={Object.keys(issues).length === 0}>
      <div className="fx-section-header">
        <p className="muted">{isDefault ? 'Using the default schema. Any edit makes a custom schema for this world.' : 'Custom schema for this world.'}</p>
        <button type="button" className="btn" data-testid="relschema-reset" disabled={isDefault} onClick={onReset}>
          Reset to default schema
        </button>
      </div>

      <h3>Axes</h3>
      <table className="fx-table fx-edit-table">
        {editTableHead(['Id', 'Label', 'Min', 'Max'])}
        <tbody>
          {schema.axes.map((axis, i) => (
            <tr key={i} data-testid={`relschema-axis-${axis.id}`}>
              <td>
                <input aria-label="Axis id" value={axis.id} aria-invalid={dupAxes.has(axis.id) || undefined} onChange={(e) => set({ axes: patchAt(schema.axes, i, { id: e.target.value }) })} />
                <InlineIssues messages={idMessages(dupAxes, axis.id, issues, `axes.${i}.id`)} />
              </td>
              <td>
                <input aria-label="Axis label" value={axis.label ?? ''} onChange={(e) => set({ axes: patchAt(schema.axes, i, { label: e.target.value || undefined }) })} />
              </td>
              <td>
                <NumberInput aria-label="Axis min" value={axis.min} onValue={(min) => set({ axes: patchAt(schema.axes, i, { min }) })} />
              </td>
              <td>
                <NumberInput aria-label="Axis max" value={axis.max} onValue={(max) => set({ axes: patchAt(schema.axes, i, { max }) })} />
                <InlineIssues messages={issuesAt(issues, `axes.${i}.max`)} />
              </td>
              <td>
                <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove axis ${axis.id}`} disabled={schema.axes.length <= 1} onClick={() => set({ axes: schema.axes.filter((_, j) => j !== i) })}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-small" onClick={() => set({ axes: [...schema.axes, { id: `axis${schema.axes.length + 1}`, min: 0, max: 100 }] })}>
        Add axis
      </button>
      <InlineIssues messages={issuesAt(issues, 'axes').filter((m) => !/^duplicate|min must be/.test(m))} />

      <h3>Tiers</h3>
      <label className="fx-field-inline">
        <span>Tier axis</span>
        <select data-testid="relschema-tier-axis" value={schema.tierAxis} onChange={(e) => set({ tierAxis: e.target.value })}>
          {axisOptions(schema.axes)}
        </select>
      </label>
      <InlineIssues messages={issuesAt(issues, 'tierAxis')} />
      {gap ? <p className="fx-note fx-note-warning" data-testid="relschema-gap">{gap}</p> : null}
      <table className="fx-table fx-edit-table">
        {editTableHead(['Id', 'Label', 'Min', 'Range'])}
        <tbody>
          {schema.tiers.map((tier, i) => (
            <tr key={i} data-testid={`relschema-tier-${tier.id}`} data-duplicate={dupTiers.has(tier.id) || undefined}>
              <td>
                <input aria-label="Tier id" value={tier.id} aria-invalid={dupTiers.has(tier.id) || undefined} onChange={(e) => set({ tiers: patchAt(schema.tiers, i, { id: e.target.value }) })} />
                <InlineIssues messages={idMessages(dupTiers, tier.id, issues, `tiers.${i}.id`)} />
              </td>
              <td>
                <input aria-label="Tier label" value={tier.label ?? ''} onChange={(e) => set({ tiers: patchAt(schema.tiers, i, { label: e.target.value || undefined }) })} />
              </td>
              <td>
                <NumberInput aria-label="Tier min" value={tier.min} onValue={(min) => set({ tiers: patchAt(schema.tiers, i, { min }) })} />
                <InlineIssues messages={issuesAt(issues, `tiers.${i}.min`)} />
              </td>
              <td className="fx-mono">{ranges[i]?.text}</td>
              <td>
                <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove tier ${tier.id}`} disabled={schema.tiers.length <= 1} onClick={() => set({ tiers: schema.tiers.filter((_, j) => j !== i) })}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          const last = schema.tiers.at(-1);
          const axis = schema.axes.find((a) => a.id === schema.tierAxis);
          const min = last ? Math.min(axis?.max ?? last.min + 10, last.min + 10) : (axis?.min ?? 0);
          set({ tiers: [...schema.tiers, { id: `tier${schema.tiers.length + 1}`, min }] });
        }}
      >
        Add tier
      </button>

      <h3>Intimacy levels</h3>
      <div className="fx-levels">
        {schema.levels.map((level, li) => (
          <div key={li} className="fx-level" data-testid={`relschema-level-${level.id}`} data-duplicate={dupLevels.has(level.id) || undefined}>
            <div className="fx-form-row">
              <label className="fx-field">
                <span>Id</span>
                <input value={level.id} aria-invalid={dupLevels.has(level.id) || undefined} onChange={(e) => set({ levels: patchAt(schema.levels, li, { id: e.target.value }) })} />
              </label>
              <label className="fx-field">
                <span>Priority</span>
                <NumberInput min={0} step={1} value={level.priority} onValue={(p) => set({ levels: patchAt(schema.levels, li, { priority: p }) })} />
              </label>
              <label className="fx-field">
                <span>Band</span>
                <select value={level.band} onChange={(e) => set({ levels: patchAt(schema.levels, li, { band: e.target.value as IntimacyBand }) })}>
                  {INTIMACY_BANDS.map((b) => (
                    <option key={b} value={b}>
                      {b}
                    </option>
                  ))}
                </select>
              </label>
              <BandChip band={level.band} />
              <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove level ${level.id}`} onClick={() => set({ levels: schema.levels.filter((_, j) => j !== li) })}>
                ×
              </button>
            </div>
            <InlineIssues messages={idMessages(dupLevels, level.id, issues, `levels.${li}`)} />
            <ul className="fx-conditions">
              {level.conditions.map((cond, ci) => (
                <li key={ci}>
                  <select aria-label="Condition axis" value={cond.axis} onChange={(e) => setCondition(li, ci, { ...cond, axis: e.target.value })}>
                    {schema.axes.some((a) => a.id === cond.axis) ? null : <option value={cond.axis}>{cond.axis} (unknown)</option>}
                    {axisOptions(schema.axes)}
                  </select>
                  <select aria-label="Condition type" value={cond.type} onChange={(e) => setCondition(li, ci, withConditionType(cond, e.target.value as LevelCondition['type']))}>
                    {CONDITION_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {t === 'min' ? '≥ min' : t === 'max' ? '≤ max' : 'range'}
                      </option>
                    ))}
                  </select>
                  {'min' in cond ? <NumberInput aria-label="Condition min" value={cond.min} onValue={(min) => setCondition(li, ci, { ...cond, min })} /> : null}
                  {'max' in cond ? <NumberInput aria-label="Condition max" value={cond.max} onValue={(max) => setCondition(li, ci, { ...cond, max })} /> : null}
                  <button
                    type="button"
                    className="btn btn-icon btn-ghost"
                    aria-label="Remove condition"
                    disabled={level.conditions.length <= 1}
                    onClick={() => set({ levels: patchAt(schema.levels, li, { conditions: level.conditions.filter((_, j) => j !== ci) }) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => set({ levels: patchAt(schema.levels, li, { conditions: [...level.conditions, defaultCondition(schema)] }) })}
            >
              Add condition
            </button>
          </div>
        ))}
      </div>
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          set({
            levels: [
              ...schema.levels,
              { id: `level${schema.levels.length + 1}`, priority: schema.levels.reduce((m, l) => Math.max(m, l.priority), 0) + 1, band: 'light', conditions: [defaultCondition(schema)] },
            ],
          })
        }
      >
        Add level
      </button>
    </div>
  );
}
