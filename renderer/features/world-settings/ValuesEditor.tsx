import type { RelationshipValues } from '../../../core/domain/social-context';
import type { RelationshipSchema } from '../../../core/domain/relationship-schema';
import { NumberInput } from '../shared/NumberInput';

/** One number per schema axis; an axis left at its minimum is still stored, so presets are explicit. */
export function ValuesEditor(props: { schema: RelationshipSchema; values: RelationshipValues; label: string; onChange(values: RelationshipValues): void }) {
  return (
    <div className="fx-values" role="group" aria-label={props.label}>
      {props.schema.axes.map((axis) => (
        <label key={axis.id} className="fx-field fx-field-compact">
          <span>{axis.label ?? axis.id}</span>
          <NumberInput
            min={axis.min}
            max={axis.max}
            value={props.values[axis.id] ?? axis.min}
            onValue={(v) => props.onChange({ ...props.values, [axis.id]: v })}
          />
        </label>
      ))}
    </div>
  );
}
