import { describe, expect, it } from 'vitest';
import { actionName, modelKey, rate, unknownAvLine } from '../../common/avatar';
import { findPreset, presetProblem } from '../../common/presets';
import { exportQuickSet, parseQuickSet, parseSteps } from '../../common/quick-commands';

describe('avatar lines and names', () => {
  it('knows the __AV lines MMDAgent-EX acts on, and names the others', () => {
    for (const line of ['__AV_START', '__AV_SETMODEL,0', '__AV_EXMORPH,wink=1', '__AVCONF_DISABLEAUTOLIP,NO'])
      expect(unknownAvLine(line)).toBeNull();
    expect(unknownAvLine('__AV_TRACK,1,2')).toBe('__AV_TRACK');
    expect(unknownAvLine('__AV_STARTX')).toBe('__AV_STARTX');
    expect(unknownAvLine('MOTION_ADD|0|a|b.vmd')).toBeNull();
  });

  it('names an action after its motion file, and a model after its file', () => {
    expect(actionName('motion/02_laugh.vmd')).toBe('laugh');
    expect(actionName('motion\\38_Ashamed.vmd')).toBe('Ashamed');
    expect(actionName('wave.vmd')).toBe('wave');
    expect(modelKey('gene/Gene.pmd')).toBe('gene.pmd');
    expect([rate(0.5), rate(1), rate(0), rate(0.123), rate(2), rate(-1), rate(NaN)]).toEqual([
      '0.5',
      '1',
      '0',
      '0.12',
      '1',
      '0',
      '0',
    ]);
  });
});

describe('face presets in a quick-command set', () => {
  const raw = {
    name: 'Show',
    commands: [{ label: 'Happy', lines: ['face Smile', 'action laugh', 'wait 200', 'action 2'] }],
    presets: [
      { name: 'Smile', morphs: { 笑い: 0.8 }, hotkey: 'shift+1' },
      { name: 'Wink', exmorph: { wink: 1 }, action: 2 },
    ],
  };

  it('reads face and action steps', () => {
    expect(parseSteps('face Smile\naction laugh\naction 2')).toEqual({
      ok: true,
      steps: [
        { kind: 'face', preset: 'Smile' },
        { kind: 'action', action: 'laugh' },
        { kind: 'action', action: '2' },
      ],
    });
    expect(parseSteps('face')).toEqual({ ok: false, line: 1, problem: { code: 'face-empty' } });
    expect(parseSteps('KEY|x\naction  ')).toEqual({ ok: false, line: 2, problem: { code: 'action-empty' } });
  });

  it('imports presets with their set and exports them again', () => {
    const set = parseQuickSet(raw);
    expect(set.presets).toMatchObject([
      { name: 'Smile', morphs: { 笑い: 0.8 }, exmorph: {}, hotkey: 'Shift+1' },
      { name: 'Wink', morphs: {}, exmorph: { wink: 1 }, action: '2', hotkey: '' },
    ]);
    const again = parseQuickSet(JSON.parse(exportQuickSet(set)));
    expect(again.presets.map(({ id: _id, ...p }) => p)).toEqual(set.presets.map(({ id: _id, ...p }) => p));
    expect(findPreset(set.presets, 'smile')?.name).toBe('Smile');
  });

  it('refuses a set whose preset cannot be sent, saying which one', () => {
    const bad = { ...raw, presets: [raw.presets[0], { name: 'Bad', exmorph: { 'a=b': 1 } }] };
    expect(() => parseQuickSet(bad)).toThrow(/quick-set: preset/);
    try {
      parseQuickSet(bad);
    } catch (error) {
      expect((error as { problem: unknown }).problem).toEqual({
        code: 'preset',
        index: 2,
        name: 'Bad',
        problem: { code: 'morph', morph: 'a=b' },
      });
    }
    const p = { id: 'p', name: 'x', morphs: {}, exmorph: {}, hotkey: '' };
    expect(presetProblem(p)).toEqual({ code: 'empty' });
    expect(presetProblem({ ...p, morphs: { a: 1.5 } })).toEqual({ code: 'value', morph: 'a' });
    expect(presetProblem({ ...p, name: ' ' })).toEqual({ code: 'name-empty' });
    expect(presetProblem({ ...p, action: 'laugh' })).toBeNull();
  });
});
