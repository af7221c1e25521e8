/**
 * The render pacer: a redraw per batch at a reading pace and in a burst's first moments, batches
 * closer than `everyMs` sharing a redraw, at most every 50 ms in a lasting flood, and never a
 * redraw owed and not made.
 */
import { describe, expect, it } from 'vitest';
import { RenderPacer } from '../../../renderer/log/render-pacer.js';

function harness() {
  let t = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const renders: number[] = [];
  const pacer = new RenderPacer(() => renders.push(t), {
    everyMs: 25,
    floodRowsPerSec: 1000,
    floodAfterMs: 200,
    floodEveryMs: 50,
    now: () => t,
    setTimer: (fn, ms) => void timers.push({ at: t + ms, fn }),
  });
  /** Feeds `n` rows every `every` ms for `ms`, moving the clock and firing timers in order. */
  const feed = (n: number, ms: number, every = 16): void => {
    const end = t + ms;
    while (t < end) {
      if (pacer.rows(n)) renders.push(t);
      const next = t + every;
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
  const gaps = (from: number): number[] => {
    const late = renders.filter((r) => r >= from);
    return late.slice(1).map((r, i) => r - late[i]!);
  };
  /** Fires the redraw still owed (at most one) and checks that it is made. */
  const settle = (): void => {
    const owed = timers.length;
    expect(owed).toBeLessThanOrEqual(1);
    const before = renders.length;
    for (const tm of timers.splice(0)) tm.fn();
    expect(renders.length).toBe(before + owed);
  };
  return { pacer, renders, timers, feed, gaps, settle };
}

describe('RenderPacer', () => {
  it('redraws with every batch at a reading pace, at once', () => {
    const { renders, timers, feed } = harness();
    feed(3, 1000, 100);
    expect(renders).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(timers).toEqual([]);
  });

  it('lets batches closer than everyMs share a redraw, at most every 25 ms', () => {
    const { renders, feed, gaps, settle } = harness();
    /* 16 ms apart, 10 rows each: 625 rows a second, under the flood's 1,000. */
    feed(10, 1000);
    expect(Math.min(...gaps(0))).toBeGreaterThanOrEqual(25);
    /* Every 25 ms, on the owed redraw's timer: 40 instead of the 63 batches. */
    expect(renders.length).toBeGreaterThanOrEqual(38);
    expect(renders.length).toBeLessThanOrEqual(41);
    /* The last batch's redraw, if owed, comes when its timer fires. */
    settle();
  });

  it('in a lasting flood, redraws at most every 50 ms, and the last rows still get their redraw', () => {
    const { renders, feed, gaps, settle } = harness();
    feed(400, 2000);
    expect(Math.min(...gaps(400))).toBeGreaterThanOrEqual(50);
    const late = renders.filter((r) => r >= 400);
    /* About 20 a second. */
    expect(late.length).toBeLessThan(40);
    expect(late.length).toBeGreaterThan(25);
    settle();
  });

  it('draws a burst shorter than floodAfterMs batch by batch, so its last rows show at once', () => {
    const { renders, timers, feed } = harness();
    feed(400, 160);
    expect(renders).toHaveLength(10);
    expect(timers).toEqual([]);
  });

  it('goes back to a redraw per batch a quarter second after the flood stops', () => {
    const { renders, feed, timers } = harness();
    feed(400, 1000);
    for (const tm of timers.splice(0)) tm.fn();
    feed(0, 300, 100);
    const before = renders.length;
    feed(5, 500, 100);
    expect(renders.length - before).toBe(5);
  });
});
