import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../common/log.js';
import { FILTER_SLICE_ROWS, LogBuffer } from '../../../renderer/log/log-buffer.js';
import { NO_FILTERS, buildFilter } from '../../../renderer/log/log-filter.js';
import { entry } from '../../support/entries.js';

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
    expect(b.view.at(0)).toMatchObject({ delivery: 'delivered', rtt: 170 });
    expect(b.update([{ id: 1, delivery: 'no-echo' }])).toBe(false);
  });
});

describe('LogBuffer in columns', () => {
  const rows = (n: number, from = 1, extra: Partial<LogEntry> = {}) =>
    Array.from({ length: n }, (_, k) => entry(from + k, `R|${from + k}`, extra));

  it('reads the same row as the same object, and only the rows asked for', () => {
    const b = new LogBuffer(1000);
    for (let i = 0; i < 10; i++) b.append(rows(50, i * 50 + 1));
    const first = b.view.at(123)!;
    expect(first).toMatchObject({ id: 124, text: 'R|124', type: 'R', dir: 'in', agentId: 1, kind: 'event' });
    expect(b.view.at(123)).toBe(first);
    expect(b.find(124)).toBe(first);
    expect(b.view.slice(-2).map((e) => e.id)).toEqual([499, 500]);
    expect([...b.view].length).toBe(500);
    expect(b.view.at(500)).toBeUndefined();
    expect(b.view.at(-500)!.id).toBe(1);
  });

  it('trims whole chunks and keeps the filtered view and the ids in step', () => {
    const b = new LogBuffer(200);
    b.setFilter((e) => Number(e.text.split('|')[1]) % 3 === 0);
    for (let i = 0; i < 100; i++) b.append(rows(7, i * 7 + 1));
    expect(b.size).toBeGreaterThanOrEqual(200);
    expect(b.size).toBeLessThanOrEqual(220 + 20);
    expect(b.trimmed + b.size).toBe(700);
    const ids = b.view.map((e) => e.id);
    expect(ids.every((id) => id % 3 === 0)).toBe(true);
    expect(ids.at(-1)).toBe(699);
    expect(ids[0]).toBeGreaterThan(700 - b.size);
    expect(b.view.indexAfter(ids[5]!)).toBe(6);
    expect(b.find(1)).toBeUndefined();
    expect(b.find(700)).toMatchObject({ id: 700 });
  });

  it('freezes a view that later appends, trims and filters leave alone', () => {
    const b = new LogBuffer(100);
    b.append(rows(30));
    const frozen = b.view.freeze(20);
    for (let i = 0; i < 40; i++) b.append(rows(10, 31 + i * 10));
    b.setFilter((e) => e.id % 2 === 0);
    expect(frozen.length).toBe(20);
    expect(frozen.map((e) => e.id)).toEqual([...Array(20).keys()].map((k) => k + 1));
    expect(b.find(1)).toBeUndefined();
  });

  it('shows a delivery change on a row already read, and ignores updates for unknown ids', () => {
    const b = new LogBuffer();
    b.append(rows(3, 1, { dir: 'out', kind: 'command', delivery: 'pending' }));
    const row = b.view.at(1)!;
    expect(
      b.update([
        { id: 2, delivery: 'delivered', rtt: 9 },
        { id: 99, delivery: 'no-echo' },
      ]),
    ).toBe(true);
    expect(row).toMatchObject({ delivery: 'delivered', rtt: 9 });
    expect(b.find(3)!.delivery).toBe('pending');
    b.append(rows(3, 4));
    expect(b.find(2)).toMatchObject({ delivery: 'delivered', rtt: 9 });
  });

  it('remembers the types seen, and clears the view but not the last id', () => {
    const b = new LogBuffer();
    b.append([entry(1, 'A|1'), entry(2, 'A|2'), entry(3, 'B'), entry(4, 'x', { dir: 'sys', type: 'STATUS' })]);
    expect([...b.types]).toEqual(['A', 'B']);
    b.clear();
    expect(b.size).toBe(0);
    expect(b.append([entry(4, 'again')])).toBe(0);
    expect(b.append([entry(5, 'C|1')])).toBe(1);
    expect(b.view.map((e) => e.id)).toEqual([5]);
  });
});

