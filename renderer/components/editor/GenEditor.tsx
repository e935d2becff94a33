import { useEffect, useMemo, useRef, useState } from 'react';
import type { GenerationNode } from '../../../core/domain/project-document';
import type { ValidationResult } from '../../../core/validation';
import { getValidationStatus, getValidationSummary } from '../../../core/validation';
import { linkedScenes } from '../../graph/document-ops';
import { changedShapingFields, isBumpPending, versionOf } from '../../graph/version-bump';
import { setIn } from '../../lib/config-path';
import { STRATEGY_SCOPES } from '../../lib/labels';
import { useEditorStore, useGraphStore, useSelectionStore, useSessionStore, useStudio } from '../../stores/context';
import { draftOf, sameDraft } from '../../stores/editor-store';
import { IssueContext, focusField } from '../fields/issue-context';
import { BasicsSection } from './BasicsSection';
import { ConstraintsSection } from './ConstraintsSection';
import { issuesByPath, previewCacheKey } from './editor-status';
import { FallbackSection } from './FallbackSection';
import { LinksSection } from './LinksSection';
import { ModelSection } from './ModelSection';
import { PromptSection } from './PromptSection';
import { SocialSection } from './SocialSection';
import { DurationSection, StyleSection } from './StyleDurationSections';
import { ValidationDetails } from './ValidationDetails';
import { useFreshnessHint } from './use-freshness-hint';
import { PreviewPanel } from '../../features/preview/PreviewPanel';

export const EDITOR_VALIDATE_DEBOUNCE_MS = 150;

const STATUS_TEXT = { error: 'Has errors', warning: 'Has warnings', ok: 'Valid' } as const;

