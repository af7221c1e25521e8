import { describe, expect, it } from 'vitest';
import { argNames, closestName, editDistance, findMessage, suggestNames } from '../../common/message-catalog.js';
import { analyze } from '../../renderer/lib/compose-assist.js';

describe('catalog lookup', () => {
  it('suggests commands first, shortest first, then events', () => {
    const names = suggestNames('MOTION_A').map((m) => m.name);
    expect(names[0]).toBe('MOTION_ADD');
    expect(names.indexOf('MOTION_ACCELERATE')).toBeGreaterThan(0);
    const model = suggestNames('MODEL_').map((m) => m.kind);
    expect(model.indexOf('event')).toBeGreaterThan(model.lastIndexOf('command'));
    expect(suggestNames('__AV_S').map((m) => m.name)).toEqual(['__AV_START', '__AV_SETMODEL']);
  });

  it('names the arguments of a message from its documented forms', () => {
    expect(findMessage('MOTION_ADD')?.kind).toBe('command');
    expect(argNames('MOTION_ADD', 3)).toEqual(['(model alias)', '(motion alias)', '(motion file name)']);
    expect(argNames('RECOG_EVENT_STOP', 1)).toEqual(['(recognized result string)']);
    expect(argNames('NOT_A_MESSAGE', 1)).toEqual([]);
  });

  it('offers names while typing the name, and aliases the agent reported where a form asks for them', () => {
    const scene = [
      {
        models: ['mei', 'gene'],
        motions: [
          { model: 'mei', motion: 'base' },
          { model: 'mei', motion: 'wave' },
        ],
        speaking: [],
        lipsync: [],
        listening: false,
        files: ['motions/action/ojigi.vmd', 'motions/action/wavehand.vmd'],
        voices: ['mei_voice_happy'],
      },
    ];
    const onName = analyze('MOTION_A', 8, scene);
    expect(onName.suggestions[0]).toMatchObject({ insert: 'MOTION_ADD|', label: 'MOTION_ADD' });
    const onModel = analyze('MOTION_CHANGE|m', 15, scene);
    expect(onModel.argIndex).toBe(0);
    expect(onModel.suggestions.map((s) => s.insert)).toEqual(['mei']);
    const onMotion = analyze('MOTION_CHANGE|mei|', 18, scene);
    expect(onMotion.suggestions.map((s) => s.insert)).toEqual(['base', 'wave']);
    expect(analyze('MY_EVENT|x', 10, scene).unknownName).toBe('MY_EVENT');
    expect(analyze('MY_EVENT|x', 10, scene).didYouMean).toBeNull();
    expect(analyze('MOTION_ADD|0', 12, scene).unknownName).toBeNull();
  });

  it('offers the motion files and voices seen, and the voices the Say panel lists, where the form asks for them', () => {
    const scene = [
      {
        models: ['0'],
        motions: [],
        speaking: [],
        lipsync: [],
        listening: false,
        files: ['motions/action/ojigi.vmd', 'motions/action/wavehand.vmd'],
        voices: ['mei_voice_happy', 'slt_voice_normal'],
      },
    ];
    const file = analyze('MOTION_ADD|0|act|motions/action/w', 33, scene);
    expect(file.suggestions.map((s) => [s.insert, s.detail])).toEqual([['motions/action/wavehand.vmd', 'file']]);
    const voice = analyze('SYNTH_START|0|', 14, scene, ['mei_voice_normal', 'slt_voice_normal']);
    expect(voice.suggestions.map((s) => s.insert)).toEqual(['mei_voice_normal', 'slt_voice_normal', 'mei_voice_happy']);
    expect(analyze('SYNTH_START|0|mei', 17, scene, ['mei_voice_normal']).suggestions.map((s) => s.insert)).toEqual([
      'mei_voice_normal',
      'mei_voice_happy',
    ]);
  });

  it('says "did you mean" for a name within two edits of a catalog one, and nothing further off', () => {
    expect(analyze('MOTON_ADD|0', 11, []).didYouMean).toBe('MOTION_ADD');
    expect(analyze('SYNTH_SATRT|0', 13, []).didYouMean).toBe('SYNTH_START');
    expect(analyze('motion_add|0', 12, []).didYouMean).toBe('MOTION_ADD');
    expect(analyze('MXTXXN_ADD|0', 12, []).didYouMean).toBeNull();
    expect(closestName('MODEL_ADX')).toBe('MODEL_ADD');
    expect(editDistance('MOTION_ADD', 'MOTOIN_ADD')).toBe(1);
    expect(editDistance('abc', 'abcdef')).toBe(3);
  });
});
