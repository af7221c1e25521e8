import { describe, expect, it } from 'vitest';
import {
  QuickSetError,
  commandProblem,
  exportQuickSet,
  fillPlaceholders,
  normalizeHotkey,
  parseQuickSet,
  parseSteps,
} from '../../common/quick-commands.js';
import { thrown } from '../support/thrown.js';
import example from '../../assets/quick-commands-example.json' with { type: 'json' };

describe('quick commands', () => {
  it('fills {model} and {target} and leaves other braces as typed', () => {
    expect(fillPlaceholders('MOTION_ADD|{model}|bow|b.vmd|{target}|{other}', { model: 'mei', target: '2' })).toBe(
      'MOTION_ADD|mei|bow|b.vmd|2|{other}',
    );
    expect(fillPlaceholders('KEY|{model}{model}', { model: '0', target: '1' })).toBe('KEY|00');
  });

  it('parses lines and waits, checking every line by the protocol rules', () => {
    expect(parseSteps('A|1\n\n  wait 500 \nB|2\nwait 1.5s')).toEqual({
      ok: true,
      steps: [
        { kind: 'send', line: 'A|1' },
        { kind: 'wait', ms: 500 },
        { kind: 'send', line: 'B|2' },
        { kind: 'wait', ms: 1500 },
      ],
    });
    expect(parseSteps('A|1\nSNDFILE')).toEqual({ ok: false, line: 2, problem: { code: 'snd' } });
    expect(parseSteps('A|1\nwait soon')).toEqual({ ok: false, line: 2, problem: { code: 'wait-syntax' } });
    expect(parseSteps('wait 0\nA|1')).toEqual({ ok: false, line: 1, problem: { code: 'wait-range' } });
    expect(parseSteps('wait 500')).toEqual({ ok: false, line: 1, problem: { code: 'no-message' } });
    expect(parseSteps(`A|${'x'.repeat(2100)}`)).toEqual({
      ok: false,
      line: 1,
      problem: { code: 'too-long', bytes: 2102, max: 2047 },
    });
  });

  it('parses say steps, with or without [engine:voice], and checks them like any line', () => {
    expect(
      parseSteps(
        'say こんにちは。元気？\nwait 1s\nSAY[VoiceVox:3]  Hello there \nsay[agent:mei_voice_happy] はい\nsay[openai] hi',
      ),
    ).toEqual({
      ok: true,
      steps: [
        { kind: 'say', text: 'こんにちは。元気？' },
        { kind: 'wait', ms: 1000 },
        { kind: 'say', text: 'Hello there', engine: 'voicevox', voice: '3' },
        { kind: 'say', text: 'はい', engine: 'agent', voice: 'mei_voice_happy' },
        { kind: 'say', text: 'hi', engine: 'openai' },
      ],
    });
    expect(parseSteps('A|1\nsay')).toEqual({ ok: false, line: 2, problem: { code: 'say-empty' } });
    expect(parseSteps('say[festival:kal] hi')).toEqual({
      ok: false,
      line: 1,
      problem: { code: 'say-engine', engine: 'festival' },
    });
    expect(parseSteps(`say ${'あ'.repeat(1001)}`)).toEqual({
      ok: false,
      line: 1,
      problem: { code: 'say-long', max: 1000 },
    });
    /* A message whose type merely starts with "say" is a message. */
    expect(parseSteps('SAYING|x')).toEqual({ ok: true, steps: [{ kind: 'send', line: 'SAYING|x' }] });
    expect(
      commandProblem({ id: 'c', label: 'Only speech', lines: 'say hi', hotkey: '', color: '', to: 'agent' }),
    ).toBeNull();
  });

  it('normalizes hotkeys to one spelling', () => {
    expect(normalizeHotkey('shift+ctrl+k')).toBe('Ctrl+Shift+K');
    expect(normalizeHotkey('Cmd+Option+1')).toBe('Alt+Meta+1');
    expect(normalizeHotkey('f5')).toBe('F5');
    expect(normalizeHotkey('Ctrl++')).toBe('Ctrl++');
    expect(normalizeHotkey('')).toBe('');
  });

  it('reads the example set shipped in assets, and round-trips an export', () => {
    const set = parseQuickSet(example);
    expect(set.name).toBe('Demo A');
    expect(set.commands.map((c) => c.label)).toContain('Greet');
    const again = parseQuickSet(JSON.parse(exportQuickSet(set)));
    expect(again.commands.map(({ id: _id, ...rest }) => rest)).toEqual(
      set.commands.map(({ id: _id, ...rest }) => rest),
    );
  });

  it('refuses a bad file with a message that says what is wrong', () => {
    const problemOf = (raw: unknown): unknown =>
      thrown(
        () => parseQuickSet(raw),
        (error) => (error instanceof QuickSetError ? error.problem : error),
      );
    expect(problemOf([])).toEqual({ code: 'not-set' });
    expect(problemOf({ name: 'x' })).toEqual({ code: 'no-commands' });
    expect(problemOf({ name: 'x', commands: [{ label: 'Bad', lines: ['SNDBRKS'] }] })).toEqual({
      code: 'command',
      index: 1,
      label: 'Bad',
      problem: { code: 'lines', line: 1, problem: { code: 'snd' } },
    });
    expect(problemOf({ name: 'x', commands: [{ label: '', lines: ['A|1'] }] })).toEqual({
      code: 'command',
      index: 1,
      label: '',
      problem: { code: 'label-empty' },
    });
  });
});
