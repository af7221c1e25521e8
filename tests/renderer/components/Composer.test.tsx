// @vitest-environment jsdom
/** The composer as a user meets it: found by its accessible names, typed into, sent with Enter. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Composer } from '../../../renderer/components/Composer';
import { resetStore, useStore } from '../../../renderer/store';
import { SNAPSHOT, installFakeApi } from '../../support/fake-api';

let api: ReturnType<typeof installFakeApi>;

beforeEach(() => {
  resetStore();
  api = installFakeApi();
  act(() => useStore.getState().hydrate(structuredClone(SNAPSHOT)));
});
afterEach(cleanup);

const box = (): HTMLTextAreaElement => screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
const sends = (): unknown[] => api.calls.filter(([c]) => c === 'message:send').map(([, a]) => a);

async function type(text: string): Promise<void> {
  await act(async () => {
    fireEvent.change(box(), { target: { value: text, selectionStart: text.length } });
  });
}

async function press(key: string): Promise<void> {
  await act(async () => {
    fireEvent.keyDown(box(), { key });
  });
}

describe('Composer', () => {
  it('sends the line to the target with Enter, then clears the box', async () => {
    render(<Composer />);
    await type('MOTION_ADD|0|act|motions/action/ojigi.vmd|PART|ONCE');
    await press('Escape');
    await press('Enter');
    expect(sends()).toEqual([
      { target: 'all', text: 'MOTION_ADD|0|act|motions/action/ojigi.vmd|PART|ONCE', to: 'agent' },
    ]);
    expect(box().value).toBe('');
  });

  it('refuses a line the protocol forbids with a message in the UI, keeps the text and sends nothing', async () => {
    render(<Composer />);
    await type('SNDHELLO|1');
    await press('Enter');
    expect(sends()).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/SND/);
    expect(box().value).toBe('SNDHELLO|1');
  });

  it('brings the last sent line back with ↑', async () => {
    render(<Composer />);
    await type('KEY|a');
    await press('Enter');
    await press('ArrowUp');
    expect(box().value).toBe('KEY|a');
  });

  it('offers message types from the catalog while the name is typed', async () => {
    render(<Composer />);
    await type('MOTION_AD');
    expect(screen.getByRole('listbox').textContent).toContain('MOTION_ADD');
  });
});
