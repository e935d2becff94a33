import { useCallback, useEffect } from 'react';
import { isDirty } from '../stores/graph-store';
import { useGraphStore, useSessionStore, useStudio, useUiStore } from '../stores/context';
import { GraphCanvas } from './canvas/GraphCanvas';
import { DialogHost } from './dialogs/DialogHost';
import { Dock } from './dock/Dock';
import { CommandBox } from './shell/CommandBox';
import { FEATURE_DIALOGS } from './shell/feature-dialogs';
import { Inspector } from './shell/Inspector';
import { StartupNotice } from './shell/StartupNotice';
import { StatusBar } from './shell/StatusBar';
import { Toasts } from './shell/Toasts';
import { Toolbar } from './shell/Toolbar';
import { useAutosave } from './shell/use-autosave';
import { useShortcuts } from './shell/use-shortcuts';
import { Welcome } from './shell/Welcome';

/** studio-ui.md §1: toolbar, canvas, inspector, dock, status bar, notifications and dialogs. */
export function App() {
  const { ui } = useStudio();
  const appState = useSessionStore((s) => s.appState);
  const startupError = useSessionStore((s) => s.startupError);
  const theme = useSessionStore((s) => s.settings.theme);
  const hasDoc = useGraphStore((s) => s.document !== null);
  const featureDialog = useUiStore((s) => s.featureDialog);
  const openExport = useCallback(() => ui.getState().setFeatureDialog('export'), [ui]);
  useShortcuts({ onExport: openExport });
  useAutosave();
  useUnloadGuard();
  const FeatureDialogView = featureDialog ? FEATURE_DIALOGS[featureDialog] : null;

  return (
    <div className="app" data-testid="app-root" data-app-state={appState} data-theme={theme}>
      <Toolbar onOpenDialog={(name) => ui.getState().setFeatureDialog(name)} />
      <StartupNotice />
      {appState === 'loading' ? (
        <main className="splash" aria-busy="true">
          <div className="splash-mark" aria-hidden="true">
            ◆
          </div>
          <p className="muted">Connecting to Genweave…</p>
        </main>
      ) : appState === 'error' ? (
        <main className="splash" role="alert">
          <p className="empty-title">Genweave could not start</p>
          <p className="muted">{startupError}</p>
        </main>
      ) : hasDoc ? (
        <div className="workspace">
          <div className="workspace-main">
            <GraphCanvas />
            <Inspector />
          </div>
          <Dock />
        </div>
      ) : (
        <Welcome />
      )}
      <StatusBar />
      <Toasts />
      <DialogHost />
      <CommandBox />
      {FeatureDialogView ? <FeatureDialogView onClose={() => ui.getState().setFeatureDialog(null)} /> : null}
    </div>
  );
}

/** A browser tab or window closing with unsaved changes asks first, and leaves a recovery snapshot. */
function useUnloadGuard() {
  const { graph, project } = useStudio();
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!isDirty(graph.getState())) return;
      void project.autosave();
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [graph, project]);
}
