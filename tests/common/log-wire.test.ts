import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../common/log.js';
import { LogWireEncoder, LogWireError, decodeLogWire } from '../../common/log-wire.js';

/** Through the encoder, JSON (as IPC and the bridge carry it) and the decoder. */
function roundTrip(entries: LogEntry[], updates: { id: number; delivery: 'delivered'; rtt: number }[] = []) {
  const encoder = new LogWireEncoder();
  for (const e of entries) encoder.add(e);
  const wire = encoder.take(updates)!;
  return { wire, batch: decodeLogWire(JSON.parse(JSON.stringify(wire))) };
}

const base = { t: 1_764_400_000_000, dir: 'in', agentId: 1, kind: 'event' } as const;

describe('log wire', () => {
  it('reuses its columns without mixing batches: a smaller batch after a larger one carries only its own rows, and a batch taken stays as it was', () => {
    const encoder = new LogWireEncoder();
    const line = (id: number, text: string): LogEntry => ({
      ...base,
      id,
      t: base.t + id,
      type: text.split('|')[0]!,
      text,
    });
    for (let id = 1; id <= 5; id++) encoder.add(line(id, `BIG|${id}`));
    const first = encoder.take([])!;
    encoder.add(line(6, 'SMALL|6'));
    encoder.add({ ...line(7, 'OTHER|7'), agentId: 2, dir: 'out', kind: 'command', type: 'custom' });
    const second = decodeLogWire(JSON.parse(JSON.stringify(encoder.take([])!)));
    expect(second.entries).toEqual([
      line(6, 'SMALL|6'),
      { ...line(7, 'OTHER|7'), agentId: 2, dir: 'out', kind: 'command', type: 'custom' },
    ]);
    expect(decodeLogWire(first).entries.map((e) => e.text)).toEqual(['BIG|1', 'BIG|2', 'BIG|3', 'BIG|4', 'BIG|5']);
    expect(encoder.take([])).toBeNull();
  });

  it('carries every field of every kind of entry, in order', () => {
    const entries: LogEntry[] = [
      { ...base, id: 7, type: 'MODEL_EVENT_ADD', text: 'MODEL_EVENT_ADD|0' },
      { ...base, id: 8, t: base.t + 3, type: '(binary)', text: '00 01 02 …', binary: 4096 },
      {
        ...base,
        id: 10,
        t: base.t + 2,
        dir: 'out',
        kind: 'command',
        type: 'MOTION_ADD',
        text: 'MOTION_ADD|0|wave|w.vmd',
        delivery: 'pending',
      },
      { ...base, id: 11, dir: 'out', kind: 'control', type: '__AV_START', text: '__AV_START', delivery: 'sent' },
      {
        ...base,
        id: 12,
        dir: 'out',
        kind: 'control',
        type: '__AV_SETMODEL',
        text: '__AV_SETMODEL,0',
        delivery: 'delivered',
        rtt: 12,
      },
      {
        ...base,
        id: 13,
        dir: 'sys',
        agentId: null,
        kind: 'error',
        type: 'ERROR',
        text: '5 messages from #1 not shown',
        msg: { key: 'hiddenOverBudget', params: { n: 5, id: 1, rate: 50_000 } },
      },
      {
        ...base,
        id: 14,
        agentId: 2,
        kind: 'warning',
        type: 'Warning',
        text: '[2026/11/29 05:05:59.326] [304] MMDAgent: Warning: slow',
        agent: { time: '2026/11/29 05:05:59.326', tick: 304, module: 'MMDAgent', level: 'Warning', text: 'slow' },
      },
      { ...base, id: 15, agentId: 2, type: 'RECOG_EVENT_STOP', text: 'RECOG_EVENT_STOP|hello', notForwarded: true },
      { ...base, id: 16, agentId: 2, type: 'X', text: 'X|1', echoOf: 10 },
      {
        ...base,
        id: 17,
        dir: 'down',
        kind: 'control',
        type: '(audio)',
        text: 'Audio stream started',
        msg: { key: 'viewGap', params: { n: 1 } },
      },
      { ...base, id: 18, dir: 'up', agentId: 3, type: 'Y', text: 'Y' },
      { ...base, id: 19, agentId: 3, type: '', text: '|starts with a bar' },
      { ...base, id: 20, agentId: 3, type: 'Z', text: 'Z|line\nwith a newline and \u0000 and 日本語 and 😀' },
    ];
    const { batch } = roundTrip(entries, [{ id: 10, delivery: 'delivered', rtt: 40 }]);
    expect(batch.entries).toEqual(entries);
    expect(batch.updates).toEqual([{ id: 10, delivery: 'delivered', rtt: 40 }]);
  });

  it('keeps a long text whole, and many short ones cheap: texts in one string, the type left to the reader', () => {
    const long = `LONG|${'x'.repeat(100_000)}`;
    const entries: LogEntry[] = Array.from({ length: 1000 }, (_, k) => ({
      ...base,
      id: k + 1,
      type: 'FLOOD_EVENT',
      text: `FLOOD_EVENT|${k}`,
    }));
    entries.push({ ...base, id: 1001, type: 'LONG', text: long });
    const { wire, batch } = roundTrip(entries);
    expect(batch.entries).toEqual(entries);
    expect(wire.type).toEqual([]);
    expect(wire.extra).toEqual([]);
    expect(wire.agentId).toEqual([1001, 1]);
    /* About a sixth of one JSON object per entry. */
    const perEntry = JSON.stringify(entries.slice(0, 1000)).length;
    const encoder = new LogWireEncoder();
    for (const e of entries.slice(0, 1000)) encoder.add(e);
    expect(JSON.stringify(encoder.take([])).length).toBeLessThan(perEntry / 4);
  });

  it('stores a type only when it is not the text’s own, and reuses a repeated one correctly', () => {
    const entries: LogEntry[] = [
      { ...base, id: 1, type: 'A', text: 'A|1' },
      { ...base, id: 2, type: 'A', text: 'A' },
      { ...base, id: 3, type: 'AB', text: 'AB|2' },
      { ...base, id: 4, type: '__A', text: '__A|x' },
      { ...base, id: 5, type: '__AV_X', text: '__AV_X,1|2' },
      { ...base, id: 6, type: '__AV_X', text: '__AV_X,3' },
      { ...base, id: 7, type: 'Status', text: '[2026/11/29 05:05:59.326] [1] Remote: Status: up' },
      { ...base, id: 8, type: 'A', text: 'A|2' },
      { ...base, id: 9, type: 'A,1', text: 'A,1' },
    ];
    const { wire, batch } = roundTrip(entries);
    expect(batch.entries.map((e) => e.type)).toEqual(['A', 'A', 'AB', '__A', '__AV_X', '__AV_X', 'Status', 'A', 'A,1']);
    expect(wire.type).toEqual([6, 'Status']);
  });

  it('starts each batch afresh, and has nothing to send when nothing happened', () => {
    const encoder = new LogWireEncoder();
    expect(encoder.take([])).toBeNull();
    encoder.add({ ...base, id: 100, type: 'A', text: 'A' });
    expect(decodeLogWire(encoder.take([])!).entries[0]!.id).toBe(100);
    encoder.add({ ...base, id: 101, t: base.t + 5, type: 'B', text: 'B' });
    expect(decodeLogWire(encoder.take([])!).entries[0]).toMatchObject({ id: 101, t: base.t + 5 });
    const updatesOnly = encoder.take([{ id: 100, delivery: 'no-echo' }])!;
    expect(decodeLogWire(updatesOnly)).toEqual({ entries: [], updates: [{ id: 100, delivery: 'no-echo' }] });
  });

  it('refuses a batch whose columns disagree, instead of showing shifted rows', () => {
    const encoder = new LogWireEncoder();
    encoder.add({ ...base, id: 1, type: 'A', text: 'A|1' });
    encoder.add({ ...base, id: 2, type: 'B', text: 'B|2' });
    const wire = encoder.take([])!;
    expect(() => decodeLogWire({ ...wire, len: [3] })).toThrow(LogWireError);
    expect(() => decodeLogWire({ ...wire, text: wire.text + '!' })).toThrow(LogWireError);
    expect(() => decodeLogWire({ ...wire, dir: '??' })).toThrow(LogWireError);
  });
});
