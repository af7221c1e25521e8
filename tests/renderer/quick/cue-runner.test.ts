/** The step engine on a cue's steps, with fake timers: waits for the agent's events, timeouts, Stop, alternatives, slots. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendResult, Target } from '../../../common/agents';
import type { CueStep } from '../../../common/show';
import { runSteps, sleep, type RunContext } from '../../../renderer/quick/runner';

function harness() {
  const sent: string[] = [];
  /** Lines from the agent: a wait sees those after its mark, and those still to come. */
  const lines: string[] = [];
  const waiting = new Set<{ test(l: string): boolean; done(m: boolean): void }>();
  const agentSays = (line: string): void => {
    lines.push(line);
    for (const w of [...waiting]) if (w.test(line)) w.done(true);
  };
  const ctx = (signal: AbortSignal, extra: Partial<RunContext> = {}): RunContext => ({
    target: 3,
    agentIds: [3],
    model: '0',
    send: async (_t: Target, line: string): Promise<SendResult> => {
      sent.push(line);
      return { ok: true, lines: 1, agents: 1 };
    },
    say: async () => null,
    avatar: async () => null,
    mark: () => lines.length,
    waitFor: (_target, test, timeoutMs, sig, since) =>
      new Promise<boolean>((resolve, reject) => {
        if (lines.slice(since).some(test)) return resolve(true);
        const w = {
          test,
          done: (m: boolean) => {
            waiting.delete(w);
            clearTimeout(timer);
            resolve(m);
          },
        };
        // eslint-disable-next-line no-restricted-syntax -- the fake wait's own timeout, run by the fake clock
        const timer = setTimeout(() => w.done(false), timeoutMs);
        sig.addEventListener('abort', () => {
          waiting.delete(w);
          clearTimeout(timer);
          reject(new Error('cancelled'));
        });
        waiting.add(w);
      }),
    sleep,
    signal,
    ...extra,
  });
  return { sent, agentSays, ctx, waiting };
}

const wait = (match: string, timeoutMs = 5000, onTimeout: 'stop' | 'continue' = 'stop'): CueStep => ({
  kind: 'waitFor',
  match,
  timeoutMs,
  onTimeout,
});
const send = (...lines: string[]): CueStep => ({ kind: 'send', lines });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the step engine on cues', () => {
  it('waits for the agent’s own event before the next line, with {model} filled in the match', async () => {
    const { sent, agentSays, ctx } = harness();
    const run = runSteps(
      [send('SYNTH_START|{model}|mei_voice_normal|こんにちは'), wait('SYNTH_EVENT_STOP|{model}'), send('NEXT')],
      ctx(new AbortController().signal),
    );
    await vi.advanceTimersByTimeAsync(900);
    expect(sent).toEqual(['SYNTH_START|0|mei_voice_normal|こんにちは']);
    agentSays('SYNTH_EVENT_START|0');
    agentSays('SYNTH_EVENT_STOP|1');
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(1);
    agentSays('SYNTH_EVENT_STOP|0');
    await expect(run).resolves.toEqual({ ok: true, sent: 2, timedOut: 0 });
    expect(sent.at(-1)).toBe('NEXT');
  });

  it('sees an answer that came before the wait began, from the step before it on', async () => {
    const { sent, agentSays, ctx } = harness();
    agentSays('SYNTH_EVENT_STOP|0');
    const done = runSteps([{ kind: 'send', lines: ['SYNTH_START|0|v|x'] }, wait('SYNTH_EVENT_STOP|0')], {
      ...ctx(new AbortController().signal),
      send: async (_t, line) => {
        sent.push(line);
        agentSays('SYNTH_EVENT_STOP|0');
        return { ok: true, lines: 1, agents: 1 };
      },
    });
    await expect(done).resolves.toMatchObject({ ok: true });
    /* The earlier STOP (before the cue's send) does not count: only the one its send caused. */
    const { agentSays: says2, ctx: ctx2 } = harness();
    says2('SYNTH_EVENT_STOP|0');
    const late = runSteps([send('A'), wait('SYNTH_EVENT_STOP|0', 1000)], ctx2(new AbortController().signal));
    await vi.advanceTimersByTimeAsync(1000);
    await expect(late).resolves.toMatchObject({ ok: false, line: 2 });
  });

  it('on a timeout stops the cue, or goes on and counts it', async () => {
    const { sent, ctx } = harness();
    const stopped = runSteps([send('A'), wait('NEVER', 2000), send('B')], ctx(new AbortController().signal));
    await vi.advanceTimersByTimeAsync(1999);
    expect(sent).toEqual(['A']);
    await vi.advanceTimersByTimeAsync(1);
    await expect(stopped).resolves.toEqual({
      ok: false,
      line: 2,
      sent: 1,
      why: { key: 'cues.timedOut', params: { match: 'NEVER', seconds: 2 } },
    });
    const goesOn = runSteps([wait('NEVER', 1000, 'continue'), send('C')], ctx(new AbortController().signal));
    await vi.advanceTimersByTimeAsync(1000);
    await expect(goesOn).resolves.toEqual({ ok: true, sent: 1, timedOut: 1 });
  });

  it('Stop in the middle of a wait sends nothing after it', async () => {
    const { sent, ctx, waiting } = harness();
    const controller = new AbortController();
    const run = runSteps([send('A'), wait('SYNTH_EVENT_STOP|0'), send('B')], ctx(controller.signal));
    await vi.advanceTimersByTimeAsync(300);
    expect(waiting.size).toBe(1);
    controller.abort();
    await expect(run).resolves.toEqual({ cancelled: true, sent: 1 });
    expect(waiting.size).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toEqual(['A']);
  });

  it('picks one of several lines at random or in turn, and fills the trial’s slots', async () => {
    const { sent, ctx } = harness();
    const turns = new Map<string, number>();
    const turn = (key: string, n: number): number => {
      const at = turns.get(key) ?? 0;
      turns.set(key, (at + 1) % n);
      return at;
    };
    const steps: CueStep[] = [
      { kind: 'sendOneOf', lines: ['A|{participant}', 'B|{participant}'], pick: 'turn' },
      { kind: 'sendOneOf', lines: ['X', 'Y', 'Z'], pick: 'random' },
      send('C|{condition}|{room}|{unknown}'),
    ];
    const extra = { slots: { participant: 'P07', condition: 'robot', room: '2F' }, turn, random: () => 0.7 };
    for (let i = 0; i < 3; i++) await runSteps(steps, ctx(new AbortController().signal, extra), 'cue#1');
    expect(sent).toEqual([
      'A|P07',
      'Z',
      'C|robot|2F|{unknown}',
      'B|P07',
      'Z',
      'C|robot|2F|{unknown}',
      'A|P07',
      'Z',
      'C|robot|2F|{unknown}',
    ]);
  });
});
