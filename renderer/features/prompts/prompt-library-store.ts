import { createStore } from 'zustand/vanilla';
import type { PromptUsageRow } from '../../../core/domain/telemetry-shapes';
import type { PromptType } from '../../../core/domain/vocabulary';
import type { GraphStore } from '../../stores/graph-store';
import { refreshOnEvents } from '../shared/refresh-on-events';
import { errorMessage, invoke, type StudioRpc } from '../shared/rpc-port';
import { addFamily, addVersion, setFamilyActive, versionsOf, withCatalog } from './catalog-ops';

// studio-ui.md §8: the prompt library panel. The library lives in the open document, so every change goes
// through the shell's `commit` (one undo step); usage is read from the engine (prompts.usage), never stored.

export type LibraryEditor =
  | { mode: 'version'; familyId: string; parentVersionId: string | null; text: string; commitMessage: string }
  | { mode: 'family'; title: string; promptType: PromptType; category: string; text: string; commitMessage: string };

export type DiffMode = 'unified' | 'split';

export type PromptLibraryState = {
  search: string;
  showInactive: boolean;
  selectedFamilyId: string | null;
  selectedVersionId: string | null;
  usage: Record<string, PromptUsageRow>;
  usageError: string | null;
  compare: { fromId: string; toId: string } | null;
  diffMode: DiffMode;
  editor: LibraryEditor | null;
  editorError: string | null;
  setSearch(search: string): void;
  setShowInactive(show: boolean): void;
  selectFamily(familyId: string | null): void;
  selectVersion(versionId: string): void;
  /** Opens the family of a version and selects it (links from the dev panel and the editor). */
  focusVersion(versionId: string): void;
  loadUsage(): Promise<void>;
  openNewVersion(): void;
  openNewFamily(): void;
  updateEditor(patch: Partial<Record<'text' | 'commitMessage' | 'title' | 'category' | 'promptType', string>>): void;
  closeEditor(): void;
  /** Adds the family or version to the document; returns the new version id, or null when refused. */
  saveEditor(): string | null;
  setCompare(compare: { fromId: string; toId: string } | null): void;
  setDiffMode(mode: DiffMode): void;
  setActive(familyId: string, isActive: boolean): void;
  /** Re-reads usage shortly after generations are created or finish; returns the unsubscribe. */
  start(): () => void;
};

export const USAGE_REFRESH_MS = 500;

export function createPromptLibraryStore(deps: { rpc: StudioRpc; graph: GraphStore; now?: () => string }) {
  const now = deps.now ?? (() => new Date().toISOString());
  const catalog = () => deps.graph.getState().document?.prompts ?? { families: [], versions: [] };

  return createStore<PromptLibraryState>()((set, get) => ({
    search: '',
    showInactive: true,
    selectedFamilyId: null,
    selectedVersionId: null,
    usage: {},
    usageError: null,
    compare: null,
    diffMode: 'unified',
    editor: null,
    editorError: null,

    setSearch(search) {
      set({ search });
    },
    setShowInactive(showInactive) {
      set({ showInactive });
    },
    selectFamily(familyId) {
      const latest = familyId ? versionsOf(catalog(), familyId)[0] : undefined;
      set({ selectedFamilyId: familyId, selectedVersionId: latest?.id ?? null, compare: null, editor: null, editorError: null });
    },
    selectVersion(versionId) {
      set({ selectedVersionId: versionId });
    },
    focusVersion(versionId) {
      const version = catalog().versions.find((v) => v.id === versionId);
      if (!version) return;
      set({ selectedFamilyId: version.familyId, selectedVersionId: version.id, search: '', compare: null, editor: null });
    },

    async loadUsage() {
      const projectId = deps.graph.getState().document?.projectId;
      if (!projectId) return;
      try {
        const rows = await invoke(deps.rpc, 'prompts.usage', { projectId });
        set({ usage: Object.fromEntries(rows.map((row) => [row.versionId, row])), usageError: null });
      } catch (error) {
        set({ usageError: errorMessage(error) });
      }
    },

    openNewVersion() {
      const { selectedFamilyId, selectedVersionId } = get();
      if (!selectedFamilyId) return;
      const parent = catalog().versions.find((v) => v.id === selectedVersionId) ?? versionsOf(catalog(), selectedFamilyId)[0];
      set({
        editor: { mode: 'version', familyId: selectedFamilyId, parentVersionId: parent?.id ?? null, text: parent?.text ?? '', commitMessage: '' },
        editorError: null,
      });
    },
    openNewFamily() {
      set({ editor: { mode: 'family', title: '', promptType: 'visual', category: '', text: '', commitMessage: '' }, editorError: null });
    },
    updateEditor(patch) {
      const editor = get().editor;
      if (!editor) return;
      set({ editor: { ...editor, ...patch } as LibraryEditor, editorError: null });
    },
    closeEditor() {
      set({ editor: null, editorError: null });
    },

    saveEditor() {
      const editor = get().editor;
      if (!editor) return null;
      if (editor.text.trim() === '') {
        set({ editorError: 'The prompt text must not be blank.' });
        return null;
      }
      if (editor.mode === 'family' && editor.title.trim() === '') {
        set({ editorError: 'The family needs a title.' });
        return null;
      }
      const current = catalog();
      const parent = editor.mode === 'version' ? current.versions.find((v) => v.id === editor.parentVersionId) : undefined;
      if (editor.mode === 'version' && parent && parent.text === editor.text) {
        set({ editorError: 'The text is unchanged: a new version must differ from its parent.' });
        return null;
      }
      const edit =
        editor.mode === 'family'
          ? addFamily(current, editor, now())
          : addVersion(
              current,
              {
                familyId: editor.familyId,
                ...(parent ? { parentVersionId: parent.id, variables: parent.variables } : {}),
                text: editor.text,
                commitMessage: editor.commitMessage,
              },
              now(),
            );
      const committed = deps.graph.getState().commit((doc) => withCatalog(doc, edit.catalog));
      if (!committed) {
        set({ editorError: 'No project is open.' });
        return null;
      }
      set({ editor: null, editorError: null, selectedFamilyId: edit.familyId, selectedVersionId: edit.versionId, compare: null });
      return edit.versionId;
    },

    setCompare(compare) {
      set({ compare });
    },
    setDiffMode(diffMode) {
      set({ diffMode });
    },
    setActive(familyId, isActive) {
      deps.graph.getState().commit((doc) => withCatalog(doc, setFamilyActive(doc.prompts, familyId, isActive)));
    },
    start() {
      return refreshOnEvents(deps.rpc, ['generations.onDidCreate', 'generations.onDidChangeStatus'], USAGE_REFRESH_MS, () => {
        void get().loadUsage();
      });
    },
  }));
}

export type PromptLibraryStore = ReturnType<typeof createPromptLibraryStore>;
