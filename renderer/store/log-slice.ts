import type { StateCreator } from 'zustand';
import type { LogBatch, LogEntry } from '../../electron/contract';
import { LogBuffer, buildFilter, type FilterSpec } from './log-buffer';
import { parseSessionLog } from './open-log';
import type { PanelState } from './index';

export interface LogSlice {
  /** Stable object; components re-render on `logRevision`. */
  log: LogBuffer;
  logRevision: number;
  filterText: string;
  filterDir: FilterSpec['dir'];
  /** While paused, the view shows this frozen copy; recording goes on. */
  frozen: readonly LogEntry[] | null;
  /** True once entries from more than one session have been seen. */
  everMulti: boolean;
  /** A previous session's log opened read-only; the live log keeps recording meanwhile. */
  viewing: { name: string; log: LogBuffer; truncated: boolean } | null;
  openLog(name: string, text: string): string | null;
  closeViewing(): void;
  appendBatch(batch: LogBatch): void;
  /** Marks where entries were not delivered to this view (the disk log has them). */
  markGap(dropped: number): void;
  setFilterText(text: string): void;
  setFilterDir(dir: FilterSpec['dir']): void;
  setPaused(paused: boolean): void;
  clearView(): void;
}

export const createLogSlice: StateCreator<PanelState, [], [], LogSlice> = (set, get) => ({
  log: new LogBuffer(),
  logRevision: 0,
  filterText: '',
  filterDir: 'all',
  frozen: null,
  everMulti: false,
  viewing: null,
  openLog: (name, text) => {
    let parsed;
    try {
      parsed = parseSessionLog(text);
    } catch (error) {
      return `"${name}": ${(error as Error).message}`;
    }
    const log = new LogBuffer(Math.max(parsed.entries.length, 1));
    log.setFilter(buildFilter({ text: get().filterText, dir: get().filterDir }));
    log.append(parsed.entries);
    set((s) => ({ viewing: { name, log, truncated: parsed.truncated }, everMulti: s.everMulti || parsed.entries.some((e) => (e.session ?? 0) > 1), logRevision: s.logRevision + 1 }));
    return null;
  },
  closeViewing: () => set((s) => ({ viewing: null, logRevision: s.logRevision + 1 })),
  appendBatch: (batch) => {
    const { log } = get();
    const added = log.append(batch.entries);
    const changed = log.update(batch.updates);
    if (added === 0 && !changed) return;
    const multi = get().everMulti || batch.entries.some((e) => e.session !== null && e.session > 1);
    set((s) => ({ logRevision: s.logRevision + 1, everMulti: multi }));
  },
  markGap: (dropped) => {
    const { log } = get();
    const marker: LogEntry = {
      /* Between the last id held and the next whole one, which the next real entry will have. */
      id: log.lastId + (1 - (log.lastId % 1)) / 2,
      t: Date.now(),
      dir: 'sys',
      session: null,
      kind: 'error',
      type: 'GAP',
      text: `${dropped.toLocaleString()} messages not shown here: this view fell behind. The session log on disk has every one.`,
    };
    get().appendBatch({ entries: [marker], updates: [] });
  },
  setFilterText: (filterText) => {
    const filter = buildFilter({ text: filterText, dir: get().filterDir });
    get().log.setFilter(filter);
    get().viewing?.log.setFilter(filter);
    set((s) => ({ filterText, logRevision: s.logRevision + 1 }));
  },
  setFilterDir: (filterDir) => {
    const filter = buildFilter({ text: get().filterText, dir: filterDir });
    get().log.setFilter(filter);
    get().viewing?.log.setFilter(filter);
    set((s) => ({ filterDir, logRevision: s.logRevision + 1 }));
  },
  setPaused: (paused) => set({ frozen: paused ? get().log.view.slice() : null }),
  clearView: () => {
    get().log.clear();
    set((s) => ({ logRevision: s.logRevision + 1, frozen: s.frozen ? [] : null }));
  },
});
