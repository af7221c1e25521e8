/**
 * The one set of rules for settings. The Settings dialog, the command line and the core all check
 * by these, so a value one of them accepts the others accept too.
 */
import { agentNameOk } from './agent-names.js';
import { FACE_TRANSITION, modelKey, morphNameOk, type ModelProfile } from './avatar.js';
import type { ServerStatus } from './agents.js';
import type { LogFilters, TypeChip } from './log.js';
import type { Problem, SettingProblem, UrlProblem } from './problems.js';
import { QuickSetError, parseQuickSet } from './quick-commands.js';
import { ShowError, parseShow } from './show.js';
import type { Settings, WindowBounds } from './settings.js';
import { SLIDER_RANGES, SPEECH_ENGINES, type SpeechSettings } from './speech.js';

export interface Range {
  min: number;
  max: number;
}

/** Plugin_Remote_Websocket_Port; 0 asks the system for any free port (the panel shows the one it got). */
export const PORT_RANGE: Range = { min: 0, max: 65535 };
/** The longest audio file accepted: 6 s to an hour (the dialog asks in minutes, 0.1 to 60). */
export const AUDIO_MAX_SEC: Range = { min: 6, max: 3600 };
export const ECHO_TIMEOUT_SEC: Range = { min: 0.5, max: 120 };
export const SPEECH_TIMEOUT_SEC: Range = { min: 1, max: 300 };
export const SPEECH_MAX_CHARS: Range = { min: 1, max: 20_000 };

export const inRange = (n: number, r: Range): boolean => Number.isFinite(n) && n >= r.min && n <= r.max;

/** A port typed by a person or on the command line: a whole number in PORT_RANGE, or null. */
export function parsePort(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,5}$/.test(t)) return null;
  const port = Number(t);
  return inRange(port, PORT_RANGE) ? port : null;
}

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

/** Remembered model files: names only, within sizes no real model reaches. */
function modelsProblem(v: unknown): SettingProblem | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return TYPE;
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > 200) return { code: 'models' };
  const names = (list: unknown, max: number): boolean =>
    Array.isArray(list) && list.length <= max && list.every((n) => isStr(n) && n.length <= 300);
  for (const [key, raw] of entries) {
    const m = raw as Partial<ModelProfile> | null;
    if (!m || typeof m !== 'object' || !isStr(m.file) || modelKey(m.file) !== key) return { code: 'models' };
    if (!names(m.morphs, 5000) || typeof m.loadedAt !== 'number') return { code: 'models' };
    if (m.shapemap !== undefined) {
      const s = m.shapemap;
      const actionsOk =
        Array.isArray(s?.actions) &&
        s.actions.length <= 1000 &&
        s.actions.every((a) => Number.isInteger(a?.n) && a.n >= 0 && isStr(a.file) && a.file.length <= 300);
      const exOk =
        Array.isArray(s?.exmorphs) &&
        s.exmorphs.length <= 1000 &&
        s.exmorphs.every((e) => isStr(e?.name) && morphNameOk(e.name, true) && isStr(e.morph));
      const lipsOk = !!s?.lips && typeof s.lips === 'object' && Object.values(s.lips).every(isStr);
      if (!actionsOk || !exOk || !lipsOk) return { code: 'models' };
    }
  }
  return null;
}

function showsProblem(v: unknown): SettingProblem | null {
  if (!Array.isArray(v) || v.length > 50) return TYPE;
  try {
    v.forEach((s) => parseShow(s, 'show'));
    return null;
  } catch (error) {
    return error instanceof ShowError ? { code: 'show', problem: error.problem } : TYPE;
  }
}

export const CHECKS: { [K in keyof Settings]: Check } = {
  wsHost: typed('string', (h: string) => (/^[A-Za-z0-9.:\-[\]]+$/.test(h.trim()) ? null : { code: 'host' })),
  wsPort: typed('number', (p: number) => (inRange(p, PORT_RANGE) && Number.isInteger(p) ? null : { code: 'port' })),
  wsPath: typed('string', (p: string) =>
    /^\/?[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(p.trim()) ? null : { code: 'path' },
  ),
  allowedOrigins: (v) => {
    if (!Array.isArray(v) || v.some((o) => !isStr(o))) return TYPE;
    const bad = v.find((o: string) => !/^https?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(o));
    return bad === undefined ? null : { code: 'origin', value: bad };
  },
  echoTimeoutSec: typed('number', (n: number) =>
    inRange(n, ECHO_TIMEOUT_SEC) ? null : { code: 'echo-timeout', ...ECHO_TIMEOUT_SEC },
  ),
  modelAlias: typed('string', (a: string) => (a.length <= 200 && !/[,|\r\n]/.test(a) ? null : { code: 'alias' })),
  audioMaxSec: typed('number', (n: number) =>
    inRange(n, AUDIO_MAX_SEC) ? null : { code: 'audio-max', ...AUDIO_MAX_SEC },
  ),
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
  avatarModels: modelsProblem,
  shows: showsProblem,
  activeShow: typed('string'),
  faceTransitionSec: typed('number', (n: number) =>
    inRange(n, FACE_TRANSITION) ? null : { code: 'face-transition', ...FACE_TRANSITION },
  ),
  agentNames: (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return TYPE;
    const entries = Object.entries(v as Record<string, unknown>);
    const ok = entries.every(
      ([path, name]) => path.startsWith('/') && path.length <= 300 && isStr(name) && agentNameOk(name),
    );
    return ok && entries.length <= 500 ? null : { code: 'agent-name' };
  },
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

const bad = (field: string): SettingProblem => ({ code: 'speech', field });

const httpUrl = (v: unknown): boolean => {
  if (typeof v !== 'string' || v.length > 500) return false;
  if (v.trim() === '') return true;
  try {
    return ['http:', 'https:'].includes(new URL(v.trim()).protocol);
  } catch {
    return false;
  }
};

export function speechProblem(v: unknown): SettingProblem | null {
  const s = v as Partial<SpeechSettings> | null;
  if (!s || typeof s !== 'object' || Array.isArray(s)) return { code: 'type' };
  if (!SPEECH_ENGINES.includes(s.engine as never)) return bad('engine');
  const voices = s.voices as Record<string, unknown> | undefined;
  if (
    !voices ||
    typeof voices !== 'object' ||
    SPEECH_ENGINES.some((e) => typeof voices[e] !== 'string' || (voices[e] as string).length > 200)
  )
    return bad('voices');
  if (!httpUrl(s.voicevoxUrl)) return bad('voicevoxUrl');
  if (!httpUrl(s.openaiUrl)) return bad('openaiUrl');
  if (typeof s.openaiModel !== 'string' || s.openaiModel.length > 200) return bad('openaiModel');
  const sliders = s.sliders as unknown as Record<string, unknown> | undefined;
  if (!sliders || typeof sliders !== 'object') return bad('sliders');
  for (const [name, range] of Object.entries(SLIDER_RANGES)) {
    const x = sliders[name];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < range.min - 1e-9 || x > range.max + 1e-9) return bad(name);
  }
  if (typeof s.timeoutSec !== 'number' || !inRange(s.timeoutSec, SPEECH_TIMEOUT_SEC)) return bad('timeoutSec');
  if (typeof s.maxChars !== 'number' || !Number.isInteger(s.maxChars) || !inRange(s.maxChars, SPEECH_MAX_CHARS))
    return bad('maxChars');
  return null;
}
