import { createStore } from 'zustand/vanilla';
import type { GenerationNode } from '../../core/domain/project-document';
import { validateGenerationNode, type ValidationResult } from '../../core/validation';
import { buildValidationContext } from '../graph/validation-context';
import { stableJson, withVersionBump } from '../graph/version-bump';
import type { GraphStore } from './graph-store';
import type { SessionStore } from './session-store';
import type { UiStore } from './ui-store';

// studio-ui.md §4.2: the generation node editor edits a draft; the document changes only on Apply, which
// is one undo step, is refused while the draft has errors, and bumps the version when output would change.

export type NodeDraft = { label: string; budgetUsd: number | undefined; config: Record<string, unknown> };

export type EditorState = {
  drafts: Record<string, NodeDraft>;
  detailsOpen: Record<string, boolean>;
  edit(node: GenerationNode, recipe: (draft: NodeDraft) => NodeDraft): void;
  revert(nodeId: string): void;
  setDetailsOpen(nodeId: string, open: boolean): void;
  /** Validates synchronously with the live context: what Apply and the debounced editor both use. */
  validate(config: unknown): ValidationResult;
  apply(nodeId: string): 'applied' | 'blocked' | 'unchanged';
};

export function draftOf(node: GenerationNode): NodeDraft {
  return { label: node.label, budgetUsd: node.budgetUsd, config: node.config };
}

export function sameDraft(a: NodeDraft, b: NodeDraft): boolean {
  return a.label === b.label && a.budgetUsd === b.budgetUsd && stableJson(a.config) === stableJson(b.config);
}

export function createEditorStore(graph: GraphStore, session: SessionStore, ui: UiStore) {
  return createStore<EditorState>()((set, get) => ({
    drafts: {},
    detailsOpen: {},
    edit(node, recipe) {
      const current = get().drafts[node.id] ?? draftOf(node);
      set((s) => ({ drafts: { ...s.drafts, [node.id]: recipe(current) } }));
    },
    revert(nodeId) {
      set((s) => {
        const drafts = { ...s.drafts };
        delete drafts[nodeId];
        return { drafts };
      });
    },
    setDetailsOpen(nodeId, open) {
      set((s) => ({ detailsOpen: { ...s.detailsOpen, [nodeId]: open } }));
    },
    validate(config) {
      const doc = graph.getState().document;
      const { settings, providers } = session.getState();
      return doc ? validateGenerationNode(config, buildValidationContext(doc, settings, providers)) : validateGenerationNode(config);
    },
    apply(nodeId) {
      const node = graph.getState().document?.generationNodes.find((n) => n.id === nodeId);
      const draft = get().drafts[nodeId];
      if (!node || !draft || sameDraft(draft, draftOf(node))) return 'unchanged';
      const result = get().validate(draft.config);
      const firstError = result.errors[0];
      if (firstError) {
        ui.getState().toast('error', `Validation failed: ${firstError.message}`);
        get().setDetailsOpen(nodeId, true);
        return 'blocked';
      }
      const patch: Partial<GenerationNode> = { label: draft.label, config: withVersionBump(node.config, draft.config) };
      patch.budgetUsd = draft.budgetUsd;
      graph.getState().applyNodeEdit(nodeId, patch);
      get().revert(nodeId);
      ui.getState().toast('success', 'Generation node configuration updated');
      return 'applied';
    },
  }));
}

export type EditorStore = ReturnType<typeof createEditorStore>;
