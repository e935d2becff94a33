import { PACINGS, TRANSITION_TYPES } from '../../../core/domain/vocabulary';
import { Field } from '../fields/Field';
import { NumberInput, SelectInput, TextInput } from '../fields/inputs';
import { Section } from './Section';
import { asRecord, optionsOf, type SectionProps } from './section-props';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function StyleSection({ draft, set }: SectionProps) {
  const style = asRecord(draft.config['style']);
  return (
    <Section title="Style" issuePath="style">
      <div className="field-grid">
        <Field path="style.moodFrom" label="Mood from">
          {(c) => <TextInput control={c} value={str(style['moodFrom'])} placeholder="tense" onChange={(v) => set('style.moodFrom', v)} />}
        </Field>
        <Field path="style.moodTo" label="Mood to">
          {(c) => <TextInput control={c} value={str(style['moodTo'])} placeholder="calm" onChange={(v) => set('style.moodTo', v)} />}
        </Field>
        <Field path="style.pacing" label="Pacing">
          {(c) => <SelectInput control={c} value={style['pacing']} noneLabel="None" options={optionsOf(PACINGS)} onChange={(v) => set('style.pacing', v)} />}
        </Field>
        <Field path="style.transitionType" label="Transition type">
          {(c) => (
            <SelectInput control={c} value={style['transitionType']} noneLabel="None" options={optionsOf(TRANSITION_TYPES)} onChange={(v) => set('style.transitionType', v)} />
          )}
        </Field>
      </div>
    </Section>
  );
}

export function DurationSection({ draft, set }: SectionProps) {
  const duration = asRecord(draft.config['duration']);
  return (
    <Section title="Duration (seconds)" issuePath="duration">
      <div className="field-grid field-grid-3">
        {(['min', 'max', 'target'] as const).map((key) => (
          <Field key={key} path={`duration.${key}`} label={key[0]!.toUpperCase() + key.slice(1)}>
            {(c) => <NumberInput control={c} value={duration[key]} min={0} step={0.1} onChange={(v) => set(`duration.${key}`, v)} />}
          </Field>
        ))}
      </div>
    </Section>
  );
}
