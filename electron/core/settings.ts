/**
 * Settings on disk (settings.json in the data folder), kept with `conf`: atomic writes and
 * versioned migrations. Every key is checked on the way in and on the way out; a file that
 * cannot be read is moved aside with a message and defaults are used, never silently lost.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Conf from 'conf';
import example from '../../assets/quick-commands-example.json' with { type: 'json' };
import type {
  LogFilters,
  NoticeMsg,
  Problem,
  QuickSet,
  ServerStatus,
  SettingProblem,
  Settings,
  TypeChip,
  UrlProblem,
  WindowBounds,
} from '../../common/contract.js';
import { QuickSetError, parseQuickSet } from '../../common/quick-commands.js';
import { DEFAULT_SPEECH } from '../../common/speech.js';
import { speechProblem } from './speech/speech-settings.js';

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
  mdfAllLog: false,
  mdfHttpOff: false,
  speech: DEFAULT_SPEECH,
};

/** Why an upstream URL cannot be used; null when it is fine ('' is fine: not set). */
export function upstreamUrlProblem(value: string): UrlProblem | null {
  const v = value.trim();
  if (v === '') return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return { code: 'not-url', value: v.slice(0, 200) };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return { code: 'scheme' };
  if (url.username || url.password) return { code: 'credentials' };
  if (url.hash) return { code: 'hash' };
  return null;
}

type Check = (value: unknown) => SettingProblem | null;
const TYPE: SettingProblem = { code: 'type' };
const isStr = (v: unknown): v is string => typeof v === 'string';
const typed =
  (type: 'string' | 'number' | 'boolean', more?: (v: never) => SettingProblem | null): Check =>
  (v) =>
    typeof v !== type ? TYPE : (more?.(v as never) ?? null);
const oneOf =
  (...allowed: string[]): Check =>
  (v) =>
    isStr(v) && allowed.includes(v) ? null : TYPE;

function filtersProblem(v: unknown): SettingProblem | null {
  const f = v as Partial<LogFilters> | null;
  if (!f || typeof f !== 'object') return TYPE;
  if (!isStr(f.text) || typeof f.regex !== 'boolean' || !Array.isArray(f.types)) return TYPE;
  if (
    oneOf('all', 'in', 'out', 'down', 'up', 'sys')(f.dir) ||
    oneOf('all', 'event', 'command', 'control', 'status', 'warning', 'error')(f.kind)
  )
    return TYPE;
  if (f.captured !== undefined && typeof f.captured !== 'boolean') return TYPE;
  const chipOk = (c: TypeChip): boolean =>
    !!c && isStr(c.type) && c.type.length <= 200 && (c.mode === 'include' || c.mode === 'exclude');
  return f.types.length <= 200 && f.types.every(chipOk) ? null : TYPE;
}

function boundsProblem(v: unknown): SettingProblem | null {
  if (v === null) return null;
  const b = v as Partial<WindowBounds>;
  const num = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n);
  return b &&
    typeof b === 'object' &&
    num(b.width) &&
    num(b.height) &&
    (b.x === undefined || num(b.x)) &&
    (b.y === undefined || num(b.y))
    ? null
    : TYPE;
}

function setsProblem(v: unknown): SettingProblem | null {
  if (!Array.isArray(v) || v.length > 100) return TYPE;
  try {
    v.forEach((s) => parseQuickSet(s));
    return null;
  } catch (error) {
    return error instanceof QuickSetError ? { code: 'quick-set', problem: error.problem } : TYPE;
  }
}

const CHECKS: { [K in keyof Settings]: Check } = {
  wsHost: typed('string', (h: string) => (/^[A-Za-z0-9.:\-[\]]+$/.test(h.trim()) ? null : { code: 'host' })),
  wsPort: typed('number', (p: number) => (Number.isInteger(p) && p >= 0 && p <= 65535 ? null : { code: 'port' })),
  wsPath: typed('string', (p: string) =>
    /^\/?[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(p.trim()) ? null : { code: 'path' },
  ),
  allowedOrigins: (v) => {
    if (!Array.isArray(v) || v.some((o) => !isStr(o))) return TYPE;
    const bad = v.find((o: string) => !/^https?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(o));
    return bad === undefined ? null : { code: 'origin', value: bad };
  },
  echoTimeoutSec: typed('number', (n: number) =>
    n >= 0.5 && n <= 120 ? null : { code: 'echo-timeout', min: 0.5, max: 120 },
  ),
  modelAlias: typed('string', (a: string) => (a.length <= 200 && !/[,|\r\n]/.test(a) ? null : { code: 'alias' })),
  audioMaxSec: typed('number', (n: number) => (n >= 1 && n <= 3600 ? null : { code: 'audio-max', min: 1, max: 3600 })),
  upstreamUrl: typed('string', (u: string) => {
    const problem = upstreamUrlProblem(u);
    return problem ? { code: 'upstream-url', problem } : null;
  }),
  upstreamEnabled: typed('boolean'),
  language: oneOf('auto', 'en', 'ja'),
  theme: oneOf('system', 'light', 'dark'),
  logFilters: filtersProblem,
  quickSets: setsProblem,
  activeQuickSet: typed('string'),
  windowBounds: boundsProblem,
  mdfAllLog: typed('boolean'),
  mdfHttpOff: typed('boolean'),
  speech: speechProblem,
};

/** Why a settings patch is refused, as a problem for the UI to word; null when it is fine. */
export function settingsProblem(patch: Partial<Settings>): Problem | null {
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(CHECKS, key)) return { key: 'setting', setting: key, problem: { code: 'unknown' } };
    const problem = CHECKS[key as keyof Settings](value);
    if (problem) return { key: 'setting', setting: key, problem };
  }
  return null;
}

