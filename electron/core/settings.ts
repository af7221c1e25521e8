/**
 * Settings on disk (settings.json in the data folder). Written atomically; a file
 * that cannot be read is moved aside with a message, never silently replaced.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Settings } from '../contract.js';

/** The example endpoint in MMDAgent-EX's documentation: ws://127.0.0.1:9001/chat. */
export const DEFAULT_SETTINGS: Settings = {
  wsHost: '127.0.0.1',
  wsPort: 9001,
  wsPath: '/chat',
  echoTimeoutSec: 5,
  modelAlias: '0',
  audioMaxSec: 600,
  allowedOrigins: [],
  upstreamUrl: '',
  upstreamEnabled: false,
};

/** Why an upstream URL cannot be used, in words; null when it is fine ('' is fine: not set). */
export function upstreamUrlError(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `"${v.slice(0, 200)}" is not a URL; write it like ws://127.0.0.1:9002/chat.`;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return 'The upstream URL must start with ws:// or wss:// (the dialogue server\'s WebSocket address).';
  if (url.username || url.password) return 'The upstream URL cannot carry a user name or password.';
  if (url.hash) return 'The upstream URL cannot have a "#" part.';
  return null;
}

/** Why a settings change is refused, in words; null when it is fine. */
export function settingsError(patch: Partial<Settings>): string | null {
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in DEFAULT_SETTINGS)) return `Unknown setting "${key}".`;
    const expected = DEFAULT_SETTINGS[key as keyof Settings];
    if (Array.isArray(expected) ? !Array.isArray(value) || value.some((v) => typeof v !== 'string') : typeof value !== typeof expected) {
      return `The setting "${key}" has the wrong type.`;
    }
  }
  for (const origin of patch.allowedOrigins ?? []) {
    if (!/^https?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(origin)) return `"${origin}" is not an origin; write it like http://localhost:3000 (scheme, host and port, no path).`;
  }
  if (patch.wsHost !== undefined && !/^[A-Za-z0-9.:\-[\]]+$/.test(patch.wsHost.trim())) {
    return 'The host must be an address such as 127.0.0.1 (letters, digits, dots, colons).';
  }
  if (patch.wsPort !== undefined && (!Number.isInteger(patch.wsPort) || patch.wsPort < 0 || patch.wsPort > 65535)) {
    return 'The port must be a whole number from 1 to 65535.';
  }
  if (patch.wsPath !== undefined && !/^\/?[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(patch.wsPath.trim())) {
    return 'The path must look like /chat: no spaces, "?" or "#".';
  }
  if (patch.modelAlias !== undefined && (patch.modelAlias.length > 200 || /[,|\r\n]/.test(patch.modelAlias))) {
    return 'A model alias cannot contain "," "|" or line breaks.';
  }
  if (patch.audioMaxSec !== undefined && !(patch.audioMaxSec >= 1 && patch.audioMaxSec <= 3600)) {
    return 'The audio length limit must be between 1 and 3600 seconds.';
  }
  if (patch.upstreamUrl !== undefined) {
    const problem = upstreamUrlError(patch.upstreamUrl);
    if (problem) return problem;
  }
  if (patch.upstreamEnabled === true && (patch.upstreamUrl ?? 'set').trim() === '') return 'Set the upstream URL before turning proxy mode on.';
  if (patch.echoTimeoutSec !== undefined && !(patch.echoTimeoutSec >= 0.5 && patch.echoTimeoutSec <= 120)) {
    return 'The echo timeout must be between 0.5 and 120 seconds.';
  }
  return null;
}

/** Keeps known keys of the right type; anything else falls back to the default. */
export function sanitize(raw: unknown): Settings {
  const src = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = src[key];
    const candidate = { [key]: value } as Partial<Settings>;
    if (settingsError(candidate) === null) Object.assign(out, candidate);
  }
  return out;
}

export class SettingsStore {
  private current: Settings;
  /** Set when the file on disk was unreadable and moved aside at start-up. */
  readonly recovery: string | null = null;

  constructor(readonly path: string | null) {
    if (!path || !existsSync(path)) {
      this.current = { ...DEFAULT_SETTINGS };
      return;
    }
    try {
      this.current = sanitize(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      const aside = `${path}.corrupt-${Date.now()}`;
      let moved = true;
      try {
        renameSync(path, aside);
      } catch {
        moved = false;
      }
      this.current = { ...DEFAULT_SETTINGS };
      this.recovery = moved
        ? `The settings file could not be read (${(error as Error).message}). It was kept as ${aside}; defaults are in use.`
        : `The settings file ${path} could not be read (${(error as Error).message}); defaults are in use and it was left as is.`;
    }
  }

  get(): Settings {
    return { ...this.current };
  }

  /** Applies a checked patch and writes it; throws with a message when it is invalid. */
  update(patch: Partial<Settings>): Settings {
    const error = settingsError(patch);
    if (error) throw new Error(error);
    this.current = { ...this.current, ...patch };
    if (patch.allowedOrigins) this.current.allowedOrigins = [...new Set(patch.allowedOrigins)];
    if (patch.wsHost !== undefined) this.current.wsHost = patch.wsHost.trim();
    if (patch.upstreamUrl !== undefined) this.current.upstreamUrl = patch.upstreamUrl.trim();
    if (patch.wsPath !== undefined) this.current.wsPath = patch.wsPath.trim().startsWith('/') ? patch.wsPath.trim() : `/${patch.wsPath.trim()}`;
    this.save();
    return this.get();
  }

  private save(): void {
    if (!this.path) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.current, null, 2) + '\n');
    renameSync(tmp, this.path);
  }
}
