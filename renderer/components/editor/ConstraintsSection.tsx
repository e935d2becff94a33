import { CONSTRAINT_RATINGS } from '../../../core/domain/vocabulary';
import { Field } from '../fields/Field';
import { ChipsInput, SelectInput, TextArea } from '../fields/inputs';
import { Section } from './Section';
import { asRecord, optionsOf, type SectionProps } from './section-props';

export function ConstraintsSection({ draft, set }: SectionProps) {
  const constraints = asRecord(draft.config['constraints']);
  const rules = Array.isArray(constraints['contentRules']) ? constraints['contentRules'].map(String) : undefined;
  return (
    <Section title="Constraints" issuePath="constraints">
      <Field path="constraints.rating" label="Audience rating" hint="A hint passed to prompts; never compared with content ratings">
        {(c) => (
          <SelectInput control={c} value={constraints['rating']} noneLabel="None" options={optionsOf(CONSTRAINT_RATINGS)} onChange={(v) => set('constraints.rating', v)} />
        )}
      </Field>
      <Field path="constraints.requiredElements" label="Required elements">
        {(c) => <ChipsInput control={c} value={constraints['requiredElements']} onChange={(v) => set('constraints.requiredElements', v)} />}
      </Field>
      <Field path="constraints.avoidElements" label="Avoided elements">
        {(c) => <ChipsInput control={c} value={constraints['avoidElements']} onChange={(v) => set('constraints.avoidElements', v)} />}
      </Field>
      <Field path="constraints.contentRules" label="Content rules" hint="One rule per line">
        {(c) => (
          <TextArea
            control={c}
            rows={3}
            value={rules?.join('\n')}
            onChange={(v) => set('constraints.contentRules', v === undefined ? undefined : v.split('\n'))}
          />
        )}
      </Field>
    </Section>
  );
}
