import { useState } from 'react';
import { useSettingsDialog, useSettingsDialogApi } from './use-settings-dialog';

/** Write-only: the typed key is sent once and cleared; the field only ever shows "set" or "not set". */
export function SecretField(props: { providerId: string; hasSecret: boolean }) {
  const api = useSettingsDialogApi();
  const persisted = useSettingsDialog((s) => s.persisted[props.providerId]);
  const [value, setValue] = useState('');
  const id = `secret-${props.providerId}`;
  return (
    <div className="fx-secret" data-testid={`provider-secret-${props.providerId}`} data-has-secret={props.hasSecret}>
      <span className={props.hasSecret ? 'fx-badge fx-ok' : 'fx-badge'}>{props.hasSecret ? 'set' : 'not set'}</span>
      <label htmlFor={id} className="visually-hidden">
        API key for {props.providerId}
      </label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder={props.hasSecret ? 'Replace key' : 'API key'}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button
        type="button"
        className="btn btn-small"
        disabled={value === ''}
        onClick={() => {
          const secret = value;
          setValue('');
          void api.getState().setSecret(props.providerId, secret);
        }}
      >
        Set key
      </button>
      {props.hasSecret ? (
        <button type="button" className="btn btn-small" onClick={() => void api.getState().clearSecret(props.providerId)}>
          Clear
        </button>
      ) : null}
      {persisted === false ? (
        <p className="fx-note fx-note-warning" data-testid={`provider-not-persisted-${props.providerId}`}>
          The key is not persisted: it is kept for this session only (no secure storage available here).
        </p>
      ) : null}
    </div>
  );
}
