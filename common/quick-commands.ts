/**
 * Quick commands: parsing a command's lines into steps, placeholders, and checking an
 * imported or stored set. Pure, shared by the core (settings) and the renderer (runner, editor).
 */
import type { SendTo } from './agents.js';
import type { FacePreset } from './avatar.js';
import type { CommandProblem, QuickSetProblem, StepProblem } from './problems.js';
import { fillTemplate } from './fill-template.js';
import { presetFromJson, presetProblem, presetToJson } from './presets.js';
import { DEFAULT_SPEECH, SPEECH_ENGINES, type SpeechEngine } from './speech.js';
import { lineProblem } from './wire-rules.js';

/** `say` speaks its text with the Say it region's engine and voice, or the ones in `say[engine:voice]`. */
export type Step =
  | { kind: 'send'; line: string }
  | { kind: 'wait'; ms: number }
  | { kind: 'say'; text: string; engine?: SpeechEngine; voice?: string }
  /** A face preset of the set, by name; `action` plays a `.shapemap` action by name or number. */
  | { kind: 'face'; preset: string }
  | { kind: 'action'; action: string }
  /** A WAV file on the panel's machine, streamed to the agent with lip sync. */
  | { kind: 'stream'; path: string };

export type StepsResult = { ok: true; steps: Step[] } | { ok: false; line: number; problem: StepProblem };

/** Longest single wait: ten minutes. */
export const MAX_WAIT_MS = 600_000;
const WAIT = /^wait\s+(\d+(?:\.\d+)?)\s*(ms|s)?$/i;
const SAY = /^say(?:\[([^\]:]*)(?::([^\]]*))?\])?(?:\s+(.*))?$/i;
const AVATAR = /^(face|action)(?:\s+(.*))?$/i;
const STREAM = /^stream(?:\s+(.*))?$/i;

/** `{model}` and `{target}` are the only placeholders; anything else in braces is left as typed. */
export function fillPlaceholders(line: string, values: { model: string; target: string }): string {
  return fillTemplate(line, values);
}

/** The command's lines as steps, each message line checked by the protocol rules (placeholders filled with samples). */
export function parseSteps(text: string): StepsResult {
  const steps: Step[] = [];
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (row === '') continue;
    const step = parseStepLine(row);
    if ('code' in step) return { ok: false, line: i + 1, problem: step };
    steps.push(step);
  }
  if (!steps.some((s) => s.kind !== 'wait')) return { ok: false, line: 1, problem: { code: 'no-message' } };
  return { ok: true, steps };
}

/** One non-empty line of a command as its step, or why it cannot be one (`{model}` and `{target}` filled with samples). */
export function parseStepLine(row: string, samples: Record<string, string> = {}): Step | StepProblem {
  const wait = WAIT.exec(row);
  if (wait) {
    const ms = Math.round(Number(wait[1]) * (wait[2]?.toLowerCase() === 's' ? 1000 : 1));
    if (!(ms > 0 && ms <= MAX_WAIT_MS)) return { code: 'wait-range' };
    return { kind: 'wait', ms };
  }
  if (/^wait\b/i.test(row)) return { code: 'wait-syntax' };
  const say = SAY.exec(row);
  if (say) return sayStep(say[1], say[2], say[3]);
  const avatar = AVATAR.exec(row);
  if (avatar) {
    const kind = avatar[1]!.toLowerCase() as 'face' | 'action';
    const name = avatar[2]?.trim() ?? '';
    if (name === '') return { code: `${kind}-empty` };
    return kind === 'face' ? { kind, preset: name } : { kind, action: name };
  }
  const stream = STREAM.exec(row);
  if (stream) {
    const path = stream[1]?.trim() ?? '';
    return path === '' || path.length > 1000 ? { code: 'stream-empty' } : { kind: 'stream', path };
  }
  const problem = lineProblem(fillTemplate(row, { model: '0', target: '1', ...samples }));
  return problem ?? { kind: 'send', line: row };
}

function sayStep(engine: string | undefined, voice: string | undefined, text: string | undefined): Step | StepProblem {
  const words = text?.trim() ?? '';
  if (words === '') return { code: 'say-empty' };
  if ([...words].length > DEFAULT_SPEECH.maxChars) return { code: 'say-long', max: DEFAULT_SPEECH.maxChars };
  if (engine === undefined) return { kind: 'say', text: words };
  const name = engine.trim().toLowerCase();
  if (!SPEECH_ENGINES.includes(name as SpeechEngine)) return { code: 'say-engine', engine: engine.trim().slice(0, 40) };
  return { kind: 'say', text: words, engine: name as SpeechEngine, ...(voice?.trim() ? { voice: voice.trim() } : {}) };
}

