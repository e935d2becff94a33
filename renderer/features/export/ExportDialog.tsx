import '../features.css';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useGraphStore, useSessionStore, useStudio } from '../../stores/context';
import { useFeatureStore } from '../shared/feature-stores';
import { Modal } from '../shared/Modal';
import { bundlePath, createExportStore } from './export-store';

// studio-ui.md §10: output folder, include media, pre-check, run, result.

export function ExportDialog(props: { onClose(): void }) {
  const studio = useStudio();
  const api = useFeatureStore('export', (s) => createExportStore(s.rpc, s.graph));
  const state = useStore(api);
  const transport = useSessionStore((s) => s.info?.transport ?? 'browser');
  const document = useGraphStore((s) => s.document);
  const path = useGraphStore((s) => s.path);
  const labels = new Map((document?.generationNodes ?? []).map((n) => [n.id, n.label || n.id]));

  useEffect(() => {
    api.getState().reset();
    void api.getState().runCheck();
  }, [api, document, path]);

  const blocked = state.check !== null && !state.check.ok;
  const canRun = !blocked && !state.running && !state.checking && state.outDir.trim() !== '' && path !== null;

  return (
    <Modal
      title="Export bundle"
      testId="export-dialog"
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={props.onClose}>
            {state.result ? 'Close' : 'Cancel'}
          </button>
          <button type="button" className="btn btn-primary" data-testid="export-run" disabled={!canRun} onClick={() => void api.getState().run()}>
            {state.running ? 'Exporting…' : 'Export'}
          </button>
        </>
      }
    >
      <div className="fx-stack">
        <label className="fx-field">
          <span>Output folder</span>
          <div className="fx-input-row">
            <input
              data-testid="export-dir"
              value={state.outDir}
              placeholder={transport === 'electron' ? 'Choose a folder' : '/path/to/an/empty/folder'}
              spellCheck={false}
              onChange={(e) => api.getState().setOutDir(e.target.value)}
            />
            {transport === 'electron' ? (
              <button type="button" className="btn" data-testid="export-browse" onClick={() => void api.getState().browse()}>
                Browse…
              </button>
            ) : null}
          </div>
          <small className="muted">An empty folder, or one holding a previous bundle (it is replaced).</small>
        </label>
        <label className="fx-check">
          <input type="checkbox" data-testid="export-include-media" checked={state.includeMedia} onChange={(e) => api.getState().setIncludeMedia(e.target.checked)} />
          <span>Include generated media (newest completed result of each “once” node)</span>
        </label>

        {state.checking ? <p className="muted">Checking the project…</p> : null}
        {state.check?.ok ? (
          <p className="fx-note fx-note-ok" data-testid="export-check-ok">
            ✓ No blocking problems.
          </p>
        ) : null}
        {blocked && state.check ? (
          <div className="fx-note fx-note-error" data-testid="export-refusal">
            <strong>
              Export is blocked by {state.check.problems.length} {state.check.problems.length === 1 ? 'problem' : 'problems'}:
            </strong>
            <ul className="fx-plain-list">
              {state.check.problems.map((p, i) => (
                <li key={i} data-rule={p.rule} data-severity={p.severity} data-node={p.nodeId ?? ''}>
                  <code>{p.rule}</code> {p.message}
                  {p.nodeId ? (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          studio.selection.getState().requestFocus(p.nodeId ?? '', p.path);
                          props.onClose();
                        }}
                      >
                        {labels.get(p.nodeId) ?? p.nodeId}
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {state.error ? (
          <p className="fx-note fx-note-error" role="alert">
            {state.error}
          </p>
        ) : null}
        {state.result ? (
          <div className="fx-note fx-note-ok" data-testid="export-result">
            <p>
              Wrote {state.result.files.length} {state.result.files.length === 1 ? 'file' : 'files'}. Bundle: <code>{bundlePath(state.result.outDir)}</code>
            </p>
            <p className="muted">
              sha256 <code>{state.result.bundleSha256.slice(0, 16)}…</code>
              {state.result.skippedNodes.length > 0 ? ` · skipped (disabled): ${state.result.skippedNodes.map((id) => labels.get(id) ?? id).join(', ')}` : ''}
            </p>
            <details>
              <summary>Files</summary>
              <ul className="fx-plain-list fx-mono">
                {state.result.files.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </details>
          </div>
        ) : null}
      </div>
    </Modal>
  );
}
