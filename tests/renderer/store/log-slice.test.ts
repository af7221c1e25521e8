/** The log slice: batches kept as columns, updates, gaps, filters by agent, and a previous log opened alongside. */
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeLogBatch } from '../../../common/log-wire.js';
import { resetStore, useStore } from '../../../renderer/store/index.js';
import { entry } from '../../support/entries.js';

beforeEach(() => resetStore());

const texts = (): string[] => useStore.getState().log.view.map((e) => e.text);

describe('the log slice', () => {
  it('appends a batch as the core sent it, skips rows it holds already, and applies delivery updates', () => {
    const s = useStore.getState();
    s.appendWire(encodeLogBatch([entry(1, 'A|1'), entry(2, 'S|x', { dir: 'out', delivery: 'pending' })])!);
    s.appendWire(encodeLogBatch([entry(2, 'S|x'), entry(3, 'A|3')], [{ id: 2, delivery: 'delivered', rtt: 120 }])!);
    expect(texts()).toEqual(['A|1', 'S|x', 'A|3']);
    expect(useStore.getState().log.find(2)).toMatchObject({ delivery: 'delivered', rtt: 120 });
    expect(useStore.getState().logArrived).toBe(2);
  });

  it('notices a second agent, so rows start showing which agent they came from', () => {
    const s = useStore.getState();
    s.appendWire(encodeLogBatch([entry(1, 'A|1')])!);
    expect(useStore.getState().everMulti).toBe(false);
    s.appendWire(encodeLogBatch([entry(2, 'A|2', { agentId: 2 })])!);
    expect(useStore.getState().everMulti).toBe(true);
  });

  it('marks where this view fell behind, between the rows it holds and the next ones', () => {
    const s = useStore.getState();
    s.appendWire(encodeLogBatch([entry(1, 'A|1')])!);
    s.markGap(250);
    s.appendWire(encodeLogBatch([entry(300, 'A|300')])!);
    const view = useStore.getState().log.view;
    expect(view.map((e) => e.type)).toEqual(['A', 'GAP', 'A']);
    expect(view.at(1)?.msg).toEqual({ key: 'viewGap', params: { n: 250 } });
  });

  it('shows one agent’s rows, and panel notices with them', () => {
    const s = useStore.getState();
    s.appendWire(
      encodeLogBatch([
        entry(1, 'A|1'),
        entry(2, 'B|2', { agentId: 2 }),
        entry(3, 'STATUS', { dir: 'sys', agentId: null, kind: 'status' }),
      ])!,
    );
    s.setFilterAgent(2);
    expect(texts()).toEqual(['B|2']);
    s.setFilterAgent('all');
    expect(texts()).toEqual(['A|1', 'B|2', 'STATUS']);
  });

  it('opens a previous session log alongside, and says why a broken one cannot be', () => {
    const s = useStore.getState();
    const line = JSON.stringify({ id: 1, t: 1, dir: 'in', agentId: 1, kind: 'event', type: 'KEY', text: 'KEY|a' });
    expect(s.openLog('old.jsonl', line)).toBeNull();
    expect(useStore.getState().viewing?.log.view.map((e) => e.text)).toEqual(['KEY|a']);
    expect(texts()).toEqual([]);
    expect(s.openLog('bad.jsonl', 'not json\n{}')).toMatchObject({
      key: 'openLog.failed',
      params: { name: 'bad.jsonl' },
    });
  });
});
