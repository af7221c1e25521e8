// @vitest-environment jsdom
/**
 * The live log's follow logic: it follows the newest row until the user scrolls up, holds the view
 * while rows arrive, counts them, and follows again from the jump button. Only the user leaves the
 * bottom: a scroll event with no wheel, key or drag behind it changes nothing.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../common/log';
import { encodeLogBatch } from '../../../common/log-wire';
import { LiveLog } from '../../../renderer/components/LiveLog';
import { resetStore, useStore } from '../../../renderer/store';

const ROW = 26;
let nextId = 1;

function arrive(n: number): void {
  const entries: LogEntry[] = Array.from({ length: n }, () => {
    const id = nextId++;
    return { id, t: 0, dir: 'in', agentId: 1, kind: 'event', type: 'ROW', text: `ROW|${id}` };
  });
  act(() => useStore.getState().appendWire(encodeLogBatch(entries)!));
}

const log = (): HTMLElement => screen.getByRole('log', { name: 'Message log' });

/** The newest row, once the log has drawn it (the store redraws at its own pace). */
const newest = (): Promise<Element> =>
  waitFor(() => {
    const row = log().querySelector(`[data-id="${nextId - 1}"]`);
    expect(row?.textContent).toContain(`ROW|${nextId - 1}`);
    return row!;
  });

beforeAll(() => {
  /* jsdom lays nothing out: the log's height comes from the observer, which never fires here. */
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
});

beforeEach(() => {
  resetStore();
  nextId = 1;
});
afterEach(cleanup);

const jump = (): HTMLElement | null => screen.queryByRole('button', { name: /new ↓/ });

function scrollUpBy(rows: number): void {
  fireEvent.wheel(log(), { deltaY: -100 });
  log().scrollTop = -rows * ROW;
  fireEvent.scroll(log());
}

describe('LiveLog follows the newest row', () => {
  it('shows the newest row as rows arrive, with nothing to jump to', async () => {
    render(<LiveLog />);
    arrive(40);
    expect(await newest()).toBeTruthy();
    expect(jump()).toBeNull();
  });

  it('holds the view where the user scrolled, and counts what arrives meanwhile', async () => {
    render(<LiveLog />);
    arrive(40);
    await newest();
    scrollUpBy(10);
    arrive(5);
    await screen.findByRole('button', { name: '5 new ↓' });
    /* Rows added at the bottom are scrolled back over, so what the user reads stays put. */
    expect(log().scrollTop).toBe(-15 * ROW);
  });

  it('does not stop following for a scroll event the user did not make', async () => {
    render(<LiveLog />);
    arrive(40);
    await newest();
    log().scrollTop = -10 * ROW;
    fireEvent.scroll(log());
    arrive(5);
    expect(await newest()).toBeTruthy();
    expect(jump()).toBeNull();
  });

  it('follows again from the jump button, back at the bottom', async () => {
    render(<LiveLog />);
    arrive(40);
    await newest();
    scrollUpBy(10);
    arrive(3);
    const button = await screen.findByRole('button', { name: '3 new ↓' });
    act(() => button.click());
    expect(jump()).toBeNull();
    arrive(2);
    expect(await newest()).toBeTruthy();
    expect(log().scrollTop).toBe(0);
  });
});
