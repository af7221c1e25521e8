/**
 * Shows: an ordered list of cues run with GO, each a list of steps. A show file is JSON
 * (`remote-panel-show`, version 1); every cue and step is checked on the way in, and a file with
 * one bad step is refused whole, saying which cue, which step and what is wrong.
 */
import type { SpeechEngine } from './speech.js';
import { DEFAULT_SPEECH, SPEECH_ENGINES } from './speech.js';
import { assertNever } from './assert-never.js';
import { fillTemplate } from './fill-template.js';
import type { LineProblem, Problem } from './problems.js';
import { lineProblem } from './wire-rules.js';

/** What a cue's steps do; the same kinds quick commands run, plus waiting for the agent and alternatives. */
export type CueStep =
  | { kind: 'send'; lines: string[] }
  | { kind: 'sendOneOf'; lines: string[]; pick: 'random' | 'turn' }
  | { kind: 'waitMs'; ms: number }
  | { kind: 'waitFor'; match: string; timeoutMs: number; onTimeout: 'stop' | 'continue' }
  | { kind: 'say'; text: string; engine?: SpeechEngine; voice?: string }
  | { kind: 'face'; preset: string }
  | { kind: 'action'; action: string }
  | { kind: 'stream'; path: string };

export interface Cue {
  name: string;
  notes: string;
  /** `auto` runs the next cue as soon as this one's steps finish; `manual` waits for GO. */
  continue: 'auto' | 'manual';
  steps: CueStep[];
}

export interface Show {
  id: string;
  name: string;
  /** Slots filled from the trial besides `{participant}` and `{condition}`. */
  slots: string[];
  /** The agent the show runs against, by its name; empty for the target the operator picks. */
  agent: string;
  cues: Cue[];
}

export const SHOW_FORMAT = 'remote-panel-show';
export const BUILT_IN_SLOTS = ['participant', 'condition'] as const;
export const MAX_CUES = 2000;
export const MAX_WAIT_FOR_MS = 3_600_000;
export const DEFAULT_WAIT_FOR_MS = 30_000;

/** Why a show file (or a stored show) cannot be used: the cue and step it is in (1-based), and what. */
export type ShowProblem =
  | { code: 'not-json'; detail: string }
  | { code: 'not-show' }
  | { code: 'version'; version: unknown }
  | { code: 'no-name' }
  | { code: 'no-cues' }
  | { code: 'too-many'; max: number }
  | { code: 'slots' }
  | { code: 'cue'; cue: number; name: string; problem: CueProblem };

export type CueProblem =
  | { code: 'cue-name' }
  | { code: 'continue' }
  | { code: 'no-steps' }
  | { code: 'step'; step: number; problem: CueStepProblem };

export type CueStepProblem =
  | { code: 'unknown-step'; keys: string }
  | { code: 'line'; problem: LineProblem }
  | { code: 'empty-list' }
  | { code: 'wait-ms' }
  | { code: 'wait-for' }
  | { code: 'regex'; detail: string }
  | { code: 'timeout' }
  | { code: 'say' }
  | { code: 'slot'; slot: string };

export class ShowError extends Error {
  constructor(readonly problem: ShowProblem) {
    super(`show: ${problem.code}`);
  }
}

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);
const SLOT = /^[A-Za-z][A-Za-z0-9_]{0,30}$/;

