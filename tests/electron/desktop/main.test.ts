/** Loads the real electron/main.ts against a mocked `electron` and checks its wiring. */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LogWire } from '../../../common/log.js';
import { decodeLogWire } from '../../../common/log-wire.js';
import { FakeAgent } from '../../support/fake-agent.js';
import { expectQuiet } from '../../support/wait.js';
import { FakePort, FakeWindow, createElectronMock } from './electron-mock.js';

const userData = mkdtempSync(join(tmpdir(), 'rp-electron-'));
writeFileSync(join(userData, 'settings.json'), JSON.stringify({ wsPort: 0 }));
const electron = createElectronMock(userData);
vi.mock('electron', () => electron);

const appFrame = { url: 'app://panel/index.html', parent: null };
const call = (channel: string, arg?: unknown, frame: unknown = appFrame) =>
  electron.handlers.get(channel)!({ senderFrame: frame }, arg);

let win: FakeWindow;
beforeAll(async () => {
  await import('../../../electron/main.js');
  await vi.waitFor(() => expect(FakeWindow.last).not.toBeNull());
  win = FakeWindow.last!;
});

afterAll(async () => {
  electron.dialog.showMessageBoxSync.mockReturnValue(0);
  const event = { preventDefault: vi.fn() };
  electron.app.emit('before-quit', event);
  await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
});

