import { useState } from 'react';

/** Copies `text` to the clipboard; the label says so for a moment. */
export function CopyButton(props: { text: string; label: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-small"
      aria-label={props.label}
      data-testid={props.testId}
      onClick={() => {
        void navigator.clipboard
          ?.writeText(props.text)
          .then(() => setCopied(true))
          .catch(() => setCopied(false));
      }}
      onBlur={() => setCopied(false)}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
