import { FALLBACK_MODES } from '../../../core/domain/vocabulary';
import { FALLBACK_MODE_LABELS } from '../../lib/labels';
import { Field } from '../fields/Field';
import { NumberInput, SelectInput } from '../fields/inputs';
import { Section } from './Section';
import { asRecord, optionsOf, type SectionProps } from './section-props';

export function FallbackSection({ doc, draft, set }: SectionProps) {
  const fallback = asRecord(draft.config['fallback']);
  const mode = fallback['mode'];
  return (
    <Section title="Fallback" issuePath="fallback">
      <Field path="fallback.mode" label="Mode" hint="What the player gets when generation fails or times out">
        {(c) => <SelectInput control={c} value={mode} options={optionsOf(FALLBACK_MODES, FALLBACK_MODE_LABELS)} onChange={(v) => set('fallback.mode', v)} />}
      </Field>
      {mode === 'default_content' ? (
        <Field path="fallback.defaultContentId" label="Default content">
          {(c) => (
            <SelectInput
              control={c}
              value={fallback['defaultContentId']}
              noneLabel={doc.assets.length === 0 ? 'No assets in this project' : 'Choose an asset'}
              options={doc.assets.map((a) => ({ value: a.id, label: `${a.path} (${a.mediaType})` }))}
              onChange={(v) => set('fallback.defaultContentId', v)}
            />
          )}
        </Field>
      ) : null}
      {mode === 'retry' ? (
        <Field path="fallback.maxRetries" label="Max retries" hint="0–10; the total number of attempts is max(1, maxRetries)">
          {(c) => <NumberInput control={c} value={fallback['maxRetries']} min={0} max={10} step={1} onChange={(v) => set('fallback.maxRetries', v)} />}
        </Field>
      ) : null}
      <Field path="fallback.timeoutMs" label="Timeout (milliseconds)" hint="Per attempt; empty means the provider's timeout">
        {(c) => <NumberInput control={c} value={fallback['timeoutMs']} min={100} step={1000} onChange={(v) => set('fallback.timeoutMs', v)} />}
      </Field>
    </Section>
  );
}
