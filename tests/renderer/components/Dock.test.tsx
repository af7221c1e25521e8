// @vitest-environment jsdom
/** The operator dock: one tab per job, arrow keys between tabs, folded away and back, remembered over a reload. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepWindowPrefs } from '../../../renderer/bridge/local-prefs';
import { Dock } from '../../../renderer/components/Dock';
import { resetStore, useStore } from '../../../renderer/store';
import { SNAPSHOT, installFakeApi } from '../../support/fake-api';

beforeEach(() => {
  resetStore();
  localStorage.clear();
  installFakeApi();
  const snapshot = structuredClone(SNAPSHOT);
  snapshot.settings.language = 'en';
  act(() => useStore.getState().hydrate(snapshot));
});
afterEach(cleanup);

const selected = (): string | null =>
  screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.textContent ?? null;

describe('Dock', () => {
  it('shows one job per tab, and the arrow keys move between tabs', () => {
    render(<Dock />);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      'Cues',
      'Quick',
      'Avatar',
      'Say it',
      'Audio',
      'Agents',
      'Connect',
    ]);
    expect(screen.getByRole('region', { name: 'Quick commands' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Connect' }));
    expect(screen.getByRole('textbox', { name: '.mdf lines' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('tablist'), { key: 'ArrowRight' });
    expect(selected()).toBe('Cues');
    fireEvent.keyDown(screen.getByRole('tablist'), { key: 'ArrowLeft' });
    expect(selected()).toBe('Connect');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('dock-tab-setup');
  });

  it('folds away and comes back where it was', () => {
    render(<Dock />);
    fireEvent.click(screen.getByRole('tab', { name: 'Audio' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hide tools' }));
    expect(screen.queryByRole('tablist')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show tools' }));
    expect(selected()).toBe('Audio');
  });

  it('keeps its tab and the compose history over a reload of the page', () => {
    const stop = keepWindowPrefs(localStorage);
    act(() => {
      useStore.getState().setDockTab('agents');
      useStore.getState().remember('KEY|1');
    });
    stop();
    resetStore();
    expect(useStore.getState().dockTab).toBe('quick');
    keepWindowPrefs(localStorage)();
    expect(useStore.getState().dockTab).toBe('agents');
    expect(useStore.getState().history).toEqual(['KEY|1']);
    localStorage.setItem('remote-panel.window', '{"dockTab":"nope","history":[1,"KEY|2"]');
    resetStore();
    keepWindowPrefs(localStorage)();
    expect(useStore.getState().dockTab).toBe('quick');
  });
});
