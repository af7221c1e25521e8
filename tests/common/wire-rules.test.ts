import { describe, expect, it } from 'vitest';
import { isMessageType, messageType } from '../../common/wire-rules.js';

describe('isMessageType', () => {
  it('agrees with messageType on every kind of line', () => {
    const lines = [
      'MOTION_ADD|mei|wave|w.vmd',
      'MOTION_ADD',
      'MOTION_ADD|',
      '|leading',
      '',
      '__AVCONF,a|b',
      '__AV_START',
      '__AV',
      'こんにちは|世界',
      'A|B|C',
    ];
    const types = [
      'MOTION_ADD',
      'MOTION',
      'MOTION_ADD|mei',
      '',
      '__AVCONF',
      '__AV_START',
      '__AV',
      'こんにちは',
      'A',
      'B',
    ];
    for (const line of lines)
      for (const type of types) expect(isMessageType(line, type), `${line} / ${type}`).toBe(messageType(line) === type);
  });
});
