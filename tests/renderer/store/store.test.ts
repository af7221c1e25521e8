/** The store's slices, through their actions; every test starts from a fresh store. */
import { agentInfo } from '../../support/entries.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStore, useStore } from '../../../renderer/store/index.js';
import { entry } from '../../support/entries.js';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings.js';

beforeEach(() => resetStore());

describe('store', () => {
  it('pause freezes the view while recording goes on; clear empties only the view', () => {
    const s = useStore.getState();
    s.appendBatch({ entries: [entry(1, 'A|1')], updates: [] });
    s.setPaused(true);
    s.appendBatch({ entries: [entry(2, 'A|2')], updates: [] });
    expect(useStore.getState().frozen!.map((e) => e.id)).toEqual([1]);
    expect(useStore.getState().log.size).toBe(2);
    s.setPaused(false);
    expect(useStore.getState().frozen).toBeNull();
    s.clearView();
    expect(useStore.getState().log.size).toBe(0);
  });

  it('walks the history of sent messages with Up/Down', () => {
    const s = useStore.getState();
    s.remember('A|1');
    s.remember('B|2');
    expect(s.walkHistory(-1)).toBe(true);
    expect(useStore.getState().draft).toBe('B|2');
    useStore.getState().walkHistory(-1);
    expect(useStore.getState().draft).toBe('A|1');
    expect(useStore.getState().walkHistory(-1)).toBe(false);
    useStore.getState().walkHistory(1);
    useStore.getState().walkHistory(1);
    expect(useStore.getState().draft).toBe('');
    expect(useStore.getState().walkHistory(1)).toBe(false);
  });

  it('drops a target that disconnected back to all', () => {
    const s = useStore.getState();
    const agent = agentInfo(3);
    s.setAgents([agent]);
    s.setTarget(3);
    s.setAgents([]);
    expect(useStore.getState().target).toBe('all');
  });

  it('resets to a fresh log buffer', () => {
    useStore.getState().appendBatch({ entries: [entry(1, 'A')], updates: [] });
    resetStore();
    expect(useStore.getState().log.size).toBe(0);
    expect(useStore.getState().log.lastId).toBe(0);
  });

  it('a filter change over a large window shows the newest rows at once, then all of them, re-rendering when done; pause follows', async () => {
    const s = useStore.getState();
    for (let start = 1; start <= 100_000; start += 1000)
      s.appendBatch({
        entries: Array.from({ length: 1000 }, (_, k) =>
          entry(start + k, `${(start + k) % 2 ? 'ODD' : 'EVEN'}|${start + k}`),
        ),
        updates: [],
      });
    s.setPaused(true);
    s.setFilters({ text: 'EVEN|' });
    const first = useStore.getState();
    expect(first.log.filtering).toBe(true);
    expect(first.frozen!.at(-1)!.id).toBe(100_000);
    expect(first.frozen!.length).toBeLessThan(50_000);
    await vi.waitFor(() => expect(useStore.getState().log.filtering).toBe(false), { timeout: 5000 });
    const done = useStore.getState();
    expect(done.log.filtering).toBe(false);
    expect(done.logRevision).toBeGreaterThan(first.logRevision);
    expect(done.log.view.length).toBe(50_000);
    expect(done.frozen!.length).toBe(50_000);
    expect(done.frozen!.at(0)!.id).toBe(2);
  });

  it('a change not yet answered by the core survives older settings from the core, until it is settled', () => {
    const s = useStore.getState();
    s.setSettings(structuredClone(DEFAULT_SETTINGS));
    s.changeSettings({ mdfAllLog: true });
    expect(useStore.getState().settings!.mdfAllLog).toBe(true);
    /* Settings the core sent for an earlier change (another field) arrive in between. */
    useStore.getState().setSettings({ ...structuredClone(DEFAULT_SETTINGS), theme: 'light' });
    expect(useStore.getState().settings).toMatchObject({ mdfAllLog: true, theme: 'light' });
    /* A second change to the same field is held even when the first is settled. */
    useStore.getState().changeSettings({ mdfAllLog: false });
    useStore.getState().settleSettings({ mdfAllLog: true });
    useStore.getState().setSettings({ ...structuredClone(DEFAULT_SETTINGS), mdfAllLog: true });
    expect(useStore.getState().settings!.mdfAllLog).toBe(false);
    useStore.getState().settleSettings({ mdfAllLog: false });
    useStore.getState().setSettings({ ...structuredClone(DEFAULT_SETTINGS), mdfAllLog: true });
    expect(useStore.getState().settings!.mdfAllLog).toBe(true);
  });
});
