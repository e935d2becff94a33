import { useState } from 'react';
import { Modal } from '../shared/Modal';

/** social.md §6: the studio-side gate before a create whose predicted rating is mature_implied or restricted. */
export function ConfirmMatureDialog(props: { rating: string; onAnswer(accept: boolean, dontAskAgain: boolean): void }) {
  const [dontAsk, setDontAsk] = useState(false);
  return (
    <Modal
      title="Generate mature content?"
      testId="confirm-mature-dialog"
      onClose={() => props.onAnswer(false, false)}
      footer={
        <>
          <button type="button" className="btn" onClick={() => props.onAnswer(false, false)}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" data-testid="confirm-mature-accept" onClick={() => props.onAnswer(true, dontAsk)}>
            Generate
          </button>
        </>
      }
    >
      <p>
        This preview is predicted to be rated <strong>{props.rating}</strong>. Your settings ask for a confirmation before generating such content.
      </p>
      <label className="fx-check">
        <input type="checkbox" data-testid="confirm-mature-dont-ask" checked={dontAsk} onChange={(e) => setDontAsk(e.target.checked)} />
        <span>Don&apos;t ask again</span>
      </label>
    </Modal>
  );
}