/** `/regex/flags` matches by regular expression; anything else matches a line that starts with it. */
export function waitMatcher(match: string): ((line: string) => boolean) | { error: string } {
  const re = /^\/(.+)\/([imsu]*)$/.exec(match);
  if (!re) return (line) => line.startsWith(match);
  try {
    const compiled = new RegExp(re[1]!, re[2]);
    return (line) => compiled.test(line);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The `{slot}`s a text names that the show does not know. */
export function unknownSlot(text: string, slots: readonly string[]): string | null {
  for (const m of text.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g))
    if (!['model', 'target', ...BUILT_IN_SLOTS, ...slots].includes(m[1]!)) return m[1]!;
  return null;
}

/** A line to send, checked by the protocol rules with every slot filled with a sample. */
export function checkLine(line: unknown, slots: readonly string[]): CueStepProblem | null {
  if (typeof line !== 'string') return { code: 'line', problem: { code: 'empty' } };
  const slot = unknownSlot(line, slots);
  if (slot) return { code: 'slot', slot };
  const sample = fillTemplate(
    line,
    Object.fromEntries([...BUILT_IN_SLOTS, ...slots, 'model', 'target'].map((s) => [s, 'x'])),
  );
  const problem = lineProblem(sample);
  return problem ? { code: 'line', problem } : null;
}

/** One version-1 step from JSON; a problem says what is wrong with it. */
export function stepFromJson(input: unknown, slots: readonly string[]): CueStep | CueStepProblem {
  /* Settings keep steps as the panel holds them (`kind`); they are checked in their file form. */
  const raw = isObj(input) && typeof input.kind === 'string' ? internalToJson(input) : input;
  if (!isObj(raw)) return { code: 'unknown-step', keys: '' };
  const keys = Object.keys(raw);
  if ('send' in raw) {
    const lines = Array.isArray(raw.send) ? raw.send : [raw.send];
    if (lines.length === 0) return { code: 'empty-list' };
    for (const l of lines) {
      const p = checkLine(l, slots);
      if (p) return p;
    }
    return { kind: 'send', lines: lines as string[] };
  }
  if ('sendOneOf' in raw) {
    if (!Array.isArray(raw.sendOneOf) || raw.sendOneOf.length === 0) return { code: 'empty-list' };
    for (const l of raw.sendOneOf) {
      const p = checkLine(l, slots);
      if (p) return p;
    }
    return { kind: 'sendOneOf', lines: raw.sendOneOf as string[], pick: raw.pick === 'turn' ? 'turn' : 'random' };
  }
  if ('waitMs' in raw) {
    const ms = raw.waitMs;
    if (typeof ms !== 'number' || !(ms > 0 && ms <= MAX_WAIT_FOR_MS)) return { code: 'wait-ms' };
    return { kind: 'waitMs', ms: Math.round(ms) };
  }
  if ('waitFor' in raw) {
    if (typeof raw.waitFor !== 'string' || raw.waitFor.trim() === '' || raw.waitFor.length > 500)
      return { code: 'wait-for' };
    const matcher = waitMatcher(raw.waitFor);
    if ('error' in matcher) return { code: 'regex', detail: matcher.error.slice(0, 200) };
    const timeoutMs = raw.timeoutMs ?? DEFAULT_WAIT_FOR_MS;
    if (typeof timeoutMs !== 'number' || !(timeoutMs > 0 && timeoutMs <= MAX_WAIT_FOR_MS)) return { code: 'timeout' };
    const onTimeout = raw.onTimeout === 'continue' ? 'continue' : 'stop';
    return { kind: 'waitFor', match: raw.waitFor, timeoutMs: Math.round(timeoutMs), onTimeout };
  }
  if ('say' in raw) {
    const s = isObj(raw.say) ? raw.say : typeof raw.say === 'string' ? { text: raw.say } : null;
    const text = typeof s?.text === 'string' ? s.text.trim() : '';
    if (!s || text === '' || [...text].length > DEFAULT_SPEECH.maxChars) return { code: 'say' };
    const engine = s.engine === undefined ? undefined : String(s.engine).toLowerCase();
    if (engine !== undefined && !SPEECH_ENGINES.includes(engine as SpeechEngine)) return { code: 'say' };
    const slot = unknownSlot(text, slots);
    if (slot) return { code: 'slot', slot };
    return {
      kind: 'say',
      text,
      ...(engine ? { engine: engine as SpeechEngine } : {}),
      ...(typeof s.voice === 'string' && s.voice.trim() ? { voice: s.voice.trim() } : {}),
    };
  }
  if (typeof raw.face === 'string' && raw.face.trim()) return { kind: 'face', preset: raw.face.trim() };
  if (typeof raw.stream === 'string' && raw.stream.trim() && raw.stream.length <= 1000)
    return { kind: 'stream', path: raw.stream.trim() };
  if ((typeof raw.action === 'string' && raw.action.trim()) || typeof raw.action === 'number')
    return { kind: 'action', action: String(raw.action).trim() };
  return { code: 'unknown-step', keys: keys.join(', ').slice(0, 100) };
}

function internalToJson(step: Raw): Raw | null {
  const known = ['send', 'sendOneOf', 'waitMs', 'waitFor', 'say', 'face', 'action', 'stream'];
  if (!known.includes(step.kind as string)) return null;
  if ((step.kind === 'send' || step.kind === 'sendOneOf') && !Array.isArray(step.lines)) return null;
  return stepToJson(step as unknown as CueStep);
}

export function stepToJson(step: CueStep): Raw {
  switch (step.kind) {
    case 'send':
      return { send: step.lines.length === 1 ? step.lines[0] : step.lines };
    case 'sendOneOf':
      return { sendOneOf: step.lines, ...(step.pick === 'turn' ? { pick: 'turn' } : {}) };
    case 'waitMs':
      return { waitMs: step.ms };
    case 'waitFor':
      return {
        waitFor: step.match,
        timeoutMs: step.timeoutMs,
        ...(step.onTimeout === 'continue' ? { onTimeout: 'continue' } : {}),
      };
    case 'say':
      return {
        say: {
          text: step.text,
          ...(step.engine ? { engine: step.engine } : {}),
          ...(step.voice ? { voice: step.voice } : {}),
        },
      };
    case 'face':
      return { face: step.preset };
    case 'action':
      return { action: step.action };
    case 'stream':
      return { stream: step.path };
    default:
      return assertNever(step);
  }
}

/** A show from untrusted JSON (a file, or settings on disk); throws a ShowError. */
export function parseShow(raw: unknown, id: string): Show {
  if (!isObj(raw) || (raw.format !== undefined && raw.format !== SHOW_FORMAT))
    throw new ShowError({ code: 'not-show' });
  if (raw.version !== undefined && raw.version !== 1) throw new ShowError({ code: 'version', version: raw.version });
  if (typeof raw.name !== 'string' || raw.name.trim() === '') throw new ShowError({ code: 'no-name' });
  if (!Array.isArray(raw.cues) || raw.cues.length === 0) throw new ShowError({ code: 'no-cues' });
  if (raw.cues.length > MAX_CUES) throw new ShowError({ code: 'too-many', max: MAX_CUES });
  const slots = raw.slots === undefined ? [] : raw.slots;
  if (!Array.isArray(slots) || slots.some((s) => typeof s !== 'string' || !SLOT.test(s)))
    throw new ShowError({ code: 'slots' });
  const cues = raw.cues.map((c, i): Cue => {
    const cue = isObj(c) ? c : {};
    const name = typeof cue.name === 'string' ? cue.name.trim() : '';
    const fail = (problem: CueProblem): never => {
      throw new ShowError({ code: 'cue', cue: i + 1, name, problem });
    };
    if (name === '' || name.length > 80) fail({ code: 'cue-name' });
    if (cue.continue !== undefined && cue.continue !== 'auto' && cue.continue !== 'manual') fail({ code: 'continue' });
    if (!Array.isArray(cue.steps) || cue.steps.length === 0) fail({ code: 'no-steps' });
    const steps = (cue.steps as unknown[]).map((s, k) => {
      const step = stepFromJson(s, slots as string[]);
      if ('code' in step) return fail({ code: 'step', step: k + 1, problem: step });
      return step;
    });
    return {
      name,
      notes: typeof cue.notes === 'string' ? cue.notes.slice(0, 2000) : '',
      continue: cue.continue === 'auto' ? 'auto' : 'manual',
      steps,
    };
  });
  return {
    id: typeof raw.id === 'string' && raw.id ? raw.id : id,
    name: raw.name.trim().slice(0, 80),
    slots: slots as string[],
    agent: typeof raw.agent === 'string' ? raw.agent.trim().slice(0, 60) : '',
    cues,
  };
}

/** The portable form of a show: version 1, no id. */
export function exportShow(show: Show): string {
  const body = {
    format: SHOW_FORMAT,
    version: 1,
    name: show.name,
    ...(show.slots.length ? { slots: show.slots } : {}),
    ...(show.agent ? { agent: show.agent } : {}),
    cues: show.cues.map((c) => ({
      name: c.name,
      ...(c.notes ? { notes: c.notes } : {}),
      continue: c.continue,
      steps: c.steps.map(stepToJson),
    })),
  };
  return JSON.stringify(body, null, 2) + '\n';
}

/** What the session log is told about a show: a trial's start and end, and each cue run. */
export type ShowMark =
  | { kind: 'trial-start' | 'trial-end'; show: string; participant: string; condition: string }
  | {
      kind: 'cue';
      show: string;
      cue: string;
      number: number;
      outcome: 'done' | 'failed' | 'stopped';
      startedAt: number;
      endedAt: number;
      /** The step it stopped or failed at (1-based). */
      step?: number;
      /** Why it failed, in English (the session log's language). */
      error?: string;
      timedOut?: number;
    };

export type MarkResult = { ok: true; id: number } | { ok: false; problem: Problem };