function compact(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** studio-ui.md §4.2: edits a draft of one generation node; keyed by node id so switching nodes remounts. */
export function GenEditor({ node }: { node: GenerationNode }) {
  const { editor, selection } = useStudio();
  const doc = useGraphStore((s) => s.document)!;
  const storedDraft = useEditorStore((s) => s.drafts[node.id]);
  const detailsOpen = useEditorStore((s) => s.detailsOpen[node.id] ?? false);
  const settings = useSessionStore((s) => s.settings);
  const providers = useSessionStore((s) => s.providers);
  const focusRequest = useSelectionStore((s) => s.focusRequest);
  const draft = storedDraft ?? draftOf(node);
  const dirty = storedDraft !== undefined && !sameDraft(storedDraft, draftOf(node));
  const [result, setResult] = useState<ValidationResult | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setResult(editor.getState().validate(draft.config)), EDITOR_VALIDATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [editor, draft.config, doc.world, doc.prompts, settings, providers]);

  // The details open by themselves when errors appear (studio-ui.md §4.2).
  const errorCount = result?.errors.length ?? 0;
  const hadErrors = useRef(false);
  useEffect(() => {
    if (errorCount > 0 && !hadErrors.current) editor.getState().setDetailsOpen(node.id, true);
    hadErrors.current = errorCount > 0;
  }, [editor, errorCount, node.id]);

  useEffect(() => {
    if (focusRequest?.nodeId !== node.id || !focusRequest.path) return;
    focusField(focusRequest.path);
    selection.getState().consumeFocus();
  }, [focusRequest, node.id, selection]);

  const set = (path: string, value: unknown) =>
    editor.getState().edit(node, (d) => ({ ...d, config: setIn(d.config, path, compact(value)) }));
  const issues = useMemo(() => issuesByPath(result), [result]);
  const status = result ? getValidationStatus(result) : null;
  const bumpPending = isBumpPending(node.config, draft.config);
  const currentVersion = versionOf(node.config);
  const { fromScene, toScene } = linkedScenes(doc, node.id);
  const versionAfterApply = bumpPending ? currentVersion + 1 : versionOf(draft.config);
  const cacheKey = previewCacheKey(draft.config, fromScene?.id, toScene?.id, versionAfterApply);
  const strategy = draft.config['strategy'];
  const newerPrompt = newerPromptVersion(doc, draft.config);
  const staleResult = useFreshnessHint(node, draft.config, bumpPending);
  const sectionProps = { doc, node, draft, set };

  return (
    <div className="gen-editor" data-testid="gen-editor">
      <div className="gen-editor-top">
        <div className="gen-editor-status" data-testid="gen-editor-status" data-validation={status ?? 'ok'} aria-busy={status === null}>
          <span className={`status-pill status-${status ?? 'pending'}`}>
            <span aria-hidden="true">{status === 'error' ? '✖' : status === 'warning' ? '⚠' : status === 'ok' ? '✓' : '…'}</span>
            {status ? STATUS_TEXT[status] : 'Validating…'}
          </span>
          <span className="gen-editor-summary">{result ? getValidationSummary(result) : ''}</span>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            data-testid="gen-editor-details"
            aria-expanded={detailsOpen}
            onClick={() => editor.getState().setDetailsOpen(node.id, !detailsOpen)}
          >
            {detailsOpen ? 'Hide details' : 'Details'}
          </button>
        </div>
        {detailsOpen && result ? <ValidationDetails result={result} /> : null}
        {bumpPending ? (
          <p className="notice notice-info" data-testid="gen-editor-bump-notice">
            version {currentVersion} → {currentVersion + 1}: cached results for this node will be regenerated
            <span className="muted"> ({changedShapingFields(node.config, draft.config).join(', ')} changed)</span>
          </p>
        ) : null}
        {newerPrompt !== null ? (
          <p className="notice notice-info" data-testid="gen-editor-newer-prompt">
            Newer prompt version v{newerPrompt} available.{' '}
            <button type="button" className="btn btn-small" onClick={() => set('version', versionOf(draft.config) + 1)}>
              Refresh cached results
            </button>
          </p>
        ) : null}
        {staleResult ? (
          <p className="notice notice-info" data-testid="gen-editor-stale-result">
            Output-shaping settings changed; bump the version to regenerate.{' '}
            <button type="button" className="btn btn-small" onClick={() => set('version', versionOf(draft.config) + 1)}>
              Bump version
            </button>
          </p>
        ) : null}
        <dl className="cache-facts">
          <dt>Cache key</dt>
          <dd data-testid="gen-editor-cache-key">
            {cacheKey.key ? <code>{cacheKey.key}</code> : <span className="muted">none</span>}
            <span className="muted"> · {cacheKey.note}</span>
          </dd>
          <dt>Seed scope</dt>
          <dd data-testid="gen-editor-seed-scope">
            {typeof strategy === 'string' && strategy in STRATEGY_SCOPES ? STRATEGY_SCOPES[strategy as keyof typeof STRATEGY_SCOPES] : '—'}
            {typeof draft.config['seedSource'] === 'string' ? ` · seed from ${draft.config['seedSource']}` : ' · no seed source'}
          </dd>
        </dl>
      </div>
      <PreviewPanel nodeId={node.id} draftConfig={draft.config} />
      <IssueContext.Provider value={issues}>
        <div className="gen-editor-sections">
          <BasicsSection {...sectionProps} />
          <PromptSection {...sectionProps} />
          <StyleSection {...sectionProps} />
          <DurationSection {...sectionProps} />
          <ConstraintsSection {...sectionProps} />
          <SocialSection {...sectionProps} />
          <FallbackSection {...sectionProps} />
          <ModelSection {...sectionProps} />
          <LinksSection {...sectionProps} />
        </div>
      </IssueContext.Provider>
      <footer className="gen-editor-actions">
        <button type="button" className="btn" data-testid="gen-editor-revert" disabled={!dirty} onClick={() => editor.getState().revert(node.id)}>
          Revert
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="gen-editor-apply"
          disabled={!dirty}
          aria-disabled={dirty && errorCount > 0 ? true : undefined}
          onClick={() => editor.getState().apply(node.id)}
        >
          Apply
        </button>
      </footer>
    </div>
  );
}

function newerPromptVersion(doc: { prompts: { versions: Array<{ id: string; familyId: string; versionNumber: number }> } }, config: Record<string, unknown>): number | null {
  const prompt = config['prompt'];
  if (!prompt || typeof prompt !== 'object') return null;
  const versionId = (prompt as Record<string, unknown>)['versionId'];
  if (typeof versionId !== 'string') return null;
  const pinned = doc.prompts.versions.find((v) => v.id === versionId);
  if (!pinned) return null;
  const latest = Math.max(...doc.prompts.versions.filter((v) => v.familyId === pinned.familyId).map((v) => v.versionNumber));
  return latest > pinned.versionNumber ? latest : null;
}
