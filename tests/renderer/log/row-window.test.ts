import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../../renderer/log/row-window.js';

describe('the rows in view of a fixed-height list', () => {
  it('follows the bottom, or shows what the scroll position says, with overscan, clamped to the list', () => {
    expect(rowWindow(1000, 0, 260, 26, 5, true)).toEqual({ first: 985, end: 1000, total: 26_000, top: 25_740 });
    expect(rowWindow(1000, 2600, 260, 26, 5, false)).toEqual({ first: 95, end: 115, total: 26_000, top: 2600 });
    expect(rowWindow(1000, 99_999, 260, 26, 0, false)).toEqual({ first: 990, end: 1000, total: 26_000, top: 25_740 });
    expect(rowWindow(3, 0, 260, 26, 16, true)).toEqual({ first: 0, end: 3, total: 78, top: 0 });
    expect(rowWindow(0, 50, 260, 26, 16, false)).toEqual({ first: 0, end: 0, total: 0, top: 0 });
  });
});