describe('Electron main (mocked electron)', () => {
  it('creates the window with the security baseline set explicitly', () => {
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(win.url).toBe('app://panel/index.html');
  });

  it('registers app:// as a secure standard scheme before ready', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ secure: true, standard: true }) }),
    ]);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('handles every contract channel and refuses untrusted senders', async () => {
    expect([...electron.handlers.keys()].sort()).toEqual([
      'agent:disconnect',
      'agent:dismiss-alert',
      'agent:rename',
      'audio:mic-start',
      'audio:mic-stop',
      'audio:stop',
      'audio:stream-file',
      'audio:stream-path',
      'avatar:action',
      'avatar:face',
      'file:save',
      'message:send',
      'panel:ready',
      'panel:stop-everything',
      'periodic:start',
      'periodic:stop',
      'settings:update',
      'show:mark',
      'speech:key-state',
      'speech:say',
      'speech:set-key',
      'speech:stop',
      'speech:voices',
      'upstream:retry',
    ]);
    expect([...electron.listeners.keys()].sort()).toEqual(['audio:mic-chunk', 'port:open']);
    expect(() => call('panel:ready', undefined, { url: 'https://evil.example/', parent: null })).toThrow(/untrusted/);
    expect(() => call('panel:ready', undefined, { url: 'app://panel/index.html', parent: {} })).toThrow(/untrusted/);
    expect(() => call('panel:ready', undefined, null)).toThrow(/untrusted/);
    const snapshot = (await call('panel:ready')) as { host: string; status: { state: string } };
    expect(snapshot).toMatchObject({ host: 'electron', status: { state: 'listening' } });
  });

  it('relays events only after the renderer is ready, never to a destroyed one, batched by tick', async () => {
    const fresh = win.webContents;
    const snapshot = (await call('panel:ready')) as { status: { url: string } };
    const agent = await FakeAgent.connect(snapshot.status.url);
    for (let i = 0; i < 500; i++) agent.emit(`E|${i}`);
    await vi.waitFor(() => {
      const entries = fresh.sent
        .filter(([c]) => c === 'log:batch')
        .flatMap(([, p]) => decodeLogWire(p as LogWire).entries);
      expect(entries.filter((e) => e.text.startsWith('E|'))).toHaveLength(500);
    });
    const batches = fresh.sent.filter(([c]) => c === 'log:batch').length;
    expect(batches).toBeLessThan(50);
    fresh.destroyed = true;
    const before = fresh.sent.length;
    agent.emit('E|late');
    await expectQuiet(100, 'event to a destroyed window', () => fresh.sent.length !== before);
    fresh.destroyed = false;
    /* A reload holds events until the new page is ready again. */
    fresh.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false, url: 'app://panel/index.html' });
    agent.emit('E|while-reloading');
    await expectQuiet(100, 'event to a page that is reloading', () => fresh.sent.length !== before);
    await call('panel:ready');
    agent.emit('E|after-ready');
    await vi.waitFor(() => expect(JSON.stringify(fresh.sent.slice(before))).toContain('E|after-ready'));
    agent.quit();
  });

  it('streams microphone chunks only from the app, through the same sender check', async () => {
    const snapshot = (await call('panel:ready')) as { status: { url: string } };
    const agent = await FakeAgent.connect(snapshot.status.url);
    await vi.waitFor(async () => expect(((await call('panel:ready')) as { agents: unknown[] }).agents).toHaveLength(1));
    const id = ((await call('panel:ready')) as { agents: { agentId: number }[] }).agents[0]!.agentId;
    expect(await call('audio:mic-start', { agentId: id, alias: '0' })).toEqual({ ok: true, queued: 0 });
    const chunk = electron.listeners.get('audio:mic-chunk')!;
    chunk(
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { agentId: id, pcm: new Uint8Array(1280), capturedAt: Date.now() },
    );
    chunk({ senderFrame: appFrame }, { agentId: id, pcm: new Uint8Array(1280).fill(1), capturedAt: Date.now() });
    await call('audio:mic-stop', { agentId: id });
    await agent.waitFor(() => agent.audioEvents.at(-1) === 'SNDBRKS');
    expect(agent.packetSizes).toEqual([1280]);
    expect(agent.audio[0]).toBe(1);
    agent.quit();
  });

  it('takes microphone chunks on a port the app opened, and closes ports from strangers or for other channels', async () => {
    const snapshot = (await call('panel:ready')) as { status: { url: string } };
    const agent = await FakeAgent.connect(snapshot.status.url);
    await vi.waitFor(async () =>
      expect(((await call('panel:ready')) as { agents: unknown[] }).agents.length).toBeGreaterThan(0),
    );
    const id = ((await call('panel:ready')) as { agents: { agentId: number }[] }).agents.at(-1)!.agentId;
    expect(await call('audio:mic-start', { agentId: id, alias: '0' })).toEqual({ ok: true, queued: 0 });
    const open = electron.listeners.get('port:open')!;
    const stranger = new FakePort();
    open(
      { senderFrame: { url: 'https://evil.example/', parent: null }, ports: [stranger] },
      { channel: 'audio:mic-chunk' },
    );
    const wrongChannel = new FakePort();
    open({ senderFrame: appFrame, ports: [wrongChannel] }, { channel: 'message:send' });
    const port = new FakePort();
    open({ senderFrame: appFrame, ports: [port] }, { channel: 'audio:mic-chunk' });
    expect([stranger.closed, wrongChannel.closed, port.closed, port.started]).toEqual([true, true, false, true]);
    expect([stranger.listenerCount('message'), wrongChannel.listenerCount('message')]).toEqual([0, 0]);
    port.emit('message', { data: { agentId: id, pcm: new Uint8Array(1280).fill(7), capturedAt: Date.now() } });
    /* Malformed posts are dropped, never thrown in main. */
    port.emit('message', { data: { agentId: id, pcm: 'not bytes', capturedAt: Date.now() } });
    port.emit('message', { data: null });
    await call('audio:mic-stop', { agentId: id });
    await agent.waitFor(() => agent.audioEvents.at(-1) === 'SNDBRKS');
    expect(agent.packetSizes).toEqual([1280]);
    expect(agent.audio[0]).toBe(7);
    agent.quit();
  });

  it('keeps the OpenAI-compatible key sealed by safeStorage: never in the file as typed, never sent back', async () => {
    const key = 'sk-test-DO-NOT-LEAK-1234';
    expect(await call('speech:key-state')).toEqual({ set: false, store: 'safeStorage' });
    expect(await call('speech:set-key', { key })).toEqual({ ok: true, state: { set: true, store: 'safeStorage' } });
    const file = readFileSync(join(userData, 'settings.json'), 'utf8');
    expect(file).not.toContain(key);
    const sealed = electron.safeStorage.encryptString(key).toString('base64');
    expect(file).toContain(sealed);
    if (process.platform !== 'win32') expect(statSync(join(userData, 'settings.json')).mode & 0o777).toBe(0o600);
    const snapshot = JSON.stringify(await call('panel:ready'));
    expect(snapshot).not.toContain(key);
    expect(snapshot).not.toContain(sealed);
    electron.safeStorage.available = false;
    expect(await call('speech:set-key', { key: 'another' })).toEqual({
      ok: false,
      problem: { key: 'keyStoreUnavailable' },
    });
    electron.safeStorage.available = true;
    expect(await call('speech:set-key', { key: null })).toEqual({
      ok: true,
      state: { set: false, store: 'safeStorage' },
    });
    expect(readFileSync(join(userData, 'settings.json'), 'utf8')).not.toContain(sealed);
  });

  it('denies new windows and navigation away from the app', () => {
    const contents = new (win.webContents.constructor as new () => typeof win.webContents)();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, 'app://panel/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('allows only the microphone, only for the app origin', () => {
    const ask = (permission: string, url: string, mediaTypes?: string[]): boolean => {
      let granted = false;
      electron.session.defaultSession.permissionRequest!({}, permission, (ok: boolean) => (granted = ok), {
        requestingUrl: url,
        mediaTypes,
      });
      return granted;
    };
    expect(ask('media', 'app://panel/index.html', ['audio'])).toBe(true);
    expect(ask('media', 'app://panel/index.html', ['video'])).toBe(false);
    expect(ask('media', 'https://evil.example/', ['audio'])).toBe(false);
    expect(ask('notifications', 'app://panel/index.html')).toBe(false);
    expect(ask('geolocation', 'app://panel/index.html')).toBe(false);
    const check = electron.session.defaultSession.permissionCheck!;
    expect(check({}, 'media', 'app://panel')).toBe(true);
    expect(check({}, 'media', 'https://evil.example')).toBe(false);
  });

  it('warns before quitting with an agent connected, and stays when the user cancels', async () => {
    const snapshot = (await call('panel:ready')) as { status: { url: string } };
    const agent = await FakeAgent.connect(snapshot.status.url);
    await vi.waitFor(async () => expect(((await call('panel:ready')) as { agents: unknown[] }).agents).toHaveLength(1));
    electron.dialog.showMessageBoxSync.mockReturnValue(1);
    const event = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    const [, options] = electron.dialog.showMessageBoxSync.mock.calls.at(-1) as unknown as [
      unknown,
      { detail: string },
    ];
    expect(options.detail).toMatch(/MMDAgent-EX exits when this connection closes/);
    /* Still connected: a line sent now reaches the agent. */
    await call('message:send', { target: 'all', text: 'KEY|still-here' });
    await agent.waitFor(() => agent.received.includes('KEY|still-here'), 3000, 'a line after the cancelled quit');
    expect(agent.exitCode).toBeNull();
    agent.quit();
  });

  it('File → Export Log View and Help → Keyboard Shortcuts ask the renderer, which owns the filtered view', async () => {
    await call('panel:ready');
    type Item = { label?: string; accelerator?: string; click?: () => void; submenu?: Item[] };
    const template = electron.Menu.setApplicationMenu.mock.calls.at(-1)![0] as Item[];
    const items = template.flatMap((m) => m.submenu ?? []);
    const exportItem = items.find((i) => i.label === 'Export Log View (.txt)…')!;
    expect(exportItem.accelerator).toBe('CmdOrCtrl+Shift+E');
    exportItem.click!();
    items.find((i) => i.label === 'Keyboard Shortcuts')!.click!();
    await vi.waitFor(() =>
      expect(win.webContents.sent.filter(([ch]) => ch === 'menu:command').map(([, p]) => p)).toEqual([
        { command: 'export-txt' },
        { command: 'shortcuts' },
      ]),
    );
  });

  it('rebuilds the app menu in Japanese when the language setting changes, and back', async () => {
    type Item = { label?: string; submenu?: Item[] };
    const labels = (): string[] =>
      (electron.Menu.setApplicationMenu.mock.calls.at(-1)![0] as Item[]).flatMap((m) => [
        m.label ?? '',
        ...(m.submenu ?? []).map((i) => i.label ?? ''),
      ]);
    expect(labels()).toContain('Export Log View (.txt)…');
    await call('settings:update', { patch: { language: 'ja' } });
    await vi.waitFor(() => expect(labels()).toContain('ログの表示を書き出す（.txt）…'));
    expect(labels()).toContain('ファイル');
    await call('settings:update', { patch: { language: 'auto' } });
    await vi.waitFor(() => expect(labels()).toContain('Export Log View (.txt)…'));
  });
});