/**
 * The checks that need the whole picture, not one patch: proxy mode needs a URL (whichever of
 * the two the patch changes), and that URL must not be the panel's own endpoint.
 */
export function mergedSettingsProblem(merged: Settings, bound: ServerStatus): Problem | null {
  if (merged.upstreamEnabled && merged.upstreamUrl.trim() === '') return { key: 'upstreamNoUrl' };
  return upstreamLoopProblem(merged, bound);
}

/** A dialogue-server URL that points back at the panel's own endpoint would loop every frame. */
export function upstreamLoopProblem(
  s: Pick<Settings, 'upstreamEnabled' | 'upstreamUrl'>,
  bound: Pick<ServerStatus, 'host' | 'port' | 'path'>,
): Problem | null {
  if (!s.upstreamEnabled || s.upstreamUrl.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(s.upstreamUrl.trim());
  } catch {
    return null;
  }
  const local = ['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', bound.host];
  const port = Number(url.port || (url.protocol === 'wss:' ? 443 : 80));
  return local.includes(url.hostname) && port === bound.port && (url.pathname || '/') === bound.path
    ? { key: 'upstreamLoop', url: url.href }
    : null;
}

/** The URL proxy mode connects to, or null when it is off. */
export function upstreamUrl(s: Pick<Settings, 'upstreamEnabled' | 'upstreamUrl'>): string | null {
  return s.upstreamEnabled && s.upstreamUrl.trim() !== '' ? s.upstreamUrl.trim() : null;
}

/** Keeps known keys that pass their check; anything else falls back to the default. */
export function sanitize(raw: unknown): Settings {
  const src = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const key of Object.keys(CHECKS) as (keyof Settings)[]) {
    if (key in src && CHECKS[key](src[key]) === null)
      Object.assign(out, {
        [key]: key === 'quickSets' ? (src[key] as unknown[]).map((s) => parseQuickSet(s)) : src[key],
      });
  }
  return out;
}

export class SettingsStore {
  private current: Settings;
  private conf: Conf<Record<string, unknown>> | null = null;
  private readonly memorySecrets = new Map<string, unknown>();
  /** Set when the file on disk could not be used as it was at start-up: the notice to show. */
  readonly recovery: NoticeMsg | null = null;

  constructor(readonly path: string | null) {
    if (!path) {
      this.current = structuredClone(DEFAULT_SETTINGS);
      return;
    }
    try {
      this.conf = openConf(path);
      const raw = this.conf.store;
      this.current = sanitize(raw);
      const rejected = (Object.keys(CHECKS) as (keyof Settings)[]).filter(
        (k) => k in raw && CHECKS[k](raw[k]) !== null,
      );
      if (rejected.length > 0) {
        /* The next save of such a key would overwrite it: keep the file as it was first. */
        const kept = `${path}.invalid-${Date.now()}`;
        copyFileSync(path, kept);
        this.recovery = { key: 'settingsInvalid', params: { keys: rejected.join(', '), kept } };
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
      const detail = (error as Error).message;
      this.recovery = moved
        ? { key: 'settingsCorrupt', params: { aside, error: detail } }
        : { key: 'settingsUnreadable', params: { path, error: detail } };
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

  /** Applies a checked patch and writes it; throws when it is invalid (callers check it first). */
  update(patch: Partial<Settings>): Settings {
    const problem = settingsProblem(patch);
    if (problem) throw new Error(`Invalid settings patch: ${JSON.stringify(problem)}`);
    const next: Settings = { ...this.current, ...structuredClone(patch) };
    if (patch.allowedOrigins) next.allowedOrigins = [...new Set(patch.allowedOrigins)];
    if (patch.wsHost !== undefined) next.wsHost = patch.wsHost.trim();
    if (patch.upstreamUrl !== undefined) next.upstreamUrl = patch.upstreamUrl.trim();
    if (patch.wsPath !== undefined)
      next.wsPath = patch.wsPath.trim().startsWith('/') ? patch.wsPath.trim() : `/${patch.wsPath.trim()}`;
    if (patch.quickSets) next.quickSets = patch.quickSets.map((s) => parseQuickSet(s));
    /* One write for the whole patch, and memory changes only once the disk has it. */
    this.conf?.set(Object.fromEntries((Object.keys(patch) as (keyof Settings)[]).map((key) => [key, next[key]])));
    this.current = next;
    return this.get();
  }

  /** A value kept beside the settings but never in them (so never sent to a UI). */
  secret(name: string): unknown {
    return this.conf ? (this.conf.get(`secrets.${name}`) ?? null) : (this.memorySecrets.get(name) ?? null);
  }

  setSecret(name: string, value: unknown): void {
    if (!this.conf) {
      if (value === null) this.memorySecrets.delete(name);
      else this.memorySecrets.set(name, value);
      return;
    }
    if (value === null) this.conf.delete(`secrets.${name}`);
    else this.conf.set(`secrets.${name}`, value);
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
    /* It may hold the OpenAI-compatible key (browser mode): readable by the user alone. */
    configFileMode: 0o600,
    migrations: {
      '2.0.0': (store) => {
        const legacy = join(dirname(path), 'window-state.json');
        if (!existsSync(legacy)) return;
        try {
          const bounds = JSON.parse(readFileSync(legacy, 'utf8')) as unknown;
          if (boundsProblem(bounds) === null) store.set('windowBounds', bounds);
          rmSync(legacy, { force: true });
        } catch {
          /* An unreadable old window size is not worth a message; defaults apply. */
        }
      },
    },
  });
}
