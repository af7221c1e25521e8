/**
 * A cue's steps as lines of text, for editing in the panel: the quick-command syntax (messages,
 * `wait 500`, `say …`, `face …`, `action …`) and three more lines for shows:
 * `wait for SYNTH_EVENT_STOP|0 within 15s` (`or go on` to continue on a timeout),
 * `one of: A || B` (at random) and `in turn: A || B`.
 */
import { assertNever } from './assert-never.js';
import type { StepProblem } from './problems.js';
import { parseStepLine } from './quick-commands.js';
import {
  BUILT_IN_SLOTS,
  checkLine,
  DEFAULT_WAIT_FOR_MS,
  MAX_WAIT_FOR_MS,
  unknownSlot,
  waitMatcher,
  type CueStep,
  type CueStepProblem,
} from './show.js';

export type CueTextResult =
  { ok: true; steps: CueStep[] } | { ok: false; line: number; problem: CueStepProblem | StepProblem };

const WAIT_FOR = /^wait\s+for\s+(.+?)(?:\s+within\s+(\d+(?:\.\d+)?)\s*(ms|s))?(\s+or\s+go\s+on)?$/i;
const ONE_OF = /^(one of|in turn):\s*(.*)$/i;

function lineOf(row: string, slots: readonly string[]): CueStep | CueStepProblem | StepProblem {
  const wait = WAIT_FOR.exec(row);
  if (wait) {
    const matcher = waitMatcher(wait[1]!);
    if ('error' in matcher) return { code: 'regex', detail: matcher.error.slice(0, 200) };
    const timeoutMs = wait[2]
      ? Math.round(Number(wait[2]) * (wait[3]!.toLowerCase() === 's' ? 1000 : 1))
      : DEFAULT_WAIT_FOR_MS;
    if (!(timeoutMs > 0 && timeoutMs <= MAX_WAIT_FOR_MS)) return { code: 'timeout' };
    return { kind: 'waitFor', match: wait[1]!, timeoutMs, onTimeout: wait[4] ? 'continue' : 'stop' };
  }
  const oneOf = ONE_OF.exec(row);
  if (oneOf) {
    const lines = oneOf[2]!
      .split('||')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) return { code: 'empty-list' };
    for (const l of lines) {
      const p = checkLine(l, slots);
      if (p) return p;
    }
    return { kind: 'sendOneOf', lines, pick: oneOf[1]!.toLowerCase() === 'in turn' ? 'turn' : 'random' };
  }
  const slot = unknownSlot(row, slots);
  if (slot) return { code: 'slot', slot };
  const samples = Object.fromEntries([...BUILT_IN_SLOTS, ...slots].map((s) => [s, 'x']));
  const step = parseStepLine(row, samples);
  if ('code' in step) return step;
  if (step.kind === 'send') return { kind: 'send', lines: [step.line] };
  if (step.kind === 'wait') return { kind: 'waitMs', ms: step.ms };
  return step;
}

export function parseCueText(text: string, slots: readonly string[] = []): CueTextResult {
  const steps: CueStep[] = [];
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (row === '') continue;
    const step = lineOf(row, slots);
    if ('code' in step) return { ok: false, line: i + 1, problem: step };
    steps.push(step);
  }
  return { ok: true, steps };
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);

export function cueText(steps: readonly CueStep[]): string {
  return steps
    .map((s) => {
      switch (s.kind) {
        case 'send':
          return s.lines.join('\n');
        case 'sendOneOf':
          return `${s.pick === 'turn' ? 'in turn' : 'one of'}: ${s.lines.join(' || ')}`;
        case 'waitMs':
          return `wait ${s.ms}`;
        case 'waitFor':
          return `wait for ${s.match} within ${seconds(s.timeoutMs)}${s.onTimeout === 'continue' ? ' or go on' : ''}`;
        case 'say':
          return `say${s.engine ? `[${s.engine}${s.voice ? `:${s.voice}` : ''}]` : ''} ${s.text}`;
        case 'face':
          return `face ${s.preset}`;
        case 'action':
          return `action ${s.action}`;
        case 'stream':
          return `stream ${s.path}`;
        default:
          return assertNever(s);
      }
    })
    .join('\n');
}
