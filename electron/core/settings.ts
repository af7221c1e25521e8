/**
 * Settings on disk (settings.json in the data folder), kept with `conf`: atomic writes and
 * versioned migrations. Every key is checked on the way in and on the way out; a file that
 * cannot be read is moved aside with a message and defaults are used, never silently lost.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Conf from 'conf';
import example from '../../assets/quick-commands-example.json' with { type: 'json' };
import type { LogFilters, QuickSet, Settings, TypeChip, WindowBounds } from '../../common/contract.js';
import { parseQuickSet } from '../../common/quick-commands.js';

/** Bumped when the file's shape changes; `conf` runs the migrations below once per step. */
export const SETTINGS_VERSION = '2.0.0';

export const DEFAULT_FILTERS: LogFilters = { text: '', regex: false, dir: 'all', kind: 'all', types: [] };

function exampleSet(): QuickSet {
  return { ...parseQuickSet(example), id: 'set-demo-a' };
}

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
  language: 'auto',
  theme: 'system',
  logFilters: DEFAULT_FILTERS,
  quickSets: [exampleSet()],
  activeQuickSet: 'set-demo-a',
  windowBounds: null,
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
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return "The upstream URL must start with ws:// or wss:// (the dialogue server's WebSocket address).";
  if (url.username || url.password) return 'The upstream URL cannot carry a user name or password.';
  if (url.hash) return 'The upstream URL cannot have a "#" part.';
  return null;
}

type Check = (value: unknown) => string | null;
const isStr = (v: unknown): v is string => typeof v === 'string';
const typed =
  (type: 'string' | 'number' | 'boolean', more?: (v: never) => string | null): Check =>
  (v) =>
    typeof v !== type ? 'wrong type' : (more?.(v as never) ?? null);
const oneOf =
  (...allowed: string[]): Check =>
  (v) =>
    isStr(v) && allowed.includes(v) ? null : 'wrong value';

function filtersError(v: unknown): string | null {
  const f = v as Partial<LogFilters> | null;
  if (!f || typeof f !== 'object') return 'wrong type';
  if (!isStr(f.text) || typeof f.regex !== 'boolean' || !Array.isArray(f.types)) return 'wrong type';
  if (oneOf('all', 'in', 'out', 'down', 'up', 'sys')(f.dir) || oneOf('all', 'event', 'command', 'control', 'status', 'error')(f.kind)) return 'wrong value';
  const chipOk = (c: TypeChip): boolean => !!c && isStr(c.type) && c.type.length <= 200 && (c.mode === 'include' || c.mode === 'exclude');
  return f.types.length <= 200 && f.types.every(chipOk) ? null : 'bad type chips';
}

function boundsError(v: unknown): string | null {
  if (v === null) return null;
  const b = v as Partial<WindowBounds>;
  const num = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n);
  return b && typeof b === 'object' && num(b.width) && num(b.height) && (b.x === undefined || num(b.x)) && (b.y === undefined || num(b.y)) ? null : 'wrong type';
}

function setsError(v: unknown): string | null {
  if (!Array.isArray(v) || v.length > 100) return 'wrong type';
  try {
    v.forEach((s) => parseQuickSet(s));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const CHECKS: { [K in keyof Settings]: Check } = {
  wsHost: typed('string', (h: string) => (/^[A-Za-z0-9.:\-[\]]+$/.test(h.trim()) ? null : 'The host must be an address such as 127.0.0.1 (letters, digits, dots, colons).')),
  wsPort: typed('number', (p: number) => (Number.isInteger(p) && p >= 0 && p <= 65535 ? null : 'The port must be a whole number from 1 to 65535.')),
  wsPath: typed('string', (p: string) => (/^\/?[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(p.trim()) ? null : 'The path must look like /chat: no spaces, "?" or "#".')),
  allowedOrigins: (v) => {
    if (!Array.isArray(v) || v.some((o) => !isStr(o))) return 'wrong type';
    const bad = v.find((o: string) => !/^https?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(o));
    return bad === undefined ? null : `"${bad}" is not an origin; write it like http://localhost:3000 (scheme, host and port, no path).`;
  },
  echoTimeoutSec: typed('number', (n: number) => (n >= 0.5 && n <= 120 ? null : 'The echo timeout must be between 0.5 and 120 seconds.')),
  modelAlias: typed('string', (a: string) => (a.length <= 200 && !/[,|\r\n]/.test(a) ? null : 'A model alias cannot contain "," "|" or line breaks.')),
  audioMaxSec: typed('number', (n: number) => (n >= 1 && n <= 3600 ? null : 'The audio length limit must be between 1 and 3600 seconds.')),
  upstreamUrl: typed('string', (u: string) => upstreamUrlError(u)),
  upstreamEnabled: typed('boolean'),
  language: oneOf('auto', 'en', 'ja'),
  theme: oneOf('system', 'light', 'dark'),
  logFilters: filtersError,
  quickSets: setsError,
  activeQuickSet: typed('string'),
  windowBounds: boundsError,
};

/** Why a settings change is refused, in words; null when it is fine. */
export function settingsError(patch: Partial<Settings>): string | null {
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(CHECKS, key)) return `Unknown setting "${key}".`;
    const problem = CHECKS[key as keyof Settings](value);
    if (problem) return problem === 'wrong type' || problem === 'wrong value' ? `The setting "${key}" has the wrong type.` : problem;
  }
  if (patch.upstreamEnabled === true && (patch.upstreamUrl ?? 'set').trim() === '') return 'Set the upstream URL before turning proxy mode on.';
  return null;
}

/** Keeps known keys that pass their check; anything else falls back to the default. */
export function sanitize(raw: unknown): Settings {
  const src = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const key of Object.keys(CHECKS) as (keyof Settings)[]) {
    if (key in src && CHECKS[key](src[key]) === null) Object.assign(out, { [key]: key === 'quickSets' ? (src[key] as unknown[]).map((s) => parseQuickSet(s)) : src[key] });
  }
  return out;
}

