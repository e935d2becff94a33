import '../features.css';
import { useEffect, useMemo } from 'react';
import { useGraphStore } from '../../stores/context';
import { EmptyState } from '../shared/EmptyState';
import { plural } from '../shared/format';
import { FamilyView } from './FamilyView';
import { LibraryEditorForm } from './LibraryEditorForm';
import { usePromptLibrary, usePromptLibraryApi } from './use-prompt-library';

// studio-ui.md §8: families with search, then the selected family's versions, text, variables, users and diff.

export function PromptLibraryPanel() {
  const api = usePromptLibraryApi();
  const catalog = useGraphStore((s) => s.document?.prompts);
  const projectId = useGraphStore((s) => s.document?.projectId);
  const search = usePromptLibrary((s) => s.search);
  const showInactive = usePromptLibrary((s) => s.showInactive);
  const selectedFamilyId = usePromptLibrary((s) => s.selectedFamilyId);
  const editor = usePromptLibrary((s) => s.editor);
  const usageError = usePromptLibrary((s) => s.usageError);

  useEffect(() => api.getState().start(), [api]);
  useEffect(() => {
    if (projectId) void api.getState().loadUsage();
  }, [api, projectId, catalog]);

  const families = useMemo(() => {
    const query = search.trim().toLowerCase();
    return (catalog?.families ?? []).filter(
      (f) =>
        (showInactive || f.isActive) &&
        (query === '' || [f.title, f.slug, f.category ?? '', ...f.tags].some((text) => text.toLowerCase().includes(query))),
    );
  }, [catalog, search, showInactive]);

  if (!catalog) {
    return (
      <div className="fx-panel" data-testid="prompt-library">
        <EmptyState icon="✎" title="Open a project to see its prompt library" />
      </div>
    );
  }
  const selected = catalog.families.find((f) => f.id === selectedFamilyId);
  const counts = new Map<string, number>();
  for (const v of catalog.versions) counts.set(v.familyId, (counts.get(v.familyId) ?? 0) + 1);

  return (
    <div className="fx-panel fx-prompts" data-testid="prompt-library">
      <div className="fx-split">
        <nav className="fx-sidebar" aria-label="Prompt families">
          <div className="fx-sidebar-tools">
            <input
              type="search"
              aria-label="Search prompt families"
              placeholder="Search"
              data-testid="prompt-search"
              value={search}
              onChange={(e) => api.getState().setSearch(e.target.value)}
            />
            <button type="button" className="btn btn-primary" data-testid="prompt-new-family" onClick={() => api.getState().openNewFamily()}>
              New family
            </button>
          </div>
          <label className="fx-check">
            <input type="checkbox" checked={showInactive} onChange={(e) => api.getState().setShowInactive(e.target.checked)} />
            <span>Show inactive</span>
          </label>
          <ul className="fx-family-list" data-testid="prompt-families">
            {families.length === 0 ? (
              <li className="muted fx-pad">{catalog.families.length === 0 ? 'No prompt families yet.' : 'No family matches.'}</li>
            ) : (
              families.map((f) => (
                <li key={f.id}>
                  <button
                    type="button"
                    data-row
                    className={f.id === selectedFamilyId ? 'fx-family-row is-selected' : 'fx-family-row'}
                    data-testid={`prompt-family-${f.id}`}
                    data-active={f.isActive}
                    aria-pressed={f.id === selectedFamilyId}
                    onClick={() => api.getState().selectFamily(f.id)}
                  >
                    <span className="fx-family-title">{f.title}</span>
                    <span className="muted">
                      {f.promptType} · {plural(counts.get(f.id) ?? 0, 'version', 'versions')}
                      {f.isActive ? '' : ' · inactive'}
                    </span>
                  </button>
                </li>
              ))
            )}
          </ul>
        </nav>
        <div className="fx-split-main fx-scroll">
          {usageError ? <p className="fx-note fx-note-warning">Usage unavailable: {usageError}</p> : null}
          {editor?.mode === 'family' ? <LibraryEditorForm editor={editor} nextNumber={1} /> : null}
          {selected ? (
            <FamilyView family={selected} catalog={catalog} />
          ) : editor?.mode === 'family' ? null : (
            <EmptyState icon="✎" title="Select a prompt family">
              Families hold immutable versions; nodes follow the latest or pin one.
            </EmptyState>
          )}
        </div>
      </div>
    </div>
  );
}
