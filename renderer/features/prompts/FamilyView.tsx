import type { PromptCatalog, PromptFamily } from '../../../core/domain/prompt-catalog';
import { useGraphStore, useStudio } from '../../stores/context';
import { formatRelative, formatTime, plural } from '../shared/format';
import { nextVersionNumber, nodesUsingFamily, versionsOf } from './catalog-ops';
import { LibraryEditorForm } from './LibraryEditorForm';
import { TemplateText } from './TemplateText';
import { usePromptLibrary, usePromptLibraryApi } from './use-prompt-library';
import { VersionDiff } from './VersionDiff';

export function FamilyView(props: { family: PromptFamily; catalog: PromptCatalog }) {
  const studio = useStudio();
  const api = usePromptLibraryApi();
  const document = useGraphStore((s) => s.document);
  const selectedVersionId = usePromptLibrary((s) => s.selectedVersionId);
  const usage = usePromptLibrary((s) => s.usage);
  const editor = usePromptLibrary((s) => s.editor);
  const { family, catalog } = props;
  const versions = versionsOf(catalog, family.id);
  const selected = versions.find((v) => v.id === selectedVersionId) ?? versions[0];
  const users = document ? nodesUsingFamily(document, catalog, family.id) : [];
  const familyUsage = versions.reduce((sum, v) => sum + (usage[v.id]?.generations ?? 0), 0);
  const now = Date.now();

  return (
    <div className="fx-family" data-testid={`prompt-family-view-${family.id}`}>
      <header className="fx-family-header">
        <div>
          <h3>
            {family.title} {family.isActive ? null : <span className="fx-tag">inactive</span>}
          </h3>
          <span className="muted">
            <code>{family.slug}</code> · {family.promptType}
            {family.category ? ` · ${family.category}` : ''} · {familyUsage} {familyUsage === 1 ? 'generation' : 'generations'}
          </span>
          {family.description ? <p>{family.description}</p> : null}
        </div>
        <div className="fx-section-actions">
          <button type="button" className="btn btn-primary" data-testid="prompt-new-version" onClick={() => api.getState().openNewVersion()}>
            New version
          </button>
          <button
            type="button"
            className="btn"
            data-testid="prompt-toggle-active"
            aria-pressed={!family.isActive}
            onClick={() => api.getState().setActive(family.id, !family.isActive)}
          >
            {family.isActive ? 'Deactivate' : 'Reactivate'}
          </button>
        </div>
      </header>

      {editor?.mode === 'version' ? <LibraryEditorForm editor={editor} nextNumber={nextVersionNumber(catalog, family.id)} /> : null}

      <div className="fx-family-body">
        <ol className="fx-version-list" aria-label="Versions, newest first">
          {versions.map((v) => {
            const u = usage[v.id];
            return (
              <li key={v.id}>
                <button
                  type="button"
                  data-row
                  className={v.id === selected?.id ? 'fx-version is-selected' : 'fx-version'}
                  data-testid={`prompt-version-${v.id}`}
                  aria-pressed={v.id === selected?.id}
                  onClick={() => api.getState().selectVersion(v.id)}
                >
                  <strong>v{v.versionNumber}</strong>
                  <span className="fx-version-message">{v.commitMessage ?? 'No message'}</span>
                  <time className="muted" dateTime={v.createdAt} title={formatTime(v.createdAt)}>
                    {formatRelative(v.createdAt, now)}
                  </time>
                  <span className="muted" data-testid={`prompt-usage-${v.id}`} data-generations={u?.generations ?? 0}>
                    {u ? `${plural(u.generations, 'run', 'runs')} · ${u.completed} ok · ${u.failed} failed` : 'never run'}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>

        {selected ? (
          <div className="fx-version-detail">
            <h4>
              v{selected.versionNumber}
              {selected.parentVersionId ? (
                <span className="muted"> · from v{catalog.versions.find((v) => v.id === selected.parentVersionId)?.versionNumber ?? '?'}</span>
              ) : null}
            </h4>
            <TemplateText text={selected.text} testId="prompt-text" />
            <h4>Variables</h4>
            {Object.keys(selected.variables).length === 0 ? (
              <p className="muted">No declared variables.</p>
            ) : (
              <table className="fx-table">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Type</th>
                    <th>Default</th>
                    <th>Description</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(selected.variables).map(([name, decl]) => (
                    <tr key={name}>
                      <td>
                        <code>{name}</code>
                      </td>
                      <td>{decl.type}</td>
                      <td>{decl.default === undefined ? '—' : String(decl.default)}</td>
                      <td>{decl.description ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h4>Used by</h4>
            {users.length === 0 ? (
              <p className="muted">No node references this family.</p>
            ) : (
              <ul className="fx-plain-list" data-testid="prompt-users">
                {users.map((use) => (
                  <li key={use.nodeId}>
                    <button type="button" className="link-button" onClick={() => studio.selection.getState().requestFocus(use.nodeId, 'prompt')}>
                      {use.label}
                    </button>{' '}
                    <span className="muted">
                      {use.versionId ? `pinned to v${catalog.versions.find((v) => v.id === use.versionId)?.versionNumber ?? '?'}` : 'follows latest'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </div>
      {versions.length > 1 ? <VersionDiff versions={versions} /> : null}
    </div>
  );
}
