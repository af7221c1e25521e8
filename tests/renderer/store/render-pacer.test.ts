/** The render pacer: a redraw per batch at a reading pace and in short bursts, at most every 50 ms in a lasting flood, and never a redraw owed and not made. */
import { describe, expect, it } from 'vitest';
import { RenderPacer } from '../../../renderer/store/render-pacer.js';

function harness() {
  let t = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const renders: number[] = [];
  const pacer = new RenderPacer(() => renders.push(t), {
    floodRowsPerSec: 1000,
    floodAfterMs: 200,
    floodEveryMs: 50,
    now: () => t,
    setTimer: (fn, ms) => void timers.push({ at: t + ms, fn }),
  });
  /** Feeds `n` rows every 16 ms for `ms`, moving the clock and firing timers in order; counts redraws. */
  const feed = (n: number, ms: number): void => {
    const end = t + ms;
    while (t < end) {
      if (pacer.rows(n)) renders.push(t);
      const next = t + 16;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        if (!timers[0] || timers[0].at > next) break;
        const due = timers.shift()!;
        t = due.at;
        due.fn();
      }
      t = next;
    }
  };
  return { pacer, renders, timers, feed, at: () => t };
}

describe('RenderPacer', () => {
  it('redraws with every batch at a reading pace', () => {
    const { renders, timers, feed } = harness();
    feed(10, 1000);
    expect(renders).toHaveLength(63);
    expect(timers).toEqual([]);
  });

  it('redraws with every batch through a burst shorter than floodAfterMs', () => {
    const { renders, feed } = harness();
    feed(400, 160);
    expect(renders).toHaveLength(10);
  });

  it('in a lasting flood, redraws at most every 50 ms, and the last rows still get their redraw', () => {
    const { renders, timers, feed, at } = harness();
    feed(400, 2000);
    const late = renders.filter((r) => r >= 400);
    const gaps = late.slice(1).map((r, i) => r - late[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(50);
    /* About 20 a second instead of 62. */
    expect(late.length).toBeLessThan(40);
    expect(late.length).toBeGreaterThan(25);
    /* The flood stops; the redraw it is owed comes when its timer fires. */
    const owed = timers.length;
    expect(owed).toBeLessThanOrEqual(1);
    const before = renders.length;
    for (const tm of timers.splice(0)) tm.fn();
    expect(renders.length).toBe(before + owed);
    expect(at()).toBeGreaterThan(0);
  });

  it('goes back to a redraw per batch a quarter second after the flood stops', () => {
    const { renders, feed, timers } = harness();
    feed(400, 1000);
    for (const tm of timers.splice(0)) tm.fn();
    feed(0, 300);
    const before = renders.length;
    feed(5, 160);
    expect(renders.length - before).toBe(10);
  });
});
