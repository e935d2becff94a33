import { useState } from 'react';
import { effectiveProviderSettings, type ProviderConfig } from '../../../core/domain/provider-config';
import type { ProviderListItem } from '../../../core/rpc/provider-shapes';
import { formatMs } from '../shared/format';
import { NumberInput } from '../shared/NumberInput';
import { SecretField } from './SecretField';
import { configOf } from './settings-store';
import { useSettingsDialog, useSettingsDialogApi } from './use-settings-dialog';

type PricingKey = 'perCallUsd' | 'perInputTokenUsd' | 'perOutputTokenUsd' | 'perOutputSecondUsd';
const PRICING: Array<[PricingKey, string]> = [
  ['perCallUsd', 'Per call'],
  ['perInputTokenUsd', 'Per input token'],
  ['perOutputTokenUsd', 'Per output token'],
  ['perOutputSecondUsd', 'Per output second'],
];

function optional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const next = { ...obj };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export function ProviderRow(props: { item: ProviderListItem }) {
  const api = useSettingsDialogApi();
  const test = useSettingsDialog((s) => s.tests[props.item.id]);
  const [draft, setDraft] = useState<ProviderConfig>(() => configOf(props.item));
  const [open, setOpen] = useState(false);
  const { item } = props;
  const eff = effectiveProviderSettings(draft);
  const local = item.kind === 'local-preview';
  const dirty = JSON.stringify(draft) !== JSON.stringify(configOf(item));

  return (
    <>
      <tr data-testid={`provider-row-${item.id}`} data-enabled={eff.enabled}>
        <th scope="row">
          <button type="button" className="btn btn-icon btn-ghost" aria-expanded={open} aria-label={open ? `Collapse ${item.id}` : `Edit ${item.id}`} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>{' '}
          {item.label ?? item.id}
        </th>
        <td>{item.kind}</td>
        <td className="fx-mono">{item.baseUrl ?? '—'}</td>
        <td>{item.model ?? '—'}</td>
        <td>
          <label className="fx-check">
            <input
              type="checkbox"
              checked={eff.enabled}
              disabled={local}
              aria-label={`Enable ${item.id}`}
              onChange={(e) => void api.getState().configure({ ...configOf(item), enabled: e.target.checked })}
            />
            <span>{eff.enabled ? 'enabled' : 'disabled'}</span>
          </label>
        </td>
        <td>{eff.concurrency}</td>
        <td>
          {formatMs(eff.timeoutMs)}
          {eff.requestTimeoutMs !== null ? ` / ${formatMs(eff.requestTimeoutMs)}` : ''}
        </td>
        <td>{item.pricing && Object.keys(item.pricing).length > 0 ? PRICING.filter(([k]) => item.pricing?.[k] !== undefined).map(([k, l]) => `${l} $${item.pricing?.[k]}`).join(', ') : 'free'}</td>
        <td>{local ? <span className="muted">no key needed</span> : <SecretField providerId={item.id} hasSecret={item.hasSecret} />}</td>
        <td>
          <button type="button" className="btn btn-small" data-testid={`provider-test-${item.id}`} disabled={test === 'running'} onClick={() => void api.getState().test(item.id)}>
            {test === 'running' ? 'Testing…' : 'Test'}
          </button>
          {test && test !== 'running' ? (
            <div className={test.ok ? 'fx-ok' : 'fx-bad'} role="status" data-testid={`provider-test-result-${item.id}`} data-ok={test.ok}>
              {test.ok ? '✓' : '✕'} {test.message} ({formatMs(test.latencyMs)})
              {test.warnings.map((w) => (
                <div key={w} className="fx-note fx-note-warning">
                  {w}
                </div>
              ))}
            </div>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr className="fx-row-editor">
          <td colSpan={10}>
            <form
              className="fx-form"
              onSubmit={(e) => {
                e.preventDefault();
                void api.getState().configure(draft);
              }}
            >
              <div className="fx-form-row">
                <label className="fx-field">
                  <span>Label</span>
                  <input value={draft.label ?? ''} onChange={(e) => setDraft(optional(draft, 'label', e.target.value || undefined))} />
                </label>
                {local ? null : (
                  <label className="fx-field">
                    <span>Base URL</span>
                    <input value={draft.baseUrl ?? ''} onChange={(e) => setDraft(optional(draft, 'baseUrl', e.target.value || undefined))} />
                  </label>
                )}
                {local ? null : (
                  <label className="fx-field">
                    <span>Model</span>
                    <input value={draft.model ?? ''} onChange={(e) => setDraft(optional(draft, 'model', e.target.value || undefined))} />
                  </label>
                )}
                <label className="fx-field">
                  <span>Concurrency</span>
                  <NumberInput min={1} step={1} value={eff.concurrency} onValue={(v) => setDraft({ ...draft, concurrency: Math.max(1, Math.round(v)) })} />
                </label>
                <label className="fx-field">
                  <span>Timeout (ms)</span>
                  <NumberInput min={1} step={1000} value={eff.timeoutMs} onValue={(v) => setDraft({ ...draft, timeoutMs: Math.max(1, Math.round(v)) })} />
                </label>
              </div>
              <fieldset className="fx-form-row">
                <legend>Pricing (USD)</legend>
                {PRICING.map(([key, label]) => (
                  <label key={key} className="fx-field">
                    <span>{label}</span>
                    <NumberInput
                      min={0}
                      step={0.0001}
                      value={draft.pricing?.[key] ?? 0}
                      onValue={(v) => setDraft({ ...draft, pricing: optional(draft.pricing ?? {}, key, v > 0 ? v : undefined) })}
                    />
                  </label>
                ))}
              </fieldset>
              <div className="fx-form-actions">
                {local ? null : (
                  <button type="button" className="btn btn-danger" onClick={() => void api.getState().remove(item.id)}>
                    Remove provider
                  </button>
                )}
                <button type="button" className="btn" disabled={!dirty} onClick={() => setDraft(configOf(item))}>
                  Revert
                </button>
                <button type="submit" className="btn btn-primary" disabled={!dirty}>
                  Save provider
                </button>
              </div>
            </form>
          </td>
        </tr>
      ) : null}
    </>
  );
}
