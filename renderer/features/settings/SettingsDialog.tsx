import '../features.css';
import { useEffect, useState } from 'react';
import { useSessionStore, useStudio } from '../../stores/context';
import { Modal } from '../shared/Modal';
import { Tabs } from '../shared/Tabs';
import { AddProviderForm } from './AddProviderForm';
import { PreferencesTab } from './PreferencesTab';
import { ProviderRow } from './ProviderRow';
import { useSettingsDialog } from './use-settings-dialog';

// studio-ui.md §10: preferences and the providers table.

type Tab = 'preferences' | 'providers';

export function SettingsDialog(props: { onClose(): void; initialTab?: Tab }) {
  const studio = useStudio();
  const [tab, setTab] = useState<Tab>(props.initialTab ?? 'preferences');
  // Key status can change outside this window (another client, an environment key): read it fresh.
  useEffect(() => {
    void studio.session.getState().refreshProviders();
  }, [studio]);
  const [adding, setAdding] = useState(false);
  const providers = useSessionStore((s) => s.providers);
  const error = useSettingsDialog((s) => s.error);
  return (
    <Modal title="Settings" testId="settings-dialog" onClose={props.onClose} wide footer={<button type="button" className="btn btn-primary" onClick={props.onClose}>Done</button>}>
      <Tabs<Tab>
        label="Settings sections"
        idPrefix="settings"
        active={tab}
        onSelect={setTab}
        tabs={[
          { id: 'preferences', label: 'Preferences', testId: 'settings-tab-preferences' },
          { id: 'providers', label: 'Providers', testId: 'settings-tab-providers' },
        ]}
      />
      {error ? (
        <p className="fx-note fx-note-error" role="alert">
          {error}
        </p>
      ) : null}
      <div role="tabpanel" id={`settings-panel-${tab}`} aria-labelledby={`settings-tab-${tab}`} className="fx-tabpanel">
        {tab === 'preferences' ? <PreferencesTab /> : null}
        {tab === 'providers' ? (
          <div className="fx-stack">
            <div className="fx-table-wrap">
              <table className="fx-table" data-testid="providers-table">
                <thead>
                  <tr>
                    <th scope="col">Provider</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Base URL</th>
                    <th scope="col">Model</th>
                    <th scope="col">Enabled</th>
                    <th scope="col">Concurrency</th>
                    <th scope="col">Timeouts</th>
                    <th scope="col">Pricing</th>
                    <th scope="col">API key</th>
                    <th scope="col">Test</th>
                  </tr>
                </thead>
                <tbody>
                  {providers.map((item) => (
                    <ProviderRow key={item.id} item={item} />
                  ))}
                </tbody>
              </table>
            </div>
            {adding ? (
              <AddProviderForm onDone={() => setAdding(false)} />
            ) : (
              <button type="button" className="btn" data-testid="provider-add" onClick={() => setAdding(true)}>
                Add provider
              </button>
            )}
          </div>
        ) : null}
      </div>
    </Modal>
  );
}
