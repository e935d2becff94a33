// The application menu: the platform's usual roles (edit, view, window). Studio commands keep their shortcuts
// in the renderer (studio-ui.md §2), so no accelerator here competes with them.
import type { MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(options: { isMac: boolean; devTools: boolean; openDocs(): void }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (options.devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Documentation', click: options.openDocs }] },
  ];
}
