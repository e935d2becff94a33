import { PROMPT_TYPES, type PromptType } from '../../../core/domain/vocabulary';
import { listTemplateVariables } from '../../../core/prompts';
import type { LibraryEditor } from './prompt-library-store';
import { usePromptLibrary, usePromptLibraryApi } from './use-prompt-library';

/** New family, or new immutable version prefilled with the selected text (prompts.md §2). */
export function LibraryEditorForm(props: { editor: LibraryEditor; nextNumber: number }) {
  const api = usePromptLibraryApi();
  const error = usePromptLibrary((s) => s.editorError);
  const { editor } = props;
  const variables = listTemplateVariables(editor.text);
  const update = api.getState().updateEditor;
  return (
    <form
      className="fx-section fx-form"
      data-testid="prompt-editor"
      aria-label={editor.mode === 'family' ? 'New prompt family' : `New version v${props.nextNumber}`}
      onSubmit={(event) => {
        event.preventDefault();
        api.getState().saveEditor();
      }}
    >
      <h3>{editor.mode === 'family' ? 'New prompt family' : `New version v${props.nextNumber}`}</h3>
      {editor.mode === 'family' ? (
        <div className="fx-form-row">
          <label className="fx-field">
            <span>Title</span>
            <input data-testid="prompt-editor-title" value={editor.title} onChange={(e) => update({ title: e.target.value })} maxLength={255} required />
          </label>
          <label className="fx-field">
            <span>Type</span>
            <select data-testid="prompt-editor-type" value={editor.promptType} onChange={(e) => update({ promptType: e.target.value as PromptType })}>
              {PROMPT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label className="fx-field">
            <span>Category</span>
            <input value={editor.category} onChange={(e) => update({ category: e.target.value })} maxLength={100} />
          </label>
        </div>
      ) : null}
      <label className="fx-field">
        <span>Text</span>
        <textarea data-testid="prompt-editor-text" rows={6} value={editor.text} onChange={(e) => update({ text: e.target.value })} />
      </label>
      <p className="muted">Placeholders: {variables.length === 0 ? 'none' : variables.map((v) => `{{${v}}}`).join(', ')}</p>
      <label className="fx-field">
        <span>Commit message (optional)</span>
        <input data-testid="prompt-editor-message" value={editor.commitMessage} onChange={(e) => update({ commitMessage: e.target.value })} maxLength={500} />
      </label>
      {error ? (
        <p className="fx-note fx-note-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="fx-form-actions">
        <button type="button" className="btn" onClick={() => api.getState().closeEditor()}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" data-testid="prompt-editor-save">
          {editor.mode === 'family' ? 'Create family' : `Save as v${props.nextNumber}`}
        </button>
      </div>
    </form>
  );
}
