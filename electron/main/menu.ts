import { Menu, app, shell, type MenuItemConstructorOptions } from 'electron';
import type { Panel } from '../core/panel.js';
import { dirname } from 'node:path';

const DOCS = 'https://mmdagent-ex.dev/docs/remote/';

export function setupMenu(panel: Panel): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Show Session Logs Folder',
          click: () => {
            const file = panel.writer?.path;
            if (file) void shell.openPath(dirname(file));
          },
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'MMDAgent-EX Plugin_Remote documentation', click: () => void shell.openExternal(DOCS) },
        { label: `About ${app.getName()}`, click: () => app.showAboutPanel() },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
