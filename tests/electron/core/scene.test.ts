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
      modelFiles: {},
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

  it('knows which file each model alias loaded, and which file an action plays, from the commands it saw', () => {
    const s = new SceneTracker();
    expect(s.observe(1, 'MODEL_ADD|0|gene/Gene.pmd')).toBe(true);
    s.observe(1, 'MODEL_EVENT_ADD|0');
    s.observe(1, 'MOTION_ADD|0|__action0|gene/motion/02_laugh.vmd|PART|ONCE|ON|OFF');
    s.observe(1, 'MOTION_EVENT_ADD|0|__action0');
    expect(s.snapshot()[1]).toMatchObject({
      modelFiles: { '0': 'gene/Gene.pmd' },
      motions: [{ model: '0', motion: '__action0', file: 'gene/motion/02_laugh.vmd' }],
    });
    expect(s.observe(1, 'MOTION_EVENT_DELETE|0|__action0')).toBe(true);
    expect(s.snapshot()[1]!.motions).toEqual([]);
    /* A motion added without the panel seeing its MOTION_ADD has no file. */
    s.observe(1, 'MOTION_EVENT_ADD|0|base');
    expect(s.snapshot()[1]!.motions).toEqual([{ model: '0', motion: 'base' }]);
    expect(s.observe(1, 'MODEL_CHANGE|0|gene/Gene_light.pmd')).toBe(true);
    expect(s.snapshot()[1]!.modelFiles).toEqual({ '0': 'gene/Gene_light.pmd' });
    s.observe(1, 'MODEL_EVENT_DELETE|0');
    expect(s.snapshot()[1]!.modelFiles).toEqual({});
  });
});
