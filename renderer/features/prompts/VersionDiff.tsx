import type { PromptVersion } from '../../../core/domain/prompt-catalog';
import { lineDiff } from './catalog-ops';
import { usePromptLibrary, usePromptLibraryApi } from './use-prompt-library';

const MARK = { added: '+', removed: '−', same: ' ' } as const;

/** studio-ui.md §8: any two versions of the family, as a unified or side-by-side line diff. */
export function VersionDiff(props: { versions: PromptVersion[] }) {
  const api = usePromptLibraryApi();
  const compare = usePromptLibrary((s) => s.compare);
  const mode = usePromptLibrary((s) => s.diffMode);
  const [newest, previous] = props.versions;
  const fromId = compare?.fromId ?? previous?.id ?? newest?.id ?? '';
  const toId = compare?.toId ?? newest?.id ?? '';
  const from = props.versions.find((v) => v.id === fromId);
  const to = props.versions.find((v) => v.id === toId);
  const lines = from && to ? lineDiff(from.text, to.text) : [];
  const changed = lines.filter((l) => l.kind !== 'same').length;

  const pick = (which: 'fromId' | 'toId', id: string) => api.getState().setCompare({ fromId, toId, [which]: id });
  const option = (v: PromptVersion) => (
    <option key={v.id} value={v.id}>
      v{v.versionNumber}
      {v.commitMessage ? ` — ${v.commitMessage}` : ''}
    </option>
  );

  return (
    <section className="fx-section" data-testid="prompt-diff" aria-label="Compare versions">
      <header className="fx-section-header">
        <h3>Compare versions</h3>
        <div className="fx-section-actions">
          <label className="fx-field-inline">
            <span>From</span>
            <select data-testid="prompt-diff-from" value={fromId} onChange={(e) => pick('fromId', e.target.value)}>
              {props.versions.map(option)}
            </select>
          </label>
          <label className="fx-field-inline">
            <span>To</span>
            <select data-testid="prompt-diff-to" value={toId} onChange={(e) => pick('toId', e.target.value)}>
              {props.versions.map(option)}
            </select>
          </label>
          <div className="fx-segmented" role="group" aria-label="Diff layout">
            <button type="button" aria-pressed={mode === 'unified'} onClick={() => api.getState().setDiffMode('unified')}>
              Unified
            </button>
            <button type="button" aria-pressed={mode === 'split'} onClick={() => api.getState().setDiffMode('split')}>
              Side by side
            </button>
          </div>
        </div>
      </header>
      {from && to ? (
        <>
          <p className="muted" data-testid="prompt-diff-summary" data-changed={changed}>
            v{from.versionNumber} → v{to.versionNumber}: {changed === 0 ? 'identical text' : `${changed} changed ${changed === 1 ? 'line' : 'lines'}`}
          </p>
          {mode === 'unified' ? (
            <pre className="fx-diff">
              {lines.map((line, i) => (
                <div key={i} className={`fx-diff-line fx-diff-${line.kind}`} data-kind={line.kind}>
                  <span className="fx-diff-mark" aria-hidden="true">
                    {MARK[line.kind]}
                  </span>
                  {line.text || ' '}
                </div>
              ))}
            </pre>
          ) : (
            <div className="fx-diff-split">
              <pre className="fx-diff">
                {lines
                  .filter((l) => l.kind !== 'added')
                  .map((line, i) => (
                    <div key={i} className={`fx-diff-line fx-diff-${line.kind}`} data-kind={line.kind}>
                      {line.text || ' '}
                    </div>
                  ))}
              </pre>
              <pre className="fx-diff">
                {lines
                  .filter((l) => l.kind !== 'removed')
                  .map((line, i) => (
                    <div key={i} className={`fx-diff-line fx-diff-${line.kind}`} data-kind={line.kind}>
                      {line.text || ' '}
                    </div>
                  ))}
              </pre>
            </div>
          )}
        </>
      ) : (
        <p className="muted">Pick two versions.</p>
      )}
    </section>
  );
}
