import { app, dialog, type BrowserWindow } from 'electron';
import { CLOSE_WARNING, type Panel } from '../core/panel.js';

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
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Quit', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: agents === 1 ? 'An MMDAgent-EX is connected.' : `${agents} MMDAgent-EX agents are connected.`,
      detail: `${CLOSE_WARNING} Quit anyway?`,
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
