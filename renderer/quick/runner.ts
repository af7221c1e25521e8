/**
 * The one step engine: a quick command's lines and a cue's steps run here, in order, with their
 * waits, waits for the agent's own events, alternatives and slots filled at send time. Sending,
 * speaking, waiting and the clock are passed in, so tests drive it with fake timers.
 */
import type { SendResult, SendTo, Target } from '../../common/agents';
import { assertNever } from '../../common/assert-never';
import { fillTemplate } from '../../common/fill-template';
import type { QuickCommand, Step } from '../../common/quick-commands';
import { parseSteps } from '../../common/quick-commands';
import { waitMatcher, type CueStep } from '../../common/show';
import type { Words } from '../i18n';

export interface RunContext {
  target: Target;
  /** Connected agents' ids: `{target}` with target "all" sends to each, its own id filled in. */
  agentIds: number[];
  model: string;
  /** `{participant}`, `{condition}` and a show's own slots, filled in at send time. */
  slots?: Record<string, string>;
  /** Proxy mode: where sent lines go. */
  to?: SendTo;
  send(target: Target, line: string, to: SendTo): Promise<SendResult>;
  /** A `say` step to one agent; resolves once its speech is on its way, or why not. */
  say(agentId: number, step: Extract<Step, { kind: 'say' }>): Promise<Words | null>;
  /** A `face` or `action` step to one agent's model `model`; resolves to why it failed, or null. */
  avatar(agentId: number, model: string, step: Extract<Step, { kind: 'face' | 'action' }>): Promise<Words | null>;
  /** A `stream` step to one agent's model: resolves once the file is on its way, or why not. */
  stream?(agentId: number, model: string, path: string): Promise<Words | null>;
  /**
   * Resolves true when a line from the target that `test` accepts arrives (or arrived since `since`),
   * false when `timeoutMs` passes first; rejects when `signal` aborts.
   */
  waitFor?(
    target: Target,
    test: (line: string) => boolean,
    timeoutMs: number,
    signal: AbortSignal,
    since: number,
  ): Promise<boolean>;
  /** Where the agent's lines stand now, for a `waitFor` that follows. */
  mark?(): number;
  /** The next index of an `in turn` list (kept by the caller across runs). */
  turn?(key: string, count: number): number;
  random?(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  signal: AbortSignal;
  onStep?(index: number, total: number): void;
}

/** A failed run: the step it stopped at (1-based), and why. `timedOut` counts waits that gave up and went on. */
export type RunResult =
  | { ok: true; sent: number; timedOut: number }
  | { ok: false; why: Words; line: number; sent: number }
  | { cancelled: true; sent: number };

/** A quick command's lines as steps of the engine. */
export function commandSteps(steps: readonly Step[]): CueStep[] {
  return steps.map((s): CueStep => {
    if (s.kind === 'send') return { kind: 'send', lines: [s.line] };
    if (s.kind === 'wait') return { kind: 'waitMs', ms: s.ms };
    return s;
  });
}

export async function runQuickCommand(command: QuickCommand, ctx: RunContext): Promise<RunResult> {
  const parsed = parseSteps(command.lines);
  if (!parsed.ok) return { ok: false, why: { step: parsed.problem }, line: parsed.line, sent: 0 };
  return runSteps(commandSteps(parsed.steps), { ...ctx, to: command.to }, command.id);
}

/** Runs `steps`; `key` names the list for `in turn` alternatives. */
export async function runSteps(steps: readonly CueStep[], ctx: RunContext, key = ''): Promise<RunResult> {
  let sent = 0;
  let timedOut = 0;
  let since = ctx.mark?.() ?? 0;
  const agents = (): number[] => (ctx.target === 'all' ? ctx.agentIds : [ctx.target]);
  const sendLine = async (raw: string): Promise<Words | null> => {
    const perAgent = ctx.target === 'all' && raw.includes('{target}');
    for (const target of perAgent ? ctx.agentIds : [ctx.target]) {
      const line = fillTemplate(raw, { ...ctx.slots, model: ctx.model, target: String(target) });
      const result = await ctx.send(target, line, ctx.to ?? 'agent');
      if (!result.ok) return { problem: result.problem };
      sent++;
    }
    return null;
  };
  for (let i = 0; i < steps.length; i++) {
    if (ctx.signal.aborted) return { cancelled: true, sent };
    ctx.onStep?.(i, steps.length);
    const step = steps[i]!;
    let why: Words | null = null;
    /* What a wait for the agent may answer: anything from the step before it on. */
    if (steps[i + 1]?.kind === 'waitFor') since = ctx.mark?.() ?? since;
    try {
      switch (step.kind) {
        case 'waitMs':
          await ctx.sleep(step.ms, ctx.signal);
          break;
        case 'waitFor': {
          const test = waitMatcher(
            fillTemplate(step.match, { ...ctx.slots, model: ctx.model, target: String(ctx.target) }),
          );
          if ('error' in test || !ctx.waitFor) return { ok: false, why: { key: 'cues.noWait' }, line: i + 1, sent };
          const matched = await ctx.waitFor(ctx.target, test, step.timeoutMs, ctx.signal, since);
          if (!matched && step.onTimeout === 'stop')
            return {
              ok: false,
              why: { key: 'cues.timedOut', params: { match: step.match, seconds: step.timeoutMs / 1000 } },
              line: i + 1,
              sent,
            };
          if (!matched) timedOut++;
          break;
        }
        case 'send':
          for (const line of step.lines) if (!why) why = await sendLine(line);
          break;
        case 'sendOneOf': {
          const n = step.lines.length;
          const at =
            step.pick === 'turn' ? (ctx.turn?.(`${key}#${i}`, n) ?? 0) : Math.floor((ctx.random ?? Math.random)() * n);
          why = await sendLine(step.lines[Math.min(n - 1, Math.max(0, at))]!);
          break;
        }
        case 'say':
          /* Speech needs one agent: with Target "all", each agent says it. */
          for (const agentId of agents()) {
            why ??= await ctx.say(agentId, { ...step, text: fillTemplate(step.text, { ...ctx.slots }) });
            if (!why) sent++;
          }
          break;
        case 'stream':
          for (const agentId of agents()) {
            why ??= ctx.stream ? await ctx.stream(agentId, ctx.model, step.path) : { key: 'cues.noWait' };
            if (!why) sent++;
          }
          break;
        case 'face':
        case 'action':
          for (const agentId of agents()) {
            why ??= await ctx.avatar(agentId, ctx.model, step);
            if (!why) sent++;
          }
          break;
        default:
          assertNever(step);
      }
    } catch {
      /* A sleep or a wait ended by the signal. */
      return { cancelled: true, sent };
    }
    if (why) return { ok: false, why, line: i + 1, sent };
  }
  return { ok: true, sent, timedOut };
}

/** A cancellable sleep on the real clock. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('cancelled'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = (): void => {
      clearTimeout(timer);
      reject(new Error('cancelled'));
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
