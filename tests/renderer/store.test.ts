import { beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../common/contract.js';
import { resetPanelStore, usePanel } from '../../renderer/store/index.js';
import { LogBuffer } from '../../renderer/store/log-buffer.js';
import { NO_FILTERS, buildFilter } from '../../renderer/store/log-filter.js';
import { exportText, mdfSnippet } from '../../renderer/lib/format.js';

const entry = (id: number, text: string, extra: Partial<LogEntry> = {}): LogEntry => ({
  id,
  t: 0,
  dir: 'in',
  session: 1,
  kind: 'event',
  type: text.split('|')[0]!,
  text,
  ...extra,
});

beforeEach(() => resetPanelStore());

describe('LogBuffer', () => {
  it('appends in order, ignores entries it already has, and stays bounded', () => {
    const b = new LogBuffer(100);
    expect(b.append([entry(1, 'A'), entry(2, 'B')])).toBe(2);
    expect(b.append([entry(2, 'B'), entry(3, 'C')])).toBe(1);
    for (let i = 4; i <= 500; i++) b.append([entry(i, `E|${i}`)]);
    expect(b.size).toBeLessThanOrEqual(110);
    expect(b.view.at(-1)!.id).toBe(500);
    expect(b.trimmed + b.size).toBe(500);
  });

  it('filters over the whole message, incrementally and on change', () => {
    const b = new LogBuffer();
    b.setFilter(buildFilter({ ...NO_FILTERS, text: 'wave' }).filter);
    b.append([entry(1, 'MOTION_ADD|0|wave|w.vmd'), entry(2, 'CURRENT_TIME|14|05')]);
    expect(b.view.map((e) => e.id)).toEqual([1]);
    b.setFilter(buildFilter({ ...NO_FILTERS, text: 'current' }).filter);
    expect(b.view.map((e) => e.id)).toEqual([2]);
    b.setFilter(null);
    expect(b.view).toHaveLength(2);
  });

  it('applies delivery updates to held entries', () => {
    const b = new LogBuffer();
    b.append([entry(1, 'X|1', { dir: 'out', delivery: 'pending' })]);
    expect(b.update([{ id: 1, delivery: 'delivered', rtt: 170 }])).toBe(true);
    expect(b.view[0]).toMatchObject({ delivery: 'delivered', rtt: 170 });
    expect(b.update([{ id: 1, delivery: 'no-echo' }])).toBe(false);
  });
});

describe('store', () => {
  it('pause freezes the view while recording goes on; clear empties only the view', () => {
    const s = usePanel.getState();
    s.appendBatch({ entries: [entry(1, 'A|1')], updates: [] });
    s.setPaused(true);
    s.appendBatch({ entries: [entry(2, 'A|2')], updates: [] });
    expect(usePanel.getState().frozen!.map((e) => e.id)).toEqual([1]);
    expect(usePanel.getState().log.size).toBe(2);
    s.setPaused(false);
    expect(usePanel.getState().frozen).toBeNull();
    s.clearView();
    expect(usePanel.getState().log.size).toBe(0);
  });

  it('walks the history of sent messages with Up/Down', () => {
    const s = usePanel.getState();
    s.remember('A|1');
    s.remember('B|2');
    expect(s.walkHistory(-1)).toBe(true);
    expect(usePanel.getState().draft).toBe('B|2');
    usePanel.getState().walkHistory(-1);
    expect(usePanel.getState().draft).toBe('A|1');
    expect(usePanel.getState().walkHistory(-1)).toBe(false);
    usePanel.getState().walkHistory(1);
    usePanel.getState().walkHistory(1);
    expect(usePanel.getState().draft).toBe('');
    expect(usePanel.getState().walkHistory(1)).toBe(false);
  });

  it('drops a target that disconnected back to all', () => {
    const s = usePanel.getState();
    const session = { id: 3, remoteAddress: '127.0.0.1', remotePort: 1, path: '/chat', isMMDAgent: true, connectedAt: 0, messagesIn: 0, messagesOut: 0, responsive: true };
    s.setSessions([session]);
    s.setTarget(3);
    s.setSessions([]);
    expect(usePanel.getState().target).toBe('all');
  });

  it('resets to a fresh log buffer', () => {
    usePanel.getState().appendBatch({ entries: [entry(1, 'A')], updates: [] });
    resetPanelStore();
    expect(usePanel.getState().log.size).toBe(0);
    expect(usePanel.getState().log.lastId).toBe(0);
  });
});

describe('format', () => {
  it('builds the .mdf lines with 127.0.0.1 and the retry key', () => {
    expect(mdfSnippet({ state: 'listening', url: '', host: '127.0.0.1', port: 9001, path: '/chat' })).toBe(
      'Plugin_Remote_Websocket_Host=127.0.0.1\nPlugin_Remote_Websocket_Port=9001\nPlugin_Remote_Websocket_Directory=/chat\nPlugin_Remote_RetryCount=100000',
    );
  });

  it('exports the view as wire lines or JSON Lines', () => {
    const rows = [entry(1, 'A|1'), entry(2, 'B|2')];
    expect(exportText(rows, 'txt')).toBe('A|1\nB|2\n');
    expect(exportText(rows, 'jsonl').split('\n').filter(Boolean).map((l) => JSON.parse(l).id)).toEqual([1, 2]);
  });
});
