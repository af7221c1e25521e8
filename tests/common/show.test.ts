import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cueText, parseCueText } from '../../common/cue-text';
import { exportShow, parseShow, waitMatcher, type ShowError } from '../../common/show';

const ISSUE_EXAMPLE = {
  format: 'remote-panel-show',
  version: 1,
  name: 'Demo',
  cues: [
    {
      name: 'Hello',
      notes: 'optional',
      continue: 'auto',
      steps: [
        { send: 'SYNTH_START|0|mei_voice_normal|こんにちは' },
        { waitFor: 'SYNTH_EVENT_STOP|0', timeoutMs: 15000 },
      ],
    },
    {
      name: 'Nod',
      continue: 'manual',
      steps: [{ send: 'MOTION_ADD|0|cue2|motions/action/nod.vmd|PART|ONCE' }],
    },
    { name: 'Bye', steps: [{ send: 'SYNTH_START|0|mei_voice_normal|{participant}さん、さようなら' }] },
  ],
};

function problemOf(raw: unknown): unknown {
  try {
    parseShow(raw, 'x');
  } catch (error) {
    return (error as ShowError).problem;
  }
  return null;
}

describe('show files', () => {
  it('accepts version 1 exactly as documented, and exports what it imports', () => {
    const show = parseShow(ISSUE_EXAMPLE, 'show-1');
    expect(show).toMatchObject({ id: 'show-1', name: 'Demo', slots: [], agent: '' });
    expect(show.cues.map((c) => [c.name, c.continue, c.steps.map((s) => s.kind)])).toEqual([
      ['Hello', 'auto', ['send', 'waitFor']],
      ['Nod', 'manual', ['send']],
      ['Bye', 'manual', ['send']],
    ]);
    expect(show.cues[0]!.steps[1]).toEqual({
      kind: 'waitFor',
      match: 'SYNTH_EVENT_STOP|0',
      timeoutMs: 15000,
      onTimeout: 'stop',
    });
    expect(parseShow(JSON.parse(exportShow(show)), 'show-1')).toEqual(show);
    const example = JSON.parse(readFileSync('assets/show-example.json', 'utf8')) as unknown;
    expect(parseShow(example, 'demo').cues.map((c) => c.name)).toEqual(['Greeting', 'Question', 'Laugh', 'Goodbye']);
  });

  it('refuses a bad file, naming the cue, the step and what is wrong', () => {
    const cue = (steps: unknown[]) => ({ ...ISSUE_EXAMPLE, cues: [ISSUE_EXAMPLE.cues[0], { name: 'Nod', steps }] });
    expect(problemOf(cue([{ send: 'A|1' }, { send: 'SNDFOO' }]))).toEqual({
      code: 'cue',
      cue: 2,
      name: 'Nod',
      problem: { code: 'step', step: 2, problem: { code: 'line', problem: { code: 'snd' } } },
    });
    expect(problemOf(cue([{ waitFor: '/([a-z/' }]))).toMatchObject({
      cue: 2,
      problem: { step: 1, problem: { code: 'regex' } },
    });
    expect(problemOf(cue([{ waitFor: 'X', timeoutMs: -1 }]))).toMatchObject({
      problem: { problem: { code: 'timeout' } },
    });
    expect(problemOf(cue([{ jump: 3 }]))).toMatchObject({
      problem: { problem: { code: 'unknown-step', keys: 'jump' } },
    });
    expect(problemOf(cue([{ send: 'KEY|{room}' }]))).toMatchObject({
      problem: { problem: { code: 'slot', slot: 'room' } },
    });
    expect(problemOf({ ...cue([{ send: 'KEY|{room}' }]), slots: ['room'] })).toBeNull();
    expect(problemOf(cue([]))).toMatchObject({ problem: { code: 'no-steps' } });
    expect(problemOf({ ...ISSUE_EXAMPLE, version: 2 })).toEqual({ code: 'version', version: 2 });
    expect(problemOf({ ...ISSUE_EXAMPLE, format: 'remote-panel-quick-commands' })).toEqual({ code: 'not-show' });
    expect(problemOf({ ...ISSUE_EXAMPLE, cues: [] })).toEqual({ code: 'no-cues' });
    expect(problemOf([1, 2])).toEqual({ code: 'not-show' });
  });

  it('matches a wait by the start of a line, or by a /regular expression/', () => {
    const starts = waitMatcher('SYNTH_EVENT_STOP|0') as (l: string) => boolean;
    expect([starts('SYNTH_EVENT_STOP|0'), starts('SYNTH_EVENT_STOP|1'), starts('X SYNTH_EVENT_STOP|0')]).toEqual([
      true,
      false,
      false,
    ]);
    const re = waitMatcher('/^RECOG_EVENT_STOP\\|.*(はい|yes)/i') as (l: string) => boolean;
    expect([re('RECOG_EVENT_STOP|はい、そうです'), re('RECOG_EVENT_STOP|YES'), re('RECOG_EVENT_STOP|いいえ')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('cue steps as text', () => {
  it('reads and writes every kind of step, and says which line is wrong', () => {
    const text = [
      'MOTION_ADD|{model}|a|x.vmd|PART|ONCE',
      'wait 500',
      'wait for SYNTH_EVENT_STOP|{model} within 15s or go on',
      'one of: KEY|a || KEY|b',
      'in turn: KEY|c || KEY|d',
      'say[voicevox:3] こんにちは {participant}',
      'face Smile',
      'action laugh',
    ].join('\n');
    const parsed = parseCueText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.steps.map((s) => s.kind)).toEqual([
      'send',
      'waitMs',
      'waitFor',
      'sendOneOf',
      'sendOneOf',
      'say',
      'face',
      'action',
    ]);
    expect(parsed.steps[2]).toEqual({
      kind: 'waitFor',
      match: 'SYNTH_EVENT_STOP|{model}',
      timeoutMs: 15000,
      onTimeout: 'continue',
    });
    expect(parseCueText(cueText(parsed.steps))).toEqual(parsed);
    expect(parseCueText('KEY|a\nwait for /(/')).toMatchObject({ ok: false, line: 2, problem: { code: 'regex' } });
    expect(parseCueText('KEY|{room}', ['room'])).toMatchObject({ ok: true });
    expect(parseCueText('KEY|{room}')).toEqual({ ok: false, line: 1, problem: { code: 'slot', slot: 'room' } });
    expect(parseCueText('one of: ')).toEqual({ ok: false, line: 1, problem: { code: 'empty-list' } });
  });
});

describe('shows as settings keep them', () => {
  it('checks a stored show, whose steps are in the panel’s own form, by the same rules', () => {
    const show = parseShow(ISSUE_EXAMPLE, 'show-1');
    expect(parseShow(show, 'other')).toEqual(show);
    const broken = { ...show, cues: [{ ...show.cues[0]!, steps: [{ kind: 'send', lines: ['SNDX'] }] }] };
    expect(problemOf(broken)).toMatchObject({ code: 'cue', cue: 1, problem: { step: 1, problem: { code: 'line' } } });
    expect(problemOf({ ...show, cues: [{ ...show.cues[0]!, steps: [{ kind: 'jump' }] }] })).toMatchObject({
      problem: { problem: { code: 'unknown-step' } },
    });
  });
});
