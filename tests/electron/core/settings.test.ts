import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore, sanitize, settingsError } from '../../../electron/core/settings.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'rp-settings-'));

describe('settings', () => {
  it('defaults to the documented endpoint ws://127.0.0.1:9001/chat', () => {
    expect(new SettingsStore(null).get()).toMatchObject({ wsHost: '127.0.0.1', wsPort: 9001, wsPath: '/chat' });
  });

  it('validates host, port, path and types with messages', () => {
    expect(settingsError({ wsPort: 70000 })).toMatch(/1 to 65535/);
    expect(settingsError({ wsPort: 9.5 })).toMatch(/whole number/);
    expect(settingsError({ wsPath: '/chat room' })).toMatch(/path/);
    expect(settingsError({ wsHost: 'bad host' })).toMatch(/host/);
    expect(settingsError({ wsPort: '9001' as unknown as number })).toMatch(/wrong type/);
    expect(settingsError({ nope: 1 } as never)).toMatch(/Unknown/);
    expect(settingsError({ wsHost: 'localhost', wsPort: 9002, wsPath: '/chat/abc' })).toBeNull();
  });

  it('persists updates atomically and reads them back', () => {
    const dir = fresh();
    const path = join(dir, 'settings.json');
    const a = new SettingsStore(path);
    a.update({ wsPort: 9100, wsPath: 'chat2' });
    expect(new SettingsStore(path).get()).toMatchObject({ wsPort: 9100, wsPath: '/chat2' });
    expect(() => a.update({ wsPort: -1 })).toThrow(/65535/);
    expect(new SettingsStore(path).get().wsPort).toBe(9100);
  });

  it('moves a corrupt file aside with a message and uses defaults', () => {
    const dir = fresh();
    const path = join(dir, 'settings.json');
    writeFileSync(path, '{"wsPort": 91');
    const s = new SettingsStore(path);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.recovery).toMatch(/could not be read.*kept as .*corrupt/);
    expect(existsSync(path)).toBe(false);
    const aside = readdirSync(dir).find((f) => f.includes('.corrupt-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"wsPort": 91');
  });

  it('keeps valid keys of a partly wrong file', () => {
    expect(sanitize({ wsPort: 9200, wsHost: 42, wsPath: '/x y' })).toEqual({ ...DEFAULT_SETTINGS, wsPort: 9200 });
    expect(sanitize(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('accepts only ws:// or wss:// upstream URLs, and proxy mode only with one', () => {
    expect(settingsError({ upstreamUrl: 'ws://127.0.0.1:9002/chat' })).toBeNull();
    expect(settingsError({ upstreamUrl: 'wss://dialogue.example.org/chat' })).toBeNull();
    expect(settingsError({ upstreamUrl: '' })).toBeNull();
    expect(settingsError({ upstreamUrl: 'http://127.0.0.1:9002/' })).toMatch(/ws:\/\/ or wss:\/\//);
    expect(settingsError({ upstreamUrl: '127.0.0.1:9002' })).toMatch(/ws:\/\/ or wss:\/\/|not a URL/);
    expect(settingsError({ upstreamUrl: 'not a url' })).toMatch(/not a URL/);
    expect(settingsError({ upstreamEnabled: true, upstreamUrl: ' ' })).toMatch(/Set the upstream URL/);
    expect(DEFAULT_SETTINGS.upstreamEnabled).toBe(false);
  });
});
