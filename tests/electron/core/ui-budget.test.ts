/** The per-agent budget of what reaches the UI, on a clock the test moves. */
import { describe, expect, it } from 'vitest';
import { UiBudget } from '../../../electron/core/ui-budget.js';

function budget(rate: number, burst: number) {
  let now = 0;
  return { b: new UiBudget(rate, burst, () => now), advance: (ms: number) => (now += ms) };
}

const takeMany = (b: UiBudget, agentId: number, n: number): number =>
  Array.from({ length: n }, () => b.take(agentId)).filter(Boolean).length;

describe('UiBudget', () => {
  it('lets a burst through, then the rate, and counts the rest as hidden', () => {
    const { b, advance } = budget(1000, 100);
    expect(takeMany(b, 1, 150)).toBe(100);
    advance(10);
    expect(takeMany(b, 1, 50)).toBe(10);
    advance(1000);
    const hidden = b.takeHidden();
    expect(hidden).toEqual([[1, 90]]);
    /* Refilled, but never past the burst. */
    advance(60_000);
    expect(takeMany(b, 1, 200)).toBe(100);
  });

  it('keeps one bucket per agent: a flood from one does not hide another', () => {
    const { b } = budget(1000, 10);
    expect(takeMany(b, 1, 50)).toBe(10);
    expect(takeMany(b, 2, 5)).toBe(5);
  });

  it('reports hidden counts at most once a second per agent', () => {
    const { b, advance } = budget(100, 1);
    takeMany(b, 1, 5);
    expect(b.takeHidden()).toEqual([]);
    advance(999);
    expect(b.takeHidden()).toEqual([]);
    advance(1);
    expect(b.takeHidden()).toEqual([[1, 4]]);
    expect(b.takeHidden()).toEqual([]);
  });

  it('hands back what was hidden and unreported when the agent leaves, and starts fresh after', () => {
    const { b } = budget(100, 2);
    takeMany(b, 3, 7);
    expect(b.forget(3)).toBe(5);
    expect(b.forget(3)).toBe(0);
    expect(takeMany(b, 3, 2)).toBe(2);
  });
});
