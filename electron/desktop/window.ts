import { fileURLToPath } from 'node:url';
import { BrowserWindow, screen } from 'electron';
import type { WindowBounds } from '../../common/settings.js';
import type { Panel } from '../core/panel.js';
import { APP_URL, devServerUrl } from './app-origin.js';

const DEFAULT_BOUNDS = { width: 1280, height: 800 };

/** The security baseline, set explicitly rather than trusting defaults. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const;

/** Saved bounds (kept in settings), if they still fit on a connected display. */
export function loadBounds(saved: WindowBounds | null): WindowBounds {
  if (!saved || ![saved.width, saved.height].every((n) => Number.isFinite(n) && n >= 400)) return DEFAULT_BOUNDS;
  const { x, y } = saved;
  if (x === undefined || y === undefined) return { width: saved.width, height: saved.height };
  const visible = screen.getAllDisplays().some((d) => {
    const a = d.workArea;
    return x < a.x + a.width && x + saved.width > a.x && y < a.y + a.height && y + saved.height > a.y;
  });
  return visible ? saved : { width: saved.width, height: saved.height };
}

export function setupWindow(panel: Panel): BrowserWindow {
  const win = new BrowserWindow({
    ...loadBounds(panel.settings().windowBounds),
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Remote Panel for MMDAgent-EX',
    backgroundColor: '#0f1220',
    webPreferences: { ...WEB_PREFERENCES, preload: fileURLToPath(new URL('../preload.cjs', import.meta.url)) },
  });
  win.once('ready-to-show', () => win.show());
  let timer: NodeJS.Timeout | null = null;
  const save = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      if (!win.isDestroyed() && !win.isMinimized() && !win.isFullScreen()) {
        const { x, y, width, height } = win.getNormalBounds();
        /* Window size is a convenience; a failed save is not worth a message. */
        void panel.settingsApplier.update({ windowBounds: { x, y, width, height } }).catch(() => undefined);
      }
    }, 400);
  };
  win.on('resize', save);
  win.on('move', save);
  win.on('closed', () => {
    if (timer) clearTimeout(timer);
  });
  void win.loadURL(devServerUrl() ?? APP_URL);
  return win;
}
