/**
 * Runs a quick command: its lines in order, with its waits, placeholders filled at send
 * time. Sending and sleeping are passed in, so tests drive it with a fake clock.
 */
import type { SendResult, SendTo, Target } from '../../common/agents';
import type { QuickCommand } from '../../common/quick-commands';
import { fillPlaceholders, parseSteps, type Step } from '../../common/quick-commands';
import type { Words } from '../i18n';

export interface RunContext {
  target: Target;
  /** Connected agents' ids: `{target}` with target "all" sends to each, its own id filled in. */
  agentIds: number[];
  model: string;
  send(target: Target, line: string, to: SendTo): Promise<SendResult>;
  /** A `say` step to one agent; resolves once its speech is on its way, or why not. */
  say(agentId: number, step: Extract<Step, { kind: 'say' }>): Promise<Words | null>;
  /** A `face` or `action` step to one agent's model `model`; resolves to why it failed, or null. */
  avatar(agentId: number, model: string, step: Extract<Step, { kind: 'face' | 'action' }>): Promise<Words | null>;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  signal: AbortSignal;
  onStep?(index: number, total: number): void;
}

/** A failed run: the line it stopped at, and why (a protocol problem found before sending, or the core's answer to a send). */
export type RunResult =
  | { ok: true; sent: number }
  | { ok: false; why: Words; line: number; sent: number }
  | { cancelled: true; sent: number };

export async function runQuickCommand(command: QuickCommand, ctx: RunContext): Promise<RunResult> {
  const parsed = parseSteps(command.lines);
  if (!parsed.ok) return { ok: false, why: { step: parsed.problem }, line: parsed.line, sent: 0 };
  const { steps } = parsed;
  let sent = 0;
  for (let i = 0; i < steps.length; i++) {
    if (ctx.signal.aborted) return { cancelled: true, sent };
    ctx.onStep?.(i, steps.length);
    const step = steps[i]!;
    if (step.kind === 'wait') {
      try {
        await ctx.sleep(step.ms, ctx.signal);
      } catch {
        return { cancelled: true, sent };
      }
      continue;
    }
    if (step.kind === 'say') {
      /* Speech needs one agent: with Target "all", each agent says it. */
      for (const agentId of ctx.target === 'all' ? ctx.agentIds : [ctx.target]) {
        const why = await ctx.say(agentId, step);
        if (why) return { ok: false, why, line: i + 1, sent };
        sent++;
      }
      continue;
    }
    if (step.kind === 'face' || step.kind === 'action') {
      for (const agentId of ctx.target === 'all' ? ctx.agentIds : [ctx.target]) {
        const why = await ctx.avatar(agentId, ctx.model, step);
        if (why) return { ok: false, why, line: i + 1, sent };
        sent++;
      }
      continue;
    }
    const perAgent = ctx.target === 'all' && step.line.includes('{target}');
    const targets: Target[] = perAgent ? ctx.agentIds : [ctx.target];
    for (const target of targets) {
      const line = fillPlaceholders(step.line, { model: ctx.model, target: target === 'all' ? 'all' : String(target) });
      const result = await ctx.send(target, line, command.to);
      if (!result.ok) return { ok: false, why: { problem: result.problem }, line: i + 1, sent };
      sent++;
    }
  }
  return { ok: true, sent };
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
