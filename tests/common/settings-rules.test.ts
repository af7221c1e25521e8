import { describe, expect, it } from 'vitest';
import {
  AUDIO_MAX_SEC,
  PORT_RANGE,
  inRange,
  parsePort,
  settingsProblem,
  speechProblem,
} from '../../common/settings-rules.js';
import { DEFAULT_SPEECH } from '../../common/speech.js';

describe('the settings rules every side shares', () => {
  it('reads a typed port as a whole number from 0 to 65535', () => {
    expect(parsePort('9001')).toBe(9001);
    expect(parsePort(' 0 ')).toBe(0);
    expect(parsePort('65535')).toBe(65535);
    for (const bad of ['65536', '-1', '1.5', '', 'abc', '9001x', '1e3', '000000']) expect(parsePort(bad)).toBeNull();
  });

  it('lets the core accept exactly the ports the dialog and the command line accept', () => {
    for (const port of [PORT_RANGE.min, 1, 9001, PORT_RANGE.max]) expect(settingsProblem({ wsPort: port })).toBeNull();
    for (const port of [PORT_RANGE.min - 1, PORT_RANGE.max + 1, 80.5])
      expect(settingsProblem({ wsPort: port })).toEqual({
        key: 'setting',
        setting: 'wsPort',
        problem: { code: 'port' },
      });
  });

  it('names its range in the problem, so the wording can quote it', () => {
    expect(settingsProblem({ audioMaxSec: AUDIO_MAX_SEC.max + 1 })).toEqual({
      key: 'setting',
      setting: 'audioMaxSec',
      problem: { code: 'audio-max', ...AUDIO_MAX_SEC },
    });
    expect(inRange(AUDIO_MAX_SEC.min, AUDIO_MAX_SEC)).toBe(true);
    expect(inRange(Number.NaN, AUDIO_MAX_SEC)).toBe(false);
  });

  it('checks the speech settings field by field', () => {
    expect(speechProblem(DEFAULT_SPEECH)).toBeNull();
    expect(speechProblem({ ...DEFAULT_SPEECH, timeoutSec: 0 })).toEqual({ code: 'speech', field: 'timeoutSec' });
    expect(speechProblem({ ...DEFAULT_SPEECH, maxChars: 20_001 })).toEqual({ code: 'speech', field: 'maxChars' });
  });
});