describe('LogBuffer with the default filter', () => {
  it('hides Captured receipts from the agent log, in batches with and without them, on append and on change', () => {
    const captured = (id: number) =>
      entry(id, `[2026/11/29 05:05:59.326] [1] MMDAgent: Captured: X|${id}`, {
        type: 'X',
        agent: { time: '2026/11/29 05:05:59.326', tick: 1, module: 'MMDAgent', level: 'Captured', text: `X|${id}` },
      });
    const b = new LogBuffer();
    b.setFilter(buildFilter(NO_FILTERS).filter);
    b.append([entry(1, 'A|1'), entry(2, 'A|2')]);
    b.append([captured(3), entry(4, 'A|4')]);
    expect(b.view.map((e) => e.id)).toEqual([1, 2, 4]);
    b.setFilter(buildFilter({ ...NO_FILTERS, captured: true }).filter);
    expect(b.view.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    b.setFilter(buildFilter(NO_FILTERS).filter);
    expect(b.view.map((e) => e.id)).toEqual([1, 2, 4]);
    expect(b.size).toBe(4);
  });
});

describe('LogBuffer chunks filled in place', () => {
  it('reads back every row of many small batches, a batch larger than a chunk, and an overlapping one', () => {
    const b = new LogBuffer(10_000);
    const sent: LogEntry[] = [];
    let id = 1;
    let seed = 7;
    const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const batch = (size: number): LogEntry[] =>
      Array.from({ length: size }, () => {
        const k = id++;
        const text = `T${rand(3)}|${'ab日本😀'.repeat(rand(5))}${k}`;
        return entry(k, text, rand(7) === 0 ? { dir: 'out', kind: 'command', delivery: 'pending' } : {});
      });
    for (let i = 0; i < 60; i++) {
      const rows = batch(1 + rand(30));
      sent.push(...rows);
      b.append(rows);
    }
    const big = batch(2500);
    sent.push(...big);
    b.append(big);
    /* A batch that repeats the last 5 rows before 3 new ones: only the new ones are added. */
    const more = batch(3);
    expect(b.append([...sent.slice(-5), ...more])).toBe(3);
    sent.push(...more);
    expect(b.view.map((e) => e.text)).toEqual(sent.map((e) => e.text));
    expect(b.view.map((e) => e.type)).toEqual(sent.map((e) => e.type));
    expect(b.view.map((e) => e.delivery)).toEqual(sent.map((e) => e.delivery));
    const pending = sent.filter((e) => e.delivery === 'pending');
    expect(b.update(pending.map((e) => ({ id: e.id, delivery: 'delivered' as const, rtt: 3 })))).toBe(true);
    expect(b.view.map((e) => e.delivery).filter((d) => d === 'pending')).toEqual([]);
  });
});

describe('LogBuffer: a filter change over a large window, newest rows first', () => {
  const big = (n: number): LogBuffer => {
    const b = new LogBuffer(n);
    for (let start = 1; start <= n; start += 1000)
      b.append(Array.from({ length: Math.min(1000, n - start + 1) }, (_, k) => entry(start + k, `E|${start + k}`)));
    return b;
  };
  const byThree = (e: LogEntry): boolean => e.id % 3 === 0;
  const expected = (from: number, to: number): number[] =>
    Array.from({ length: to - from + 1 }, (_, k) => from + k).filter((id) => id % 3 === 0);

  it('tests the newest slice at once and the older rows in slices, ending with what one pass gives', () => {
    const b = big(100_000);
    const tested = b.setFilter(byThree);
    expect(tested).toBeGreaterThanOrEqual(FILTER_SLICE_ROWS);
    expect(tested).toBeLessThan(100_000);
    expect(b.filtering).toBe(true);
    /* The rows in view (the newest) are right at once; the older ones are not in the view yet. */
    expect(b.view.at(-1)!.id).toBe(99_999);
    expect(b.view.length).toBeLessThan(expected(1, 100_000).length);
    expect(b.view.map((e) => e.id)).toEqual(expected(100_001 - tested, 100_000));
    let steps = 0;
    while (b.filterMore()) steps++;
    expect(steps).toBeGreaterThan(0);
    expect(b.filtering).toBe(false);
    expect(b.view.map((e) => e.id)).toEqual(expected(1, 100_000));
  });

  it('keeps rows appended while the older ones are tested, after them, in order', () => {
    const b = big(100_000);
    b.setFilter(byThree);
    b.filterMore();
    b.append(Array.from({ length: 30 }, (_, k) => entry(100_001 + k, `E|${100_001 + k}`)));
    while (b.filterMore());
    const ids = b.view.map((e) => e.id);
    expect(ids.at(-1)).toBe(100_029);
    expect(ids).toEqual(expected(100_031 - b.size, 100_030));
  });

  it('leaves out rows the window trimmed while the older ones were being tested', () => {
    const b = big(60_000);
    b.setFilter(byThree);
    expect(b.filterMore()).toBe(true);
    for (let start = 60_001; start <= 100_000; start += 1000)
      b.append(Array.from({ length: 1000 }, (_, k) => entry(start + k, `E|${start + k}`)));
    while (b.filterMore());
    const ids = b.view.map((e) => e.id);
    expect(ids[0]).toBeGreaterThan(100_000 - b.size);
    expect(ids).toEqual(expected(100_001 - b.size, 100_000));
  });

  it("a newer filter change makes the older one's slices do nothing", () => {
    const b = big(100_000);
    b.setFilter(byThree);
    const generation = b.filterGeneration;
    b.setFilter((e) => e.id % 5 === 0);
    expect(b.filterGeneration).not.toBe(generation);
    while (b.filterMore());
    expect(b.view.map((e) => e.id)).toEqual(Array.from({ length: 20_000 }, (_, k) => (k + 1) * 5));
  });

  it('clear ends a filter change in progress', () => {
    const b = big(100_000);
    b.setFilter(byThree);
    b.clear();
    expect(b.filtering).toBe(false);
    expect(b.filterMore()).toBe(false);
    expect(b.view.length).toBe(0);
  });
});
