import { useState } from 'react';
import { PROVIDER_KINDS, type ProviderKind } from '../../../core/domain/vocabulary';
import type { ProviderConfig } from '../../../core/domain/provider-config';
import { useSettingsDialogApi } from './use-settings-dialog';

/** A new openai-compatible provider needs only an id, a URL and a model; other kinds are edited after adding. */
export function AddProviderForm(props: { onDone(): void }) {
  const api = useSettingsDialogApi();
  const [id, setId] = useState('');
  const [kind, setKind] = useState<ProviderKind>('openai-compatible');
  const [baseUrl, setBaseUrl] = useState('http://127.0.0.1:11434/v1');
  const [model, setModel] = useState('');
  return (
    <form
      className="fx-form fx-card"
      data-testid="provider-add-form"
      onSubmit={(e) => {
        e.preventDefault();
        const config: ProviderConfig = { id, kind, baseUrl };
        if (model) config.model = model;
        void api
          .getState()
          .configure(config)
          .then((ok) => ok && props.onDone());
      }}
    >
      <div className="fx-form-row">
        <label className="fx-field">
          <span>Id</span>
          <input value={id} pattern="[a-z0-9][a-z0-9-]{0,39}" required onChange={(e) => setId(e.target.value)} />
        </label>
        <label className="fx-field">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ProviderKind)}>
            {PROVIDER_KINDS.filter((k) => k !== 'local-preview').map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="fx-field">
          <span>Base URL</span>
          <input value={baseUrl} required onChange={(e) => setBaseUrl(e.target.value)} />
        </label>
        <label className="fx-field">
          <span>Model</span>
          <input value={model} onChange={(e) => setModel(e.target.value)} />
        </label>
      </div>
      <div className="fx-form-actions">
        <button type="button" className="btn" onClick={props.onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Add provider
        </button>
      </div>
    </form>
  );
}
