import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { Menu, app, dialog, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Panel } from '../core/panel.js';
import type { EventRelay } from './ipc.js';
import { mainLang, mainText, type MainLang } from './main-text.js';

/** Larger logs are better read with other tools than the in-app viewer. */
const MAX_OPEN_BYTES = 512 << 20;

async function openLog(panel: Panel, win: BrowserWindow, relay: EventRelay, lang: MainLang): Promise<void> {
  const logs = panel.logFile ? dirname(panel.logFile) : app.getPath('userData');
  const picked = await dialog.showOpenDialog(win, {
    title: mainText(lang, 'openTitle'),
    defaultPath: logs,
    filters: [{ name: mainText(lang, 'logsFilter'), extensions: ['jsonl'] }],
    properties: ['openFile'],
  });
  const file = picked.filePaths[0];
  if (picked.canceled || !file) return;
  if ((await stat(file)).size > MAX_OPEN_BYTES) {
    await dialog.showMessageBox(win, {
      type: 'warning',
      message: mainText(lang, 'tooLarge', { name: basename(file) }),
    });
    return;
  }
  relay.send('log:opened', { name: basename(file), text: await readFile(file, 'utf8') });
}

const DOCS = 'https://mmdagent-ex.dev/docs/remote/';

/** The app menu, in the window's language; rebuilt when the language setting changes. */
export function setupMenu(panel: Panel, win: BrowserWindow, relay: EventRelay): void {
  let built: MainLang | null = null;
  const build = (): void => {
    const lang = mainLang(panel.settings().language, app.getLocale?.() ?? 'en');
    if (lang === built) return;
    built = lang;
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(panel, win, relay, lang)));
  };
  build();
  panel.on('settings:changed', build);
}

function menuTemplate(
  panel: Panel,
  win: BrowserWindow,
  relay: EventRelay,
  lang: MainLang,
): MenuItemConstructorOptions[] {
  const isMac = process.platform === 'darwin';
  const t = (key: Parameters<typeof mainText>[1], params?: Record<string, string>): string =>
    mainText(lang, key, params);
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('file'),
      submenu: [
        { label: t('openLog'), accelerator: 'CmdOrCtrl+O', click: () => void openLog(panel, win, relay, lang) },
        /* The renderer knows the filtered view, so it does the export (the same code as its toolbar). */
        {
          label: t('exportTxt'),
          accelerator: 'CmdOrCtrl+Shift+E',
          click: () => relay.send('menu:command', { command: 'export-txt' }),
        },
        { label: t('exportJsonl'), click: () => relay.send('menu:command', { command: 'export-jsonl' }) },
        {
          label: t('logsFolder'),
          click: () => {
            const file = panel.logFile;
            if (file) void shell.openPath(dirname(file));
          },
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: t('view'),
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: t('shortcuts'), accelerator: 'F1', click: () => relay.send('menu:command', { command: 'shortcuts' }) },
        { label: t('docs'), click: () => void shell.openExternal(DOCS) },
        { label: t('about', { name: app.getName() }), click: () => app.showAboutPanel() },
      ],
    },
  ];
}
