import type { StateCreator } from 'zustand';
import type { LogBatch, LogEntry } from '../../electron/contract';
import { LogBuffer, textFilter } from './log-buffer';
import type { PanelState } from './index';

export interface LogSlice {
  /** Stable object; components re-render on `logRevision`. */
  log: LogBuffer;
  logRevision: number;
  filterText: string;
  /** While paused, the view shows this frozen copy; recording goes on. */
  frozen: readonly LogEntry[] | null;
  /** True once entries from more than one session have been seen. */
  everMulti: boolean;
  appendBatch(batch: LogBatch): void;
  setFilterText(text: string): void;
  setPaused(paused: boolean): void;
  clearView(): void;
}

export const createLogSlice: StateCreator<PanelState, [], [], LogSlice> = (set, get) => ({
  log: new LogBuffer(),
  logRevision: 0,
  filterText: '',
  frozen: null,
  everMulti: false,
  appendBatch: (batch) => {
    const { log } = get();
    const added = log.append(batch.entries);
    const changed = log.update(batch.updates);
    if (added === 0 && !changed) return;
    const multi = get().everMulti || batch.entries.some((e) => e.session !== null && e.session > 1);
    set((s) => ({ logRevision: s.logRevision + 1, everMulti: multi }));
  },
  setFilterText: (filterText) => {
    get().log.setFilter(textFilter(filterText));
    set((s) => ({ filterText, logRevision: s.logRevision + 1 }));
  },
  setPaused: (paused) => set({ frozen: paused ? get().log.view.slice() : null }),
  clearView: () => {
    get().log.clear();
    set((s) => ({ logRevision: s.logRevision + 1, frozen: s.frozen ? [] : null }));
  },
});
