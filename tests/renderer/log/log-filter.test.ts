import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../common/log.js';
import { NO_FILTERS, buildFilter, highlightParts } from '../../../renderer/log/log-filter.js';
import { LogBuffer } from '../../../renderer/log/log-buffer.js';

let id = 0;
const e = (
  dir: LogEntry['dir'],
  text: string,
  agentId: number | null = 1,
  kind: LogEntry['kind'] = 'event',
): LogEntry => ({
  id: ++id,
  t: 0,
  dir,
  agentId: agentId,
  kind,
  type: dir === 'sys' ? 'STATUS' : text.split('|')[0]!,
  text,
});

const entries = [
  e('in', 'CURRENT_TIME|12|00'),
  e('in', 'AVATAR_EVENT_IDLE|START'),
  e('in', 'MOTION_EVENT_ADD|0|wave'),
  e('out', 'MOTION_ADD|0|wave|w.vmd', 1, 'command'),
  e('in', 'KEY|a', 2),
  e('sys', 'Agent #2 connected', null, 'status'),
  e('down', 'TEST_MESSAGE', 1, 'command'),
];
const run = (f: Partial<typeof NO_FILTERS>, agentId: number | 'all' = 'all') => {
  const { filter } = buildFilter({ ...NO_FILTERS, ...f }, agentId);
  return entries.filter(filter ?? (() => true)).map((x) => x.text);
};

describe('log filters', () => {
  it("no filter keeps everything but the agent's Captured receipts, which show when asked for", () => {
    const captured: LogEntry = {
      ...entries[0]!,
      id: 99,
      agent: {
        time: '2026/11/29 05:05:50.722',
        tick: 0,
        module: 'VIManager',
        level: 'Captured',
        text: entries[0]!.text,
      },
    };
    const sent: LogEntry = { ...captured, id: 100, agent: { ...captured.agent!, level: 'Sent' } };
    expect([...entries, captured, sent].filter(buildFilter(NO_FILTERS).filter!)).toEqual([...entries, sent]);
    expect(buildFilter({ ...NO_FILTERS, captured: true }).filter).toBeNull();
  });

  it('hides types with exclude chips, and shows only included types (panel notices stay)', () => {
    expect(
      run({
        types: [
          { type: 'CURRENT_TIME', mode: 'exclude' },
          { type: 'AVATAR_EVENT_IDLE', mode: 'exclude' },
        ],
      }),
    ).toEqual(['MOTION_EVENT_ADD|0|wave', 'MOTION_ADD|0|wave|w.vmd', 'KEY|a', 'Agent #2 connected', 'TEST_MESSAGE']);
    expect(run({ types: [{ type: 'KEY', mode: 'include' }] })).toEqual(['KEY|a', 'Agent #2 connected']);
  });

  it('filters by direction, kind and session, combined', () => {
    expect(run({ dir: 'out' })).toEqual(['MOTION_ADD|0|wave|w.vmd']);
    expect(run({ dir: 'down' })).toEqual(['TEST_MESSAGE']);
    expect(run({ kind: 'command' })).toEqual(['MOTION_ADD|0|wave|w.vmd', 'TEST_MESSAGE']);
    expect(run({}, 2)).toEqual(['KEY|a']);
    expect(run({ dir: 'in', text: 'wave' })).toEqual(['MOTION_EVENT_ADD|0|wave']);
  });

  it('matches text case-insensitively, or as a regular expression; a bad one is reported, not thrown', () => {
    expect(run({ text: 'motion' })).toEqual(['MOTION_EVENT_ADD|0|wave', 'MOTION_ADD|0|wave|w.vmd']);
    expect(run({ text: '^(KEY|TEST)', regex: true })).toEqual(['KEY|a', 'TEST_MESSAGE']);
    expect(run({ text: '|', regex: false })).toHaveLength(5);
    const bad = buildFilter({ ...NO_FILTERS, text: 'MOTION_(', regex: true });
    expect(bad.error).toMatch(/Invalid regular expression|Unterminated group/);
  });

  it('highlights every match', () => {
    const { highlight } = buildFilter({ ...NO_FILTERS, text: 'wave' });
    expect(highlightParts('MOTION_ADD|0|wave|wave.vmd', highlight)).toEqual([
      { text: 'MOTION_ADD|0|', match: false },
      { text: 'wave', match: true },
      { text: '|', match: false },
      { text: 'wave', match: true },
      { text: '.vmd', match: false },
    ]);
  });

  it('applies to the bounded buffer, and remembers types seen', () => {
    const b = new LogBuffer(100);
    b.append(entries);
    b.setFilter(buildFilter({ ...NO_FILTERS, types: [{ type: 'CURRENT_TIME', mode: 'exclude' }] }).filter);
    expect(b.view.map((x) => x.type)).not.toContain('CURRENT_TIME');
    expect([...b.types]).toContain('CURRENT_TIME');
    expect(b.find(entries[3]!.id)?.text).toBe('MOTION_ADD|0|wave|w.vmd');
  });
});
