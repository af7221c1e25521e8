import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, screen, type Rectangle } from 'electron';
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

function statePath(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

/** Saved bounds, if they still fit on a connected display. */
export function loadBounds(): Partial<Rectangle> {
  try {
    const saved = JSON.parse(readFileSync(statePath(), 'utf8')) as Rectangle;
    if (![saved.width, saved.height].every((n) => Number.isFinite(n) && n >= 400)) return DEFAULT_BOUNDS;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return saved.x < a.x + a.width && saved.x + saved.width > a.x && saved.y < a.y + a.height && saved.y + saved.height > a.y;
    });
    return visible ? saved : { width: saved.width, height: saved.height };
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export function setupWindow(): BrowserWindow {
  const win = new BrowserWindow({
    ...loadBounds(),
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
        try {
          writeFileSync(statePath(), JSON.stringify(win.getNormalBounds()));
        } catch {
          /* Window size is a convenience; never fail over it. */
        }
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
