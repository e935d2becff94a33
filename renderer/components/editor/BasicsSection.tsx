import { operationForGenerationType } from '../../../core/domain/cache-key';
import { GENERATION_STRATEGIES, GENERATION_TYPES, PURPOSES, SEED_SOURCES, type GenerationType } from '../../../core/domain/vocabulary';
import { GENERATION_TYPE_LABELS, PURPOSE_LABELS, SEED_SOURCE_LABELS, STRATEGY_LABELS } from '../../lib/labels';
import { useSessionStore, useStudio } from '../../stores/context';
import { versionOf } from '../../graph/version-bump';
import { Field } from '../fields/Field';
import { CheckboxInput, NumberInput, SelectInput, TextInput } from '../fields/inputs';
import { Section } from './Section';
import { optionsOf, type SectionProps } from './section-props';

export function BasicsSection({ node, draft, set }: SectionProps) {
  const { editor } = useStudio();
  const providers = useSessionStore((s) => s.providers);
  const config = draft.config;
  const type = config['generationType'];
  const operation = GENERATION_TYPES.includes(type as GenerationType) ? operationForGenerationType(type as GenerationType) : null;
  // Enabled providers that support the derived operation; the current value stays listed even if it does not.
  const supported = providers.filter((p) => p.enabled !== false && (!operation || p.capabilities.operations.includes(operation)));
  const providerOptions = supported.map((p) => ({ value: p.id, label: p.label ? `${p.label} (${p.id})` : p.id }));
  const editDraft = (patch: Partial<typeof draft>) => editor.getState().edit(node, (d) => ({ ...d, ...patch }));

  return (
    <Section title="Basics">
      <Field path="label" label="Label">
        {(c) => <TextInput control={c} value={draft.label} onChange={(v) => editDraft({ label: v ?? '' })} />}
      </Field>
      <Field path="enabled" label="Enabled" inline>
        {(c) => <CheckboxInput control={c} checked={config['enabled'] === true} onChange={(v) => set('enabled', v)} />}
      </Field>
      <Field path="generationType" label="Generation type" hint={operation ? `Operation: ${operation}` : undefined}>
        {(c) => <SelectInput control={c} value={type} options={optionsOf(GENERATION_TYPES, GENERATION_TYPE_LABELS)} onChange={(v) => set('generationType', v)} />}
      </Field>
      <Field path="purpose" label="Purpose">
        {(c) => <SelectInput control={c} value={config['purpose']} options={optionsOf(PURPOSES, PURPOSE_LABELS)} onChange={(v) => set('purpose', v)} />}
      </Field>
      <Field path="strategy" label="Strategy" hint="Determines when content is regenerated">
        {(c) => (
          <SelectInput control={c} value={config['strategy']} options={optionsOf(GENERATION_STRATEGIES, STRATEGY_LABELS)} onChange={(v) => set('strategy', v)} />
        )}
      </Field>
      <Field path="seedSource" label="Seed source">
        {(c) => (
          <SelectInput control={c} value={config['seedSource']} noneLabel="None" options={optionsOf(SEED_SOURCES, SEED_SOURCE_LABELS)} onChange={(v) => set('seedSource', v)} />
        )}
      </Field>
      <Field path="version" label="Version">
        {(c) => (
          <div className="row">
            <NumberInput control={c} value={config['version']} min={1} step={1} onChange={(v) => set('version', v)} />
            <button type="button" className="btn btn-small" data-testid="gen-editor-bump-version" onClick={() => set('version', versionOf(config) + 1)}>
              Bump version
            </button>
          </div>
        )}
      </Field>
      <Field path="provider" label="Provider" hint={operation ? `Providers supporting ${operation}; empty means local-preview` : undefined}>
        {(c) => <SelectInput control={c} value={config['provider']} noneLabel="Default (local-preview)" options={providerOptions} onChange={(v) => set('provider', v)} />}
      </Field>
      <Field path="templateId" label="Template" hint="Informational: the node template this node was made from">
        {(c) => <input {...c} className="input" readOnly value={typeof config['templateId'] === 'string' ? config['templateId'] : ''} placeholder="None" />}
      </Field>
      <Field path="budgetUsd" label="Node budget (USD)" hint="Empty means no node budget">
        {(c) => <NumberInput control={c} value={draft.budgetUsd} min={0} step={0.01} onChange={(v) => editDraft({ budgetUsd: v })} />}
      </Field>
    </Section>
  );
}
