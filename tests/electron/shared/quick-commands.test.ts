import { describe, expect, it } from 'vitest';
import { exportQuickSet, fillPlaceholders, normalizeHotkey, parseQuickSet, parseSteps } from '../../../common/quick-commands.js';
import example from '../../../assets/quick-commands-example.json' with { type: 'json' };

describe('quick commands', () => {
  it('fills {model} and {target} and leaves other braces as typed', () => {
    expect(fillPlaceholders('MOTION_ADD|{model}|bow|b.vmd|{target}|{other}', { model: 'mei', target: '2' })).toBe('MOTION_ADD|mei|bow|b.vmd|2|{other}');
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
    expect(parseSteps('A|1\nSNDFILE')).toMatchObject({ ok: false, line: 2, error: expect.stringMatching(/^Line 2: .*SND/) });
    expect(parseSteps('A|1\nwait soon')).toMatchObject({ ok: false, line: 2, error: expect.stringMatching(/wait 500/) });
    expect(parseSteps('wait 0\nA|1')).toMatchObject({ ok: false, line: 1 });
    expect(parseSteps('wait 500')).toMatchObject({ ok: false, error: expect.stringMatching(/at least one message/) });
    expect(parseSteps(`A|${'x'.repeat(2100)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/2047/) });
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
    expect(again.commands.map(({ id: _id, ...rest }) => rest)).toEqual(set.commands.map(({ id: _id, ...rest }) => rest));
  });

  it('refuses a bad file with a message that says what is wrong', () => {
    expect(() => parseQuickSet([])).toThrow(/not a quick-command set/);
    expect(() => parseQuickSet({ name: 'x' })).toThrow(/no "commands"/);
    expect(() => parseQuickSet({ name: 'x', commands: [{ label: 'Bad', lines: ['SNDBRKS'] }] })).toThrow(/Command 1 \("Bad"\): Line 1/);
    expect(() => parseQuickSet({ name: 'x', commands: [{ label: '', lines: ['A|1'] }] })).toThrow(/label/);
  });
});
