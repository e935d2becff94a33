import { useState } from 'react';
import { useSessionStore } from '../../stores/context';
import { Field } from '../fields/Field';
import { Section } from './Section';
import { asRecord, type SectionProps } from './section-props';

type ParamType = 'string' | 'number' | 'boolean' | 'null';

function typeOf(value: unknown): ParamType {
  if (value === null) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

function convert(value: unknown, type: ParamType): string | number | boolean | null {
  if (type === 'null') return null;
  if (type === 'boolean') return value === true || value === 'true';
  if (type === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? n : 0;
  }
  return value === null || value === undefined ? '' : String(value);
}

/** modelParams key/value rows laid over the provider's defaults (domain.md §2); null removes a default. */
export function ModelSection({ draft, set }: SectionProps) {
  const params = asRecord(draft.config['modelParams']);
  const providerId = typeof draft.config['provider'] === 'string' ? draft.config['provider'] : 'local-preview';
  const defaults = useSessionStore((s) => s.providers.find((p) => p.id === providerId)?.defaults) ?? {};
  const [newKey, setNewKey] = useState('');
  const entries = Object.entries(params);
  const write = (next: Record<string, unknown>) => set('modelParams', Object.keys(next).length > 0 ? next : undefined);

  return (
    <Section title="Model" issuePath="modelParams">
      {Object.keys(defaults).length > 0 ? (
        <p className="field-hint">
          Provider defaults: {Object.entries(defaults).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}
        </p>
      ) : null}
      {entries.length === 0 ? <p className="muted">No model parameters: the provider defaults apply.</p> : null}
      {entries.map(([key, value]) => {
        const type = typeOf(value);
        return (
          <Field key={key} path={`modelParams.${key}`} label={key}>
            {(c) => (
              <div className="row">
                <select
                  className="input select select-narrow"
                  aria-label={`Type of ${key}`}
                  value={type}
                  onChange={(e) => write({ ...params, [key]: convert(value, e.target.value as ParamType) })}
                >
                  <option value="string">text</option>
                  <option value="number">number</option>
                  <option value="boolean">boolean</option>
                  <option value="null">remove default</option>
                </select>
                {type === 'boolean' ? (
                  <input {...c} type="checkbox" className="checkbox" checked={value === true} onChange={(e) => write({ ...params, [key]: e.target.checked })} />
                ) : type === 'null' ? (
                  <span {...c} className="muted">
                    Removes the provider default
                  </span>
                ) : (
                  <input
                    {...c}
                    className="input"
                    type={type === 'number' ? 'number' : 'text'}
                    value={String(value ?? '')}
                    placeholder={defaults[key] !== undefined ? `Default: ${String(defaults[key])}` : undefined}
                    onChange={(e) => write({ ...params, [key]: convert(e.target.value, type) })}
                  />
                )}
                <button
                  type="button"
                  className="btn btn-icon"
                  aria-label={`Remove ${key}`}
                  onClick={() => {
                    const rest = { ...params };
                    delete rest[key];
                    write(rest);
                  }}
                >
                  ×
                </button>
              </div>
            )}
          </Field>
        );
      })}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const key = newKey.trim();
          if (!key || key in params) return;
          write({ ...params, [key]: defaults[key] ?? '' });
          setNewKey('');
        }}
      >
        <label className="visually-hidden" htmlFor="model-param-new">
          New parameter name
        </label>
        <input id="model-param-new" className="input" placeholder="Parameter name, e.g. seed" value={newKey} onChange={(e) => setNewKey(e.target.value)} />
        <button type="submit" className="btn btn-small">
          Add parameter
        </button>
      </form>
    </Section>
  );
}
