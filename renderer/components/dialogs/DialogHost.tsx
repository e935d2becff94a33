import { useState } from 'react';
import { useStudio, useUiStore } from '../../stores/context';
import type { DialogRequest } from '../../stores/ui-store';
import { Dialog } from './Dialog';
import { ImportResultDialog } from './ImportResultDialog';

function PathDialog({ request, answer, cancel }: { request: Extract<DialogRequest, { kind: 'path' }>; answer(path: string): void; cancel(): void }) {
  const [path, setPath] = useState(request.initial);
  return (
    <Dialog
      testId="path-dialog"
      title={request.title}
      onClose={cancel}
      footer={
        <>
          <button type="button" className="btn" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" form="path-form" className="btn btn-primary" data-testid="path-submit" disabled={path.trim() === ''}>
            {request.confirmLabel}
          </button>
        </>
      }
    >
      <form
        id="path-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) answer(path.trim());
        }}
      >
        <label htmlFor="path-input" className="field-label">
          {request.label}
        </label>
        <input id="path-input" data-testid="path-input" data-autofocus className="input" value={path} spellCheck={false} onChange={(e) => setPath(e.target.value)} />
        <p className="field-hint">An absolute path on the machine running the Genweave host.</p>
      </form>
    </Dialog>
  );
}

/** Draws whichever dialog the UI store has been asked for, and hands the answer back to the caller. */
export function DialogHost() {
  const { ui } = useStudio();
  const dialog = useUiStore((s) => s.dialog);
  if (!dialog) return null;
  const cancel = () => ui.getState().closeDialog();
  const finish = () => ui.getState().finishDialog();

  switch (dialog.kind) {
    case 'path':
      return (
        <PathDialog
          key={dialog.title}
          request={dialog}
          cancel={cancel}
          answer={(path) => {
            finish();
            dialog.resolve(path);
          }}
        />
      );
    case 'unsaved': {
      const choose = (choice: 'save' | 'discard') => {
        finish();
        dialog.resolve(choice);
      };
      return (
        <Dialog
          testId="unsaved-dialog"
          title="Unsaved changes"
          onClose={cancel}
          footer={
            <>
              <button type="button" className="btn" data-testid="unsaved-cancel" onClick={cancel}>
                Cancel
              </button>
              <button type="button" className="btn btn-danger" data-testid="unsaved-discard" onClick={() => choose('discard')}>
                Discard
              </button>
              <button type="button" className="btn btn-primary" data-testid="unsaved-save" data-autofocus onClick={() => choose('save')}>
                Save
              </button>
            </>
          }
        >
          <p>The project has unsaved changes. Save them before you {dialog.action}?</p>
        </Dialog>
      );
    }
    case 'confirm': {
      return (
        <Dialog
          testId="confirm-dialog"
          title={dialog.title}
          onClose={cancel}
          footer={
            <>
              <button type="button" className="btn" data-testid="confirm-cancel" data-autofocus onClick={cancel}>
                Cancel
              </button>
              <button
                type="button"
                className="btn btn-primary"
                data-testid="confirm-accept"
                onClick={() => {
                  finish();
                  dialog.resolve(true);
                }}
              >
                {dialog.confirmLabel}
              </button>
            </>
          }
        >
          <p>{dialog.message}</p>
        </Dialog>
      );
    }
    case 'import-result':
      return <ImportResultDialog sourcePath={dialog.sourcePath} report={dialog.report} onClose={cancel} />;
    case 'recovery': {
      const choose = (restore: boolean) => {
        finish();
        dialog.resolve(restore);
      };
      return (
        <Dialog
          testId="recovery-dialog"
          title="Recover unsaved changes?"
          onClose={cancel}
          footer={
            <>
              <button type="button" className="btn" data-testid="recovery-discard" onClick={() => choose(false)}>
                Discard
              </button>
              <button type="button" className="btn btn-primary" data-testid="recovery-restore" data-autofocus onClick={() => choose(true)}>
                Restore
              </button>
            </>
          }
        >
          <p>
            A recovery snapshot newer than the file exists{dialog.savedAt ? ` (${new Date(dialog.savedAt).toLocaleString()})` : ''}. Restore it as an
            unsaved document, or discard it?
          </p>
        </Dialog>
      );
    }
  }
}
