/** A mocked `electron` module that records what main asks of it. */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeContents extends EventEmitter {
  destroyed = false;
  sent: [string, unknown][] = [];
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  isDestroyed = (): boolean => this.destroyed;
  send = (channel: string, payload: unknown): void => void this.sent.push([channel, payload]);
  setWindowOpenHandler = (h: (d: { url: string }) => { action: string }): void => void (this.windowOpenHandler = h);
}

export class FakeWindow extends EventEmitter {
  static last: FakeWindow | null = null;
  webContents = new FakeContents();
  url = '';
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeWindow.last = this;
  }
  loadURL = async (url: string): Promise<void> => void (this.url = url);
  isDestroyed = (): boolean => false;
  isMinimized = (): boolean => false;
  isFullScreen = (): boolean => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
}

/** A MessagePortMain: Node-style events, held until `start`. */
export class FakePort extends EventEmitter {
  started = false;
  closed = false;
  start = (): void => void (this.started = true);
  close = (): void => void (this.closed = true);
}

export function createElectronMock(userData: string) {
  const app = Object.assign(new EventEmitter(), {
    getPath: (name: string) => (name === 'userData' ? userData : userData),
    getName: () => 'Remote Panel for MMDAgent-EX',
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    quit: vi.fn(),
    showAboutPanel: vi.fn(),
  });
  const handlers = new Map<string, (event: unknown, arg: unknown) => unknown>();
  const listeners = new Map<string, (event: unknown, arg: unknown) => unknown>();
  const session = {
    defaultSession: {
      permissionRequest: null as null | ((...a: unknown[]) => void),
      permissionCheck: null as null | ((...a: unknown[]) => boolean),
      setPermissionRequestHandler(h: (...a: unknown[]) => void) {
        this.permissionRequest = h;
      },
      setPermissionCheckHandler(h: (...a: unknown[]) => boolean) {
        this.permissionCheck = h;
      },
    },
  };
  return {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, arg: unknown) => unknown) => handlers.set(channel, fn),
      on: (channel: string, fn: (event: unknown, arg: unknown) => unknown) => listeners.set(channel, fn),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session,
    dialog: { showMessageBoxSync: vi.fn(() => 1), showSaveDialog: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    shell: { openPath: vi.fn(), openExternal: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    /* A stand-in keychain: reversible, and never the plain text. */
    safeStorage: {
      available: true,
      isEncryptionAvailable(): boolean {
        return this.available;
      },
      getSelectedStorageBackend: (): string => 'gnome_libsecret',
      encryptString: (plain: string): Buffer => Buffer.from(`sealed:${[...plain].reverse().join('')}`, 'utf8'),
      decryptString: (sealed: Buffer): string =>
        [...sealed.toString('utf8').replace(/^sealed:/, '')].reverse().join(''),
    },
    handlers,
    listeners,
  };
}
