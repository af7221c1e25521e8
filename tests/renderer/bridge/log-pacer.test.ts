/** The log pacer: every batch as it comes at a reading pace, gathered in a flood, never lost or reordered. */
import { describe, expect, it } from 'vitest';
import { LogPacer } from '../../../renderer/bridge/log-pacer.js';

function harness() {
  let t = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const applied: number[][] = [];
  const pacer = new LogPacer<{ n: number; id: number }>((batches) => applied.push(batches.map((b) => b.id)), {
    floodRowsPerSec: 1000,
    floodEveryMs: 50,
    now: () => t,
    setTimer: (fn, ms) => void timers.push({ at: t + ms, fn }),
  });
  /** Moves the clock on, firing timers that fall due, in order. */
  const advance = (ms: number): void => {
    const end = t + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      timers.shift();
      t = next.at;
      next.fn();
    }
    t = end;
  };
  return { pacer, applied, timers, advance };
}

describe('LogPacer', () => {
  it('applies each batch at once while the rate is readable', () => {
    const { pacer, applied, timers, advance } = harness();
    for (let id = 1; id <= 5; id++) {
      pacer.push({ n: 16, id });
      advance(16);
    }
    expect(applied).toEqual([[1], [2], [3], [4], [5]]);
    expect(timers).toEqual([]);
  });

  it('gathers a flood into one application per interval, in order, and applies the rest when the timer fires', () => {
    const { pacer, applied, advance } = harness();
    let id = 0;
    /* 300 rows per 16 ms tick: about 19,000 rows a second. */
    for (let k = 0; k < 12; k++) {
      pacer.push({ n: 300, id: ++id });
      advance(16);
    }
    advance(100);
    expect(applied.flat()).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    /* Once over the threshold, applications are at least 50 ms apart (fewer than one per tick). */
    expect(applied.length).toBeLessThan(7);
    expect(applied.some((a) => a.length >= 3)).toBe(true);
  });

  it('returns to one application per batch when the flood has been over for a second', () => {
    const { pacer, applied, advance } = harness();
    for (let id = 1; id <= 6; id++) {
      pacer.push({ n: 500, id });
      advance(16);
    }
    advance(1100);
    const before = applied.length;
    pacer.push({ n: 1, id: 100 });
    expect(applied.length).toBe(before + 1);
    expect(applied.at(-1)).toEqual([100]);
  });

  it('flush applies what is held at once, and the timer then finds nothing to apply', () => {
    const { pacer, applied, advance } = harness();
    pacer.push({ n: 2000, id: 1 });
    pacer.push({ n: 10, id: 2 });
    pacer.push({ n: 10, id: 3 });
    expect(applied).toEqual([[1]]);
    pacer.flush();
    expect(applied).toEqual([[1], [2, 3]]);
    advance(100);
    expect(applied).toEqual([[1], [2, 3]]);
  });
});
