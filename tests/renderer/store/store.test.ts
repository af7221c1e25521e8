/** The store's slices, through their actions; every test starts from a fresh store. */
import { beforeEach, describe, expect, it } from 'vitest';
import { resetPanelStore, usePanel } from '../../../renderer/store/index.js';
import { entry } from '../../support/entries.js';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings.js';

beforeEach(() => resetPanelStore());

describe('store', () => {
  it('pause freezes the view while recording goes on; clear empties only the view', () => {
    const s = usePanel.getState();
    s.appendBatch({ entries: [entry(1, 'A|1')], updates: [] });
    s.setPaused(true);
    s.appendBatch({ entries: [entry(2, 'A|2')], updates: [] });
    expect(usePanel.getState().frozen!.map((e) => e.id)).toEqual([1]);
    expect(usePanel.getState().log.size).toBe(2);
    s.setPaused(false);
    expect(usePanel.getState().frozen).toBeNull();
    s.clearView();
    expect(usePanel.getState().log.size).toBe(0);
  });

  it('walks the history of sent messages with Up/Down', () => {
    const s = usePanel.getState();
    s.remember('A|1');
    s.remember('B|2');
    expect(s.walkHistory(-1)).toBe(true);
    expect(usePanel.getState().draft).toBe('B|2');
    usePanel.getState().walkHistory(-1);
    expect(usePanel.getState().draft).toBe('A|1');
    expect(usePanel.getState().walkHistory(-1)).toBe(false);
    usePanel.getState().walkHistory(1);
    usePanel.getState().walkHistory(1);
    expect(usePanel.getState().draft).toBe('');
    expect(usePanel.getState().walkHistory(1)).toBe(false);
  });

  it('drops a target that disconnected back to all', () => {
    const s = usePanel.getState();
    const session = {
      id: 3,
      remoteAddress: '127.0.0.1',
      remotePort: 1,
      path: '/chat',
      isMMDAgent: true,
      connectedAt: 0,
      messagesIn: 0,
      messagesOut: 0,
      responsive: true,
    };
    s.setSessions([session]);
    s.setTarget(3);
    s.setSessions([]);
    expect(usePanel.getState().target).toBe('all');
  });

  it('resets to a fresh log buffer', () => {
    usePanel.getState().appendBatch({ entries: [entry(1, 'A')], updates: [] });
    resetPanelStore();
    expect(usePanel.getState().log.size).toBe(0);
    expect(usePanel.getState().log.lastId).toBe(0);
  });

  it('a filter change over a large window shows the newest rows at once, then all of them, re-rendering when done; pause follows', async () => {
    const s = usePanel.getState();
    for (let start = 1; start <= 100_000; start += 1000)
      s.appendBatch({
        entries: Array.from({ length: 1000 }, (_, k) =>
          entry(start + k, `${(start + k) % 2 ? 'ODD' : 'EVEN'}|${start + k}`),
        ),
        updates: [],
      });
    s.setPaused(true);
    s.setFilters({ text: 'EVEN|' });
    const first = usePanel.getState();
    expect(first.log.filtering).toBe(true);
    expect(first.frozen!.at(-1)!.id).toBe(100_000);
    expect(first.frozen!.length).toBeLessThan(50_000);
    for (let i = 0; i < 100 && usePanel.getState().log.filtering; i++) await new Promise((r) => setTimeout(r, 5));
    const done = usePanel.getState();
    expect(done.log.filtering).toBe(false);
    expect(done.logRevision).toBeGreaterThan(first.logRevision);
    expect(done.log.view.length).toBe(50_000);
    expect(done.frozen!.length).toBe(50_000);
    expect(done.frozen!.at(0)!.id).toBe(2);
  });

  it('a change not yet answered by the core survives older settings from the core, until it is settled', () => {
    const s = usePanel.getState();
    s.setSettings(structuredClone(DEFAULT_SETTINGS));
    s.changeSettings({ mdfAllLog: true });
    expect(usePanel.getState().settings!.mdfAllLog).toBe(true);
    /* Settings the core sent for an earlier change (another field) arrive in between. */
    usePanel.getState().setSettings({ ...structuredClone(DEFAULT_SETTINGS), theme: 'light' });
    expect(usePanel.getState().settings).toMatchObject({ mdfAllLog: true, theme: 'light' });
    /* A second change to the same field is held even when the first is settled. */
    usePanel.getState().changeSettings({ mdfAllLog: false });
    usePanel.getState().settleSettings({ mdfAllLog: true });
    usePanel.getState().setSettings({ ...structuredClone(DEFAULT_SETTINGS), mdfAllLog: true });
    expect(usePanel.getState().settings!.mdfAllLog).toBe(false);
    usePanel.getState().settleSettings({ mdfAllLog: false });
    usePanel.getState().setSettings({ ...structuredClone(DEFAULT_SETTINGS), mdfAllLog: true });
    expect(usePanel.getState().settings!.mdfAllLog).toBe(true);
  });
});
