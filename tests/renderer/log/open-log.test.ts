import { describe, expect, it } from 'vitest';
import { OpenLogError, parseSessionLog } from '../../../renderer/log/open-log.js';
import { thrown } from '../../support/thrown.js';

const line = (o: object): string => JSON.stringify(o);

describe('opening a session log', () => {
  it('reads a log written before the agent field was named agentId', () => {
    const old = line({ id: 1, t: 1, dir: 'in', session: 4, kind: 'event', type: 'KEY', text: 'KEY|a' });
    const now = line({ id: 2, t: 2, dir: 'in', agentId: 5, kind: 'event', type: 'KEY', text: 'KEY|b' });
    expect(parseSessionLog([old, now].join('\n')).entries.map((e) => e.agentId)).toEqual([4, 5]);
  });

  it('reads entries, applies delivery updates, leaves echoes out, and tolerates a cut last line', () => {
    const text = [
      line({ id: 1, t: 1, dir: 'out', agentId: 1, kind: 'command', type: 'KEY', text: 'KEY|a', delivery: 'pending' }),
      line({ id: 2, t: 2, dir: 'in', agentId: 1, kind: 'event', type: 'KEY', text: 'KEY|a', echoOf: 1 }),
      line({ update: 1, delivery: 'delivered', rtt: 170 }),
      '{"id":3,"t":3,"di',
    ].join('\n');
    const parsed = parseSessionLog(text);
    expect(parsed.truncated).toBe(true);
    expect(parsed.entries).toEqual([
      {
        id: 1,
        t: 1,
        dir: 'out',
        agentId: 1,
        kind: 'command',
        type: 'KEY',
        text: 'KEY|a',
        delivery: 'delivered',
        rtt: 170,
      },
    ]);
  });

  it('refuses a file whose entries the view could not show, by line, instead of breaking the panel', () => {
    const why = (text: string): unknown =>
      thrown(
        () => parseSessionLog(text),
        (error) => (error instanceof OpenLogError ? error.words : error),
      );
    expect(why(line({ id: 1, text: 'x', dir: 'sideways' }))).toEqual({ key: 'openLog.notEntry', params: { line: 1 } });
    expect(why(`${line({ id: 1, text: 'x', dir: 'in' })}\nnot json\n${line({ id: 2, text: 'y', dir: 'in' })}`)).toEqual(
      { key: 'openLog.notJson', params: { line: 2 } },
    );
    /* Missing or odd fields get safe values rather than reaching the renderer. */
    expect(
      parseSessionLog(line({ id: 5, text: 'MODEL_EVENT_ADD|0', dir: 'in', kind: 42, delivery: 'teleported' }))
        .entries[0],
    ).toEqual({
      id: 5,
      t: 0,
      dir: 'in',
      agentId: null,
      kind: 'event',
      type: 'MODEL_EVENT_ADD',
      text: 'MODEL_EVENT_ADD|0',
    });
  });
});
