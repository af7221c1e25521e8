/**
 * Electron entry: a thin adapter over the core. Each concern lives in main/.
 */
import { app } from 'electron';
import { Panel } from './core/panel.js';
import { registerAppScheme, setupAppProtocol } from './desktop/app-protocol.js';
import { setupKeySealer } from './desktop/key-sealer.js';
import { setupIpc } from './desktop/panel-ipc.js';
import { setupMenu } from './desktop/menu.js';
import { setupQuit } from './desktop/quit.js';
import { setupSecurity } from './desktop/security.js';
import { setupWindow } from './desktop/window.js';

export async function startApp(): Promise<void> {
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) return app.quit();
  await app.whenReady();
  const panel = new Panel({ dataDir: app.getPath('userData'), host: 'electron', sealer: setupKeySealer() });
  /* Listen first: MMDAgent-EX may already be retrying. */
  await panel.start();
  setupSecurity();
  setupAppProtocol();
  const win = setupWindow(panel);
  const relay = setupIpc(panel, win);
  setupMenu(panel, win, relay);
  setupQuit(panel, win);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
}

void startApp();
