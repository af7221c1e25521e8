/**
 * The OpenAI-compatible key: write-only from the UI, never logged, never sent to a renderer.
 * The desktop app seals it with Electron's safeStorage (the OS keychain) before it reaches
 * the settings file; browser mode keeps it in that file as is, which is then mode 0600.
 */
import type { KeyResult, KeyState, KeyStore } from '../../../common/speech.js';
import type { SettingsStore } from '../settings.js';

export interface Sealer {
  store: KeyStore;
  available(): boolean;
  /** The store works but does not really encrypt (Electron's basic_text backend on Linux). */
  weak?(): boolean;
  seal(plain: string): string;
  open(sealed: string): string;
}

/** Browser mode: the file itself is the protection (0600, in the user's data folder). */
export const fileSealer: Sealer = { store: 'settings-file', available: () => true, seal: (s) => s, open: (s) => s };

const NAME = 'openaiKey';

interface Stored {
  store: KeyStore;
  value: string;
}

export class KeyVault {
  constructor(
    private readonly settings: SettingsStore,
    private readonly sealer: Sealer = fileSealer,
  ) {}

  state(): KeyState {
    return { set: this.get() !== '', store: this.sealer.store, ...(this.sealer.weak?.() ? { weak: true } : {}) };
  }

  set(key: string | null): KeyResult {
    const clean = key?.trim() ?? '';
    if (clean === '') {
      this.settings.setSecret(NAME, null);
      return { ok: true, state: this.state() };
    }
    /* A key is printable ASCII (it goes in an HTTP header): anything else is refused before it can reach one. */
    if (!/^[\x21-\x7e]+$/.test(clean) || clean.length > 1000)
      return { ok: false, problem: { key: 'setting', setting: 'speech', problem: { code: 'speech', field: 'key' } } };
    if (!this.sealer.available()) return { ok: false, problem: { key: 'keyStoreUnavailable' } };
    const stored: Stored = { store: this.sealer.store, value: this.sealer.seal(clean) };
    this.settings.setSecret(NAME, stored);
    return { ok: true, state: this.state() };
  }

  /** The key, or '' when none is set or it was sealed by another store (it cannot be opened here). */
  get(): string {
    const stored = this.settings.secret(NAME) as Partial<Stored> | null;
    if (!stored || stored.store !== this.sealer.store || typeof stored.value !== 'string') return '';
    try {
      return this.sealer.open(stored.value);
    } catch {
      return '';
    }
  }
}
