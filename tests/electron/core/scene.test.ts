import { describe, expect, it } from 'vitest';
import { SceneTracker } from '../../../electron/core/scene.js';

describe('scene view, from the agent’s events', () => {
  it('tracks models, motions, speaking, lip sync and recognition, and forgets a session that left', () => {
    const s = new SceneTracker(() => 1000);
    expect(s.observe(1, 'MODEL_EVENT_ADD|0')).toBe(true);
    expect(s.observe(1, 'MODEL_EVENT_ADD|0')).toBe(false);
    s.observe(1, 'MOTION_EVENT_ADD|0|base');
    s.observe(1, 'MOTION_EVENT_ADD|0|act');
    s.observe(1, 'MOTION_EVENT_DELETE|0|act');
    s.observe(1, 'SYNTH_EVENT_START|0');
    s.observe(1, 'LIPSYNC_EVENT_START|0');
    s.observe(1, 'RECOG_EVENT_START');
    expect(s.snapshot()[1]).toEqual({
      models: ['0'],
      motions: [{ model: '0', motion: 'base' }],
      speaking: ['0'],
      lipsync: ['0'],
      listening: true,
      files: [],
      voices: [],
    });
    s.observe(1, 'SYNTH_EVENT_STOP|0');
    s.observe(1, 'LIPSYNC_EVENT_STOP|0');
    s.observe(1, 'RECOG_EVENT_STOP|こんにちは');
    expect(s.snapshot()[1]).toMatchObject({
      speaking: [],
      lipsync: [],
      listening: false,
      recognized: { text: 'こんにちは', t: 1000 },
    });
    expect(s.observe(1, 'CURRENT_TIME|12|00')).toBe(false);
    s.observe(1, 'MODEL_EVENT_DELETE|0');
    expect(s.snapshot()[1]!.motions).toEqual([]);
    expect(s.drop(1)).toBe(true);
    expect(s.snapshot()).toEqual({});
  });

  it("keeps the motion files and voices an agent's commands named, newest last, a hundred at most", () => {
    const s = new SceneTracker();
    s.observe(1, 'MOTION_ADD|0|base|motions/wait/01_Wait.vmd|FULL|LOOP|ON|OFF');
    s.observe(1, 'MOTION_CHANGE|0|base|motions/action/nod.vmd');
    s.observe(1, 'SYNTH_START|0|mei_voice_normal|こんにちは');
    expect(s.observe(1, 'SYNTH_START|0|mei_voice_normal|また')).toBe(false);
    expect(s.snapshot()[1]).toMatchObject({
      files: ['motions/wait/01_Wait.vmd', 'motions/action/nod.vmd'],
      voices: ['mei_voice_normal'],
    });
    for (let i = 0; i < 120; i++) s.observe(1, `MOTION_ADD|0|m|f${i}.vmd`);
    const files = s.snapshot()[1]!.files;
    expect(files).toHaveLength(100);
    expect(files.at(-1)).toBe('f119.vmd');
  });
});
