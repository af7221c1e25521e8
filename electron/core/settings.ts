/**
 * Settings on disk (settings.json in the data folder), kept with `conf`: atomic writes and
 * versioned migrations. Every key is checked on the way in and on the way out; a file that
 * cannot be read is moved aside with a message and defaults are used, never silently lost.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Conf from 'conf';
import example from '../../assets/quick-commands-example.json' with { type: 'json' };
import showExample from '../../assets/show-example.json' with { type: 'json' };
import type { LogFilters } from '../../common/log.js';
import type { NoticeMsg } from '../../common/problems.js';
import type { QuickSet } from '../../common/quick-commands.js';
import { parseQuickSet } from '../../common/quick-commands.js';
import { CHECKS, settingsProblem } from '../../common/settings-rules.js';
import type { Settings } from '../../common/settings.js';
import { DEFAULT_SPEECH } from '../../common/speech.js';
import { FACE_TRANSITION } from '../../common/avatar.js';
import { parseShow, type Show } from '../../common/show.js';

/** Bumped when the file's shape changes; `conf` runs the migrations below once per step. */
export const SETTINGS_VERSION = '2.2.0';

export const DEFAULT_FILTERS: LogFilters = { text: '', regex: false, dir: 'all', kind: 'all', types: [] };

function exampleShow(): Show {
  return parseShow(showExample, 'show-demo');
}

function exampleSet(): QuickSet {
  return { ...parseQuickSet(example), id: 'set-demo-a' };
}

/**
 * The first example set named `motions/action/bow.vmd`, which the official example content does not
 * have: in that set only, the line gets the content's bow (`ojigi.vmd`); everything else is the
 * operator's and stays as it is.
 */
function refreshExampleSet(set: unknown): unknown {
  const s = set as { id?: unknown; commands?: unknown };
  if (s?.id !== 'set-demo-a' || !Array.isArray(s.commands)) return set;
  const commands = s.commands.map((c: unknown) => {
    const command = c as { lines?: unknown };
    const fix = (line: unknown): unknown =>
      typeof line === 'string' ? line.replaceAll('motions/action/bow.vmd', 'motions/action/ojigi.vmd') : line;
    if (typeof command?.lines === 'string') return { ...command, lines: fix(command.lines) };
    if (Array.isArray(command?.lines)) return { ...command, lines: command.lines.map(fix) };
    return c;
  });
  return { ...s, commands };
}

/** The example set gets the presets it now ships with, unless the operator already gave it some. */
function addExamplePresets(set: unknown): unknown {
  const s = set as { id?: unknown; presets?: unknown };
  if (s?.id !== 'set-demo-a' || (Array.isArray(s.presets) && s.presets.length > 0)) return set;
  return { ...s, presets: exampleSet().presets };
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
  avatarModels: {},
  shows: [exampleShow()],
  activeShow: 'show-demo',
  faceTransitionSec: FACE_TRANSITION.default,
  agentNames: {},
};

/** Keeps known keys that pass their check; anything else falls back to the default. */
export function sanitize(raw: unknown): Settings {
  const src = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const key of Object.keys(CHECKS) as (keyof Settings)[]) {
    if (key in src && CHECKS[key](src[key]) === null)
      Object.assign(out, {
        [key]:
          key === 'quickSets'
            ? (src[key] as unknown[]).map((s) => parseQuickSet(s))
            : key === 'shows'
              ? (src[key] as unknown[]).map((s, i) => parseShow(s, `show-${i}`))
              : src[key],
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
 * language, theme) join them with their defaults. 2.1.0: the example set's lines that named a
 * motion the official example content does not have (`bow.vmd`) name its bow instead. 2.2.0: the
 * example set, which had no face presets, gets the ones it ships with now.
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
          if (CHECKS.windowBounds(bounds) === null) store.set('windowBounds', bounds);
          rmSync(legacy, { force: true });
        } catch {
          /* An unreadable old window size is not worth a message; defaults apply. */
        }
      },
      '2.1.0': (store) => {
        const sets = store.get('quickSets');
        if (Array.isArray(sets)) store.set('quickSets', sets.map(refreshExampleSet));
      },
      '2.2.0': (store) => {
        const sets = store.get('quickSets');
        if (Array.isArray(sets)) store.set('quickSets', sets.map(addExamplePresets));
      },
    },
  });
}
