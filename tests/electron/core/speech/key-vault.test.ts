import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/core/settings.js';
import { KeyVault, type Sealer } from '../../../../electron/core/speech/key-vault.js';

const file = (): string => join(mkdtempSync(join(tmpdir(), 'rp-keys-')), 'settings.json');

describe('the engine key', () => {
  it('browser mode: kept in settings.json, which only the user can read, and never among the settings', () => {
    const path = file();
    const store = new SettingsStore(path);
    const vault = new KeyVault(store);
    expect(vault.state()).toEqual({ set: false, store: 'settings-file' });
    expect(vault.set('  sk-abc  ')).toEqual({ ok: true, state: { set: true, store: 'settings-file' } });
    expect(vault.get()).toBe('sk-abc');
    expect(JSON.stringify(store.get())).not.toContain('sk-abc');
    expect(readFileSync(path, 'utf8')).toContain('sk-abc');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    /* It survives a restart, and clearing it removes it from the file. */
    expect(new KeyVault(new SettingsStore(path)).get()).toBe('sk-abc');
    expect(vault.set(null)).toEqual({ ok: true, state: { set: false, store: 'settings-file' } });
    expect(readFileSync(path, 'utf8')).not.toContain('sk-abc');
  });

  it('refuses a key with a line break, and a keychain that is not there', () => {
    const store = new SettingsStore(null);
    expect(new KeyVault(store).set('sk-1\nInjected: header')).toMatchObject({
      ok: false,
      problem: { key: 'setting', problem: { field: 'key' } },
    });
    const locked: Sealer = { store: 'safeStorage', available: () => false, seal: (s) => s, open: (s) => s };
    expect(new KeyVault(store, locked).set('sk-1')).toEqual({ ok: false, problem: { key: 'keyStoreUnavailable' } });
  });

  it('a key sealed by another store (the desktop app’s keychain) is not used as if it were plain', () => {
    const path = file();
    const sealed: Sealer = {
      store: 'safeStorage',
      available: () => true,
      seal: (s) => Buffer.from(s).toString('base64'),
      open: (s) => Buffer.from(s, 'base64').toString(),
    };
    expect(new KeyVault(new SettingsStore(path), sealed).set('sk-desk')).toMatchObject({ ok: true });
    expect(readFileSync(path, 'utf8')).not.toContain('sk-desk');
    expect(new KeyVault(new SettingsStore(path), sealed).get()).toBe('sk-desk');
    expect(new KeyVault(new SettingsStore(path)).get()).toBe('');
  });
});