/** Modifiers in a fixed order, then the key: `Ctrl+Alt+Shift+Meta+K`. */
export function normalizeHotkey(raw: string): string {
  const trimmed = raw.trim();
  /* The key itself may be "+" ("Ctrl++", or just "+"). */
  const plusKey = trimmed === '+' || trimmed.endsWith('++');
  const parts = (plusKey ? trimmed.slice(0, -1) : trimmed)
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!plusKey && parts.length === 0) return '';
  const key = plusKey ? '+' : parts.pop()!;
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const out: string[] = [];
  if (mods.has('ctrl') || mods.has('control')) out.push('Ctrl');
  if (mods.has('alt') || mods.has('option')) out.push('Alt');
  if (mods.has('shift')) out.push('Shift');
  if (mods.has('meta') || mods.has('cmd') || mods.has('command')) out.push('Meta');
  out.push(key.length === 1 ? key.toUpperCase() : key[0]!.toUpperCase() + key.slice(1));
  return out.join('+');
}

let counter = 0;
/** Short unique ids; good enough for buttons and sets in one settings file. */
export function newId(prefix: string): string {
  counter = (counter + 1) % 1e6;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** Why a command cannot be kept, as a code for a UI to word; null when it can. */
export function commandProblem(c: QuickCommand): CommandProblem | null {
  if (c.label.trim() === '') return { code: 'label-empty' };
  if (c.label.length > 60) return { code: 'label-long' };
  const steps = parseSteps(c.lines);
  if (!steps.ok) return { code: 'lines', line: steps.line, problem: steps.problem };
  if (c.color && !/^#[0-9a-f]{6}$/i.test(c.color)) return { code: 'color' };
  return null;
}

/** Why a file or stored value is not a quick-command set; the message is only the code, a UI words `problem`. */
export class QuickSetError extends Error {
  constructor(readonly problem: QuickSetProblem) {
    super(`quick-set: ${problem.code}`);
  }
}

type Raw = Record<string, unknown>;
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/** One set from untrusted JSON (an imported file, or settings on disk); throws a QuickSetError with the problem's code. */
export function parseQuickSet(raw: unknown): QuickSet {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new QuickSetError({ code: 'not-set' });
  const r = raw as Raw;
  if (typeof r.name !== 'string' || r.name.trim() === '') throw new QuickSetError({ code: 'no-name' });
  if (!Array.isArray(r.commands)) throw new QuickSetError({ code: 'no-commands' });
  const commands = r.commands.map((c, i): QuickCommand => {
    const cr = (c && typeof c === 'object' ? c : {}) as Raw;
    const lines = Array.isArray(cr.lines) ? cr.lines.filter((l) => typeof l === 'string').join('\n') : str(cr.lines);
    const to: SendTo = cr.to === 'server' ? 'server' : 'agent';
    const command: QuickCommand = {
      id: str(cr.id) || newId('cmd'),
      label: str(cr.label).trim(),
      lines,
      hotkey: normalizeHotkey(str(cr.hotkey)),
      color: str(cr.color),
      to,
    };
    const found = commandProblem(command);
    if (found) throw new QuickSetError({ code: 'command', index: i + 1, label: command.label, problem: found });
    return command;
  });
  const presets = (Array.isArray(r.presets) ? r.presets : []).map((p, i): FacePreset => {
    const preset = presetFromJson(p, newId('preset'), normalizeHotkey);
    const found = presetProblem(preset);
    if (found) throw new QuickSetError({ code: 'preset', index: i + 1, name: preset.name, problem: found });
    return preset;
  });
  return { id: str(r.id) || newId('set'), name: r.name.trim().slice(0, 60), commands, presets };
}

/** The portable form of a set: lines as a list, no ids. */
export function exportQuickSet(set: QuickSet): string {
  const commands = set.commands.map((c) => ({
    label: c.label,
    lines: c.lines.split('\n').filter((l) => l.trim() !== ''),
    ...(c.hotkey ? { hotkey: c.hotkey } : {}),
    ...(c.color ? { color: c.color } : {}),
    ...(c.to === 'server' ? { to: 'server' } : {}),
  }));
  return (
    JSON.stringify(
      {
        format: 'remote-panel-quick-commands',
        version: 1,
        name: set.name,
        commands,
        ...(set.presets.length ? { presets: set.presets.map(presetToJson) } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}

/** A one-press button: message lines sent in order, with `wait <ms>` lines between them. */
export interface QuickCommand {
  id: string;
  label: string;
  /** One message per line; `wait 500` pauses; `{model}` and `{target}` are filled in at send time. */
  lines: string;
  /** e.g. `F5`, `Ctrl+1`, `Alt+Shift+B`; empty for none. */
  hotkey: string;
  /** A CSS colour for the button, or empty. */
  color: string;
  /** Proxy mode: where the lines go. */
  to: SendTo;
}

export interface QuickSet {
  id: string;
  name: string;
  commands: QuickCommand[];
  /** Face presets, applied by a click, a hotkey, or a `face <name>` step. */
  presets: FacePreset[];
}