export class SettingsStore {
  private current: Settings;
  private conf: Conf<Record<string, unknown>> | null = null;
  /** Set when the file on disk was unreadable and moved aside at start-up. */
  readonly recovery: string | null = null;

  constructor(readonly path: string | null) {
    if (!path) {
      this.current = structuredClone(DEFAULT_SETTINGS);
      return;
    }
    try {
      this.conf = openConf(path);
      const raw = this.conf.store;
      this.current = sanitize(raw);
      const rejected = (Object.keys(CHECKS) as (keyof Settings)[]).filter((k) => k in raw && CHECKS[k](raw[k]) !== null);
      if (rejected.length > 0) {
        /* The next save of such a key would overwrite it: keep the file as it was first. */
        const kept = `${path}.invalid-${Date.now()}`;
        copyFileSync(path, kept);
        const why = (k: keyof Settings): string => {
          const problem = CHECKS[k](raw[k]) ?? '';
          return problem === 'wrong type' || problem === 'wrong value' ? 'not a valid value' : problem;
        };
        this.recovery = `Some settings could not be used and their defaults are in use: ${rejected.map((k) => `${k} (${why(k)})`).join('; ')}. The file as it was is kept as ${kept}.`;
      }
    } catch (error) {
      const aside = `${path}.corrupt-${Date.now()}`;
      let moved = true;
      try {
        renameSync(path, aside);
      } catch {
        moved = false;
      }
      this.current = structuredClone(DEFAULT_SETTINGS);
      this.recovery = moved
        ? `The settings file could not be read (${(error as Error).message}). It was kept as ${aside}; defaults are in use.`
        : `The settings file ${path} could not be read (${(error as Error).message}); defaults are in use and it was left as is.`;
      try {
        this.conf = moved ? openConf(path) : null;
      } catch {
        this.conf = null;
      }
    }
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /** Applies a checked patch and writes it; throws with a message when it is invalid. */
  update(patch: Partial<Settings>): Settings {
    const error = settingsError(patch);
    if (error) throw new Error(error);
    const next: Settings = { ...this.current, ...structuredClone(patch) };
    if (patch.allowedOrigins) next.allowedOrigins = [...new Set(patch.allowedOrigins)];
    if (patch.wsHost !== undefined) next.wsHost = patch.wsHost.trim();
    if (patch.upstreamUrl !== undefined) next.upstreamUrl = patch.upstreamUrl.trim();
    if (patch.wsPath !== undefined) next.wsPath = patch.wsPath.trim().startsWith('/') ? patch.wsPath.trim() : `/${patch.wsPath.trim()}`;
    if (patch.quickSets) next.quickSets = patch.quickSets.map((s) => parseQuickSet(s));
    /* One write for the whole patch, and memory changes only once the disk has it. */
    this.conf?.set(Object.fromEntries((Object.keys(patch) as (keyof Settings)[]).map((key) => [key, next[key]])));
    this.current = next;
    return this.get();
  }
}

/**
 * Migrations, one per file version. 2.0.0: window bounds move from the desktop app's
 * window-state.json into settings, and the UI preferences (quick commands, filters,
 * language, theme) join them with their defaults.
 */
function openConf(path: string): Conf<Record<string, unknown>> {
  return new Conf<Record<string, unknown>>({
    cwd: dirname(path),
    configName: basename(path, '.json'),
    projectVersion: SETTINGS_VERSION,
    clearInvalidConfig: false,
    migrations: {
      '2.0.0': (store) => {
        const legacy = join(dirname(path), 'window-state.json');
        if (!existsSync(legacy)) return;
        try {
          const bounds = JSON.parse(readFileSync(legacy, 'utf8')) as unknown;
          if (boundsError(bounds) === null) store.set('windowBounds', bounds);
          rmSync(legacy, { force: true });
        } catch {
          /* An unreadable old window size is not worth a message; defaults apply. */
        }
      },
    },
  });
}
