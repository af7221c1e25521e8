import { app, dialog, type BrowserWindow } from 'electron';
import type { Panel } from '../core/panel.js';
import { mainLang, mainText } from './main-text.js';

/**
 * Quitting closes agent connections, which kills the released MMDAgent-EX: warn
 * first, then close them cleanly and flush the session log before exiting.
 */
export function setupQuit(panel: Panel, win: BrowserWindow): void {
  let confirmed = false;
  let done = false;
  let stopping = false;
  const confirmQuit = (): boolean => {
    const agents = panel.server.count();
    if (agents === 0) return true;
    const lang = mainLang(panel.settings().language, app.getLocale?.() ?? 'en');
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: [mainText(lang, 'quit'), mainText(lang, 'cancel')],
      defaultId: 1,
      cancelId: 1,
      message: agents === 1 ? mainText(lang, 'oneAgent') : mainText(lang, 'manyAgents', { n: agents }),
      detail: mainText(lang, 'quitDetail'),
    });
    return choice === 0;
  };
  win.on('close', (event) => {
    if (done || confirmed) return;
    event.preventDefault();
    app.quit();
  });
  app.on('before-quit', (event) => {
    if (done) return;
    event.preventDefault();
    if (stopping) return;
    if (!confirmed && !confirmQuit()) return;
    confirmed = true;
    stopping = true;
    panel
      .shutdown()
      .catch((error: unknown) => console.error('Remote Panel: shutdown failed', error))
      .finally(() => {
        done = true;
        app.quit();
      });
  });
  app.on('window-all-closed', () => app.quit());
}
