// rpc.md §3 dialog.*: native dialogs, attached to the window that asked.
import type { BrowserWindow, Dialog } from 'electron';
import type { HostDialogs } from '../../core/host/host-engine';

const PROJECT_FILTERS = [{ name: 'Genweave project', extensions: ['json'] }];

export function electronDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, parent: () => BrowserWindow | null): HostDialogs {
  async function open(properties: Array<'openFile' | 'openDirectory' | 'createDirectory'>, filters?: typeof PROJECT_FILTERS) {
    const window = parent();
    const options = { properties, ...(filters === undefined ? {} : { filters }) };
    const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
    return { path: result.canceled ? null : (result.filePaths[0] ?? null), supported: true };
  }
  return {
    openProject: () => open(['openFile'], PROJECT_FILTERS),
    chooseFolder: () => open(['openDirectory', 'createDirectory']),
    chooseFile: () => open(['openFile']),
    async saveProject(input) {
      const window = parent();
      const options = { filters: PROJECT_FILTERS, defaultPath: `${input.suggestedName ?? 'Untitled'}.genweave.json` };
      const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
      return { path: result.canceled ? null : (result.filePath ?? null), supported: true };
    },
  };
}
