/** The store's slices, through their actions; every test starts from a fresh store. */
import { beforeEach, describe, expect, it } from 'vitest';
import { resetPanelStore, usePanel } from '../../../renderer/store/index.js';
import { entry } from '../../support/entries.js';

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
    const session = { id: 3, remoteAddress: '127.0.0.1', remotePort: 1, path: '/chat', isMMDAgent: true, connectedAt: 0, messagesIn: 0, messagesOut: 0, responsive: true };
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
});
