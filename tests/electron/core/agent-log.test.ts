/** MMDAgent-EX's own log lines (`Plugin_Remote_AllLog=true`), from a sample taken from the real program. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAgentLog } from '../../../electron/core/agent-log.js';

const sample = readFileSync('tests/fixtures/alllog-sample.txt', 'utf8').trim().split('\n');

describe('parseAgentLog', () => {
  it('takes every line of the sample apart: time, tick, module, level, text', () => {
    const parsed = sample.map(parseAgentLog);
    expect(parsed.every((p) => p !== null)).toBe(true);
    expect(parsed.map((p) => `${p!.module}:${p!.level}`)).toEqual([
      'MMDAgent:Warning',
      'Open_JTalk:Error',
      'MMDAgent:Sent',
      'Remote:Captured',
      'VIManager:Captured',
      'VIManager:Status',
      'VIManager:Sent',
      'MMDAgent:Sent',
      'MMDAgent:Sent',
      'MMDAgent:Status',
      'Remote:Sent',
      'MMDAgent:Captured',
      'MMDAgent:Error',
    ]);
    expect(parsed[8]).toEqual({
      time: '2026/11/29 05:05:50.758',
      tick: 235,
      module: 'MMDAgent',
      level: 'Sent',
      text: 'CURRENT_TIME|05|05',
    });
    expect(parsed[2]!.text).toBe('MENU|SETITEM|Gene|5|髪留あり|MODEL_BINDFACE|0|髪留なし|0');
    expect(parsed[5]!.text).toBe('[main:4] [0 -> LOOP] MODEL_EVENT_ADD|0');
    expect(parsed[12]).toEqual({
      time: '2026/11/29 05:05:59.326',
      tick: 304,
      module: 'MMDAgent',
      level: 'Error',
      text: 'addMotion: not found: motions/action/nope.vmd',
    });
  });

  it('leaves look-alikes alone: bare messages, a text starting with "[", a bad date, no tick, an unknown level', () => {
    for (const line of [
      'MODEL_EVENT_ADD|0',
      '[hello]|world',
      '[2026/11/29 05:05:50.722]',
      '[2026/13/29 05:05:50.722] [0] MMDAgent: Sent: A|1',
      '[2026/11/32 05:05:50.722] [0] MMDAgent: Sent: A|1',
      '[2026/11/29 25:05:50.722] [0] MMDAgent: Sent: A|1',
      '[2026/11/29 05:05:50] [0] MMDAgent: Sent: A|1',
      '[2026/11/29 05:05:50.722] MMDAgent: Sent: A|1',
      '[2026/11/29 05:05:50.722] [x] MMDAgent: Sent: A|1',
      '[2026/11/29 05:05:50.722] [0] MMDAgent: Said: A|1',
      '[2026/11/29 05:05:50.722] [0] Two Words: Sent: A|1',
      '',
    ]) {
      expect(parseAgentLog(line), line).toBeNull();
    }
  });
});
