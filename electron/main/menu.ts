import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { Menu, app, dialog, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Panel } from '../core/panel.js';
import type { EventRelay } from './ipc.js';

/** Larger logs are better read with other tools than the in-app viewer. */
const MAX_OPEN_BYTES = 512 << 20;

async function openLog(panel: Panel, win: BrowserWindow, relay: EventRelay): Promise<void> {
  const logs = panel.writer ? dirname(panel.writer.path) : app.getPath('userData');
  const picked = await dialog.showOpenDialog(win, { title: 'Open a session log', defaultPath: logs, filters: [{ name: 'Session logs', extensions: ['jsonl'] }], properties: ['openFile'] });
  const file = picked.filePaths[0];
  if (picked.canceled || !file) return;
  if ((await stat(file)).size > MAX_OPEN_BYTES) {
    await dialog.showMessageBox(win, { type: 'warning', message: `${basename(file)} is larger than 512 MB; open it with a text tool instead.` });
    return;
  }
  relay.send('log:opened', { name: basename(file), text: await readFile(file, 'utf8') });
}

const DOCS = 'https://mmdagent-ex.dev/docs/remote/';

export function setupMenu(panel: Panel, win: BrowserWindow, relay: EventRelay): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Log…', accelerator: 'CmdOrCtrl+O', click: () => void openLog(panel, win, relay) },
        /* The renderer knows the filtered view, so it does the export (the same code as its toolbar). */
        { label: 'Export Log View (.txt)…', accelerator: 'CmdOrCtrl+Shift+E', click: () => relay.send('menu:command', { command: 'export-txt' }) },
        { label: 'Export Log View (.jsonl)…', click: () => relay.send('menu:command', { command: 'export-jsonl' }) },
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
        { label: 'Keyboard Shortcuts', accelerator: 'F1', click: () => relay.send('menu:command', { command: 'shortcuts' }) },
        { label: 'MMDAgent-EX Plugin_Remote documentation', click: () => void shell.openExternal(DOCS) },
        { label: `About ${app.getName()}`, click: () => app.showAboutPanel() },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
