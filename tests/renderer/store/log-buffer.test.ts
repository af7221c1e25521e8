import { describe, expect, it } from 'vitest';
import { LogBuffer } from '../../../renderer/store/log-buffer.js';
import { NO_FILTERS, buildFilter } from '../../../renderer/store/log-filter.js';
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
    expect(b.view[0]).toMatchObject({ delivery: 'delivered', rtt: 170 });
    expect(b.update([{ id: 1, delivery: 'no-echo' }])).toBe(false);
  });
});
