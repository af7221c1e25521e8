import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendResult, SendTo, Target } from '../../../common/agents.js';
import type { QuickCommand } from '../../../common/quick-commands.js';
import type { Words } from '../../../renderer/i18n/index.js';
import { runQuickCommand, sleep } from '../../../renderer/quick/runner.js';

const command = (lines: string, to: SendTo = 'agent'): QuickCommand => ({
  id: 'c',
  label: 'Test',
  lines,
  hotkey: '',
  color: '',
  to,
});

describe('quick-command sequences', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function harness(fail?: (line: string) => string | null) {
    const sent: { at: number; target: Target; line: string; to: SendTo }[] = [];
    const send = async (target: Target, line: string, to: SendTo): Promise<SendResult> => {
      const failed = fail?.(line) ?? null;
      if (failed) return { ok: false, problem: { key: 'agentGone', agentId: Number(failed) } };
      sent.push({ at: Date.now(), target, line, to });
      return { ok: true, lines: 1, agents: 1 };
    };
    const say = async (
      agentId: number,
      step: { text: string; engine?: string; voice?: string },
    ): Promise<Words | null> => {
      const failed = fail?.(`say ${step.text}`) ?? null;
      if (failed)
        return {
          problem: {
            key: 'engineUnreachable',
            engine: 'voicevox',
            url: 'http://127.0.0.1:50021',
            detail: 'ECONNREFUSED',
          },
        };
      sent.push({
        at: Date.now(),
        target: agentId,
        line: `say:${step.engine ?? ''}:${step.voice ?? ''}:${step.text}`,
        to: 'agent',
      });
      return null;
    };
    const avatar = async (
      agentId: number,
      model: string,
      step: { kind: 'face'; preset: string } | { kind: 'action'; action: string },
    ): Promise<Words | null> => {
      const what = step.kind === 'face' ? `face:${model}:${step.preset}` : `action:${model}:${step.action}`;
      if (fail?.(what)) return { key: 'avatar.unknownPreset', params: { name: what } };
      sent.push({ at: Date.now(), target: agentId, line: what, to: 'agent' });
      return null;
    };
    return { sent, send, say, avatar };
  }

  it('sends in order, waiting between lines, with placeholders filled at send time', async () => {
    const { sent, send, say, avatar } = harness();
    const start = Date.now();
    const steps: number[] = [];
    const run = runQuickCommand(command('A|{model}\nwait 400\nB|{target}\nwait 250\nC'), {
      target: 3,
      agentIds: [3],
      model: 'mei',
      send,
      say,
      avatar,
      sleep,
      signal: new AbortController().signal,
      onStep: (i) => steps.push(i),
    });
    await vi.advanceTimersByTimeAsync(399);
    expect(sent.map((s) => s.line)).toEqual(['A|mei']);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((s) => s.line)).toEqual(['A|mei', 'B|3']);
    await vi.advanceTimersByTimeAsync(250);
    await expect(run).resolves.toEqual({ ok: true, sent: 3, timedOut: 0 });
    expect(sent.map((s) => s.at - start)).toEqual([0, 400, 650]);
    expect(steps).toEqual([0, 1, 2, 3, 4]);
  });

  it('is cancelled during a wait, and the rest is never sent', async () => {
    const { sent, send, say, avatar } = harness();
    const controller = new AbortController();
    const run = runQuickCommand(command('A\nwait 5000\nB'), {
      target: 1,
      agentIds: [1],
      model: '0',
      send,
      say,
      avatar,
      sleep,
      signal: controller.signal,
    });
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    await expect(run).resolves.toEqual({ cancelled: true, sent: 1 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent.map((s) => s.line)).toEqual(['A']);
  });

  it('with target "all", {target} sends to each agent with its own id; a failure stops the sequence', async () => {
    const { sent, send, say, avatar } = harness((line) => (line === 'STOP' ? '7' : null));
    const result = await runQuickCommand(command('KEY|{target}\nGLOBAL\nSTOP\nNEVER', 'server'), {
      target: 'all',
      agentIds: [1, 4],
      model: '0',
      send,
      say,
      avatar,
      sleep,
      signal: new AbortController().signal,
    });
    expect(sent.map((s) => [s.target, s.line, s.to])).toEqual([
      [1, 'KEY|1', 'server'],
      [4, 'KEY|4', 'server'],
      ['all', 'GLOBAL', 'server'],
    ]);
    expect(result).toEqual({ ok: false, sent: 3, line: 3, why: { problem: { key: 'agentGone', agentId: 7 } } });
  });

  it('refuses a command whose lines break the protocol rules before sending anything', async () => {
    const { sent, send, say, avatar } = harness();
    await expect(
      runQuickCommand(command('A\nSNDSTRM'), {
        target: 1,
        agentIds: [1],
        model: '0',
        send,
        say,
        avatar,
        sleep,
        signal: new AbortController().signal,
      }),
    ).resolves.toMatchObject({ ok: false, sent: 0 });
    expect(sent).toEqual([]);
  });

  it('say steps speak to the agent (each agent with Target "all"), with their own engine and voice; a failed say stops the sequence', async () => {
    const { sent, send, say, avatar } = harness((line) => (line === 'say broken' ? 'x' : null));
    const ok = await runQuickCommand(command('say Hello there.\nwait 10\nsay[voicevox:3] こんにちは'), {
      target: 'all',
      agentIds: [2, 5],
      model: '0',
      send,
      say,
      avatar,
      sleep: async () => undefined,
      signal: new AbortController().signal,
    });
    expect(ok).toEqual({ ok: true, sent: 4, timedOut: 0 });
    expect(sent.map((s) => [s.target, s.line])).toEqual([
      [2, 'say:::Hello there.'],
      [5, 'say:::Hello there.'],
      [2, 'say:voicevox:3:こんにちは'],
      [5, 'say:voicevox:3:こんにちは'],
    ]);
    const failed = await runQuickCommand(command('A\nsay broken\nB'), {
      target: 1,
      agentIds: [1],
      model: '0',
      send,
      say,
      avatar,
      sleep,
      signal: new AbortController().signal,
    });
    expect(failed).toMatchObject({ ok: false, line: 2, sent: 1, why: { problem: { key: 'engineUnreachable' } } });
    expect(sent.at(-1)!.line).toBe('A');
  });

  it('runs face and action steps on each target agent with the model alias, and stops at one that fails', async () => {
    const { sent, send, say, avatar } = harness((line) => (line === 'face:0:Nope' ? 'x' : null));
    const result = await runQuickCommand(command('face Smile\naction laugh\nKEY|x\nface Nope\nNEVER'), {
      target: 'all',
      agentIds: [1, 4],
      model: '0',
      send,
      say,
      avatar,
      sleep,
      signal: new AbortController().signal,
    });
    expect(sent.map((s) => `${s.target} ${s.line}`)).toEqual([
      '1 face:0:Smile',
      '4 face:0:Smile',
      '1 action:0:laugh',
      '4 action:0:laugh',
      'all KEY|x',
    ]);
    expect(result).toMatchObject({ ok: false, line: 4, sent: 5 });
  });
});
