import { createStore } from 'zustand/vanilla';
import type { ImportReport } from '../../core/rpc/studio-shapes';
import type { ClipboardPayload } from '../graph/clipboard';

// Panels, dialogs and notifications (STYLE.md §6). Dialogs are requests with a resolver, so an action such
// as "open" can await the user's answer without knowing which component draws the dialog.

export type ToastKind = 'info' | 'success' | 'warning' | 'error';
export type Toast = { id: number; kind: ToastKind; message: string };
export type DockTab = 'generations' | 'health' | 'prompts' | 'problems';
export type UnsavedChoice = 'save' | 'discard' | 'cancel';
export type FeatureDialog = 'export' | 'world-settings' | 'settings';

export type DialogRequest =
  | { kind: 'path'; title: string; label: string; confirmLabel: string; initial: string; resolve(path: string | null): void }
  | { kind: 'unsaved'; action: string; resolve(choice: UnsavedChoice): void }
  | { kind: 'confirm'; title: string; message: string; confirmLabel: string; resolve(ok: boolean): void }
  | { kind: 'recovery'; projectId: string; savedAt: string | null; resolve(restore: boolean | null): void }
  | { kind: 'import-result'; sourcePath: string; report: ImportReport; resolve(): void };

export const TOAST_MS = 6000;

export type UiState = {
  toasts: Toast[];
  dockOpen: boolean;
  dockTab: DockTab;
  dockHeight: number;
  inspectorOpen: boolean;
  inspectorWidth: number;
  dialog: DialogRequest | null;
  paletteOpen: boolean;
  /** The open feature dialog (export, world settings, settings), drawn from components/shell/feature-dialogs. */
  featureDialog: FeatureDialog | null;
  setFeatureDialog(dialog: FeatureDialog | null): void;
  /** The last copied nodes, for paste from the menu when the system clipboard is not readable. */
  clipboard: ClipboardPayload | null;
  setClipboard(payload: ClipboardPayload): void;
  toast(kind: ToastKind, message: string): void;
  dismissToast(id: number): void;
  setDockTab(tab: DockTab): void;
  openDock(tab?: DockTab): void;
  toggleDock(): void;
  setDockHeight(height: number): void;
  toggleInspector(): void;
  setInspectorWidth(width: number): void;
  setPaletteOpen(open: boolean): void;
  askPath(request: Omit<Extract<DialogRequest, { kind: 'path' }>, 'kind' | 'resolve'>): Promise<string | null>;
  askUnsaved(action: string): Promise<UnsavedChoice>;
  askConfirm(request: Omit<Extract<DialogRequest, { kind: 'confirm' }>, 'kind' | 'resolve'>): Promise<boolean>;
  askRecovery(projectId: string, savedAt: string | null): Promise<boolean | null>;
  /** Shows what an import added, renamed and kept; resolves when the dialog closes. */
  showImportResult(sourcePath: string, report: ImportReport): Promise<void>;
  /** Cancels the open dialog: its caller gets the "no" answer. */
  closeDialog(): void;
  /** Clears the dialog after its component has resolved it with the user's answer. */
  finishDialog(): void;
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function createUiStore() {
  let toastId = 0;
  return createStore<UiState>()((set, get) => {
    // A new request answers the previous one as cancelled, so no awaiting caller is left hanging.
    function open(dialog: DialogRequest) {
      get().closeDialog();
      set({ dialog });
    }
    return {
      toasts: [],
      dockOpen: true,
      dockTab: 'problems',
      dockHeight: 240,
      inspectorOpen: true,
      inspectorWidth: 380,
      dialog: null,
      paletteOpen: false,
      clipboard: null,
      featureDialog: null,
      setFeatureDialog(dialog) {
        set({ featureDialog: dialog });
      },
      setClipboard(payload) {
        set({ clipboard: payload });
      },

      toast(kind, message) {
        toastId += 1;
        const id = toastId;
        set((s) => ({ toasts: [...s.toasts.slice(-4), { id, kind, message }] }));
        setTimeout(() => get().dismissToast(id), kind === 'error' ? TOAST_MS * 2 : TOAST_MS);
      },
      dismissToast(id) {
        set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
      },
      setDockTab(tab) {
        set({ dockTab: tab, dockOpen: true });
      },
      openDock(tab) {
        set((s) => ({ dockOpen: true, dockTab: tab ?? s.dockTab }));
      },
      toggleDock() {
        set((s) => ({ dockOpen: !s.dockOpen }));
      },
      setDockHeight(height) {
        set({ dockHeight: clamp(Math.round(height), 120, 640) });
      },
      toggleInspector() {
        set((s) => ({ inspectorOpen: !s.inspectorOpen }));
      },
      setInspectorWidth(width) {
        set({ inspectorWidth: clamp(Math.round(width), 300, 720) });
      },
      setPaletteOpen(open) {
        set({ paletteOpen: open });
      },
      askPath(request) {
        return new Promise((resolve) => open({ kind: 'path', ...request, resolve }));
      },
      askUnsaved(action) {
        return new Promise((resolve) => open({ kind: 'unsaved', action, resolve }));
      },
      askConfirm(request) {
        return new Promise((resolve) => open({ kind: 'confirm', ...request, resolve }));
      },
      askRecovery(projectId, savedAt) {
        return new Promise((resolve) => open({ kind: 'recovery', projectId, savedAt, resolve }));
      },
      showImportResult(sourcePath, report) {
        return new Promise((resolve) => open({ kind: 'import-result', sourcePath, report, resolve }));
      },
      closeDialog() {
        const dialog = get().dialog;
        if (!dialog) return;
        set({ dialog: null });
        if (dialog.kind === 'path') dialog.resolve(null);
        else if (dialog.kind === 'unsaved') dialog.resolve('cancel');
        else if (dialog.kind === 'confirm') dialog.resolve(false);
        else if (dialog.kind === 'import-result') dialog.resolve();
        else dialog.resolve(null);
      },
      finishDialog() {
        set({ dialog: null });
      },
    };
  });
}

export type UiStore = ReturnType<typeof createUiStore>;
