import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UiTick } from '../../../electron/core/ui-tick.js';

describe('UiTick', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A tick whose work says "more" for the next `busy` runs, counting the runs and when they ran. */
  function tickWith(everyMs = 8) {
    const runs: number[] = [];
    let busy = 0;
    const tick = new UiTick(() => {
      runs.push(Date.now());
      return busy-- > 0;
    }, everyMs);
    return { tick, runs, setBusy: (n: number) => (busy = n) };
  }

  it('runs nothing before it starts, ticks once at start, then rests', () => {
    const { tick, runs } = tickWith();
    tick.wake();
    vi.advanceTimersByTime(100);
    expect(runs).toHaveLength(0);
    tick.start();
    expect(tick.ticking).toBe(true);
    vi.advanceTimersByTime(0);
    expect(runs).toHaveLength(1);
    expect(tick.ticking).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(runs).toHaveLength(1);
  });

  it('ticks every everyMs while the work says more, and rests after the first tick that says no', () => {
    const { tick, runs, setBusy } = tickWith(8);
    tick.start();
    vi.advanceTimersByTime(0);
    setBusy(3);
    const from = Date.now();
    tick.wake();
    vi.advanceTimersByTime(100);
    /* The wake's tick at once, then one every 8 ms while the work said more: three said more, the fourth no. */
    expect(runs.slice(1).map((t) => t - from)).toEqual([0, 8, 16, 24]);
    expect(tick.ticking).toBe(false);
  });

  it('from rest, the first tick runs at once, not a tick later', () => {
    const { tick, runs } = tickWith(50);
    tick.start();
    vi.advanceTimersByTime(500);
    const from = Date.now();
    tick.wake();
    tick.wake();
    vi.advanceTimersByTime(1);
    expect(runs.slice(1).map((t) => t - from)).toEqual([0]);
  });

  it('a wake during a tick gets another tick, even when that tick said no more', () => {
    const runs: number[] = [];
    const tick: UiTick = new UiTick(() => {
      runs.push(Date.now());
      if (runs.length === 1) tick.wake();
      return false;
    }, 8);
    tick.start();
    vi.advanceTimersByTime(100);
    expect(runs).toHaveLength(2);
    expect(runs[1]! - runs[0]!).toBe(8);
    expect(tick.ticking).toBe(false);
  });

  it('stops for good: no tick after stop, and a wake does not restart it', () => {
    const { tick, runs, setBusy } = tickWith();
    setBusy(1000);
    tick.start();
    vi.advanceTimersByTime(20);
    const before = runs.length;
    tick.stop();
    tick.wake();
    vi.advanceTimersByTime(1000);
    expect(runs).toHaveLength(before);
    expect(tick.ticking).toBe(false);
  });

  it('a tick that throws is tried again at the next one', () => {
    let calls = 0;
    const tick = new UiTick(() => {
      calls++;
      if (calls === 1) throw new Error('boom');
      return false;
    }, 8);
    tick.start();
    expect(() => vi.advanceTimersByTime(0)).toThrow('boom');
    vi.advanceTimersByTime(8);
    expect(calls).toBe(2);
    expect(tick.ticking).toBe(false);
  });
});
