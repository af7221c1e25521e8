import type { StateCreator } from 'zustand';
import type { LogBatch, LogEntry, LogFilters, LogWire } from '../../common/log';
import { encodeLogBatch } from '../../common/log-wire';
import { LogBuffer } from '../log/log-buffer';
import { RENDER_PACE, RenderPacer } from '../log/render-pacer';
import { EMPTY_VIEW, type LogView } from '../log/log-view';
import { NO_FILTERS, buildFilter, type IdRange } from '../log/log-filter';
import type { Words } from '../i18n';
import { OpenLogError, parseSessionLog } from '../log/open-log';
import type { StoreState } from '.';

/** A filter that takes longer than this over the window is too slow to keep applying. */
const SLOW_FILTER_MS = 1000;

export interface LogSlice {
  /** Stable object; components re-render on `logRevision`. */
  log: LogBuffer;
  logRevision: number;
  /** Bumped by every batch, drawn or not yet (the log is redrawn at most every 25 ms, every 50 in a flood). */
  logArrived: number;
  /** The remembered filters (saved in settings), and the session filter (not saved: ids restart). */
  filters: LogFilters;
  filterAgent: number | 'all';
  /** Matches to mark in rows, and a regular expression that did not compile. */
  highlight: RegExp | null;
  filterError: Words | null;
  /** The row whose details are shown. */
  selectedId: number | null;
  /** While paused, the view shows this frozen copy; recording goes on. */
  frozen: LogView | null;
  /** The last id when the view was paused, so a filter change re-cuts the frozen view. */
  frozenAt: number;
  /** True once entries from more than one session have been seen. */
  everMulti: boolean;
  /** A previous session's log opened read-only; the live log keeps recording meanwhile. */
  viewing: { name: string; log: LogBuffer; truncated: boolean } | null;
  /** Opens a session log's text for viewing; returns why it cannot be, or null. */
  openLog(name: string, text: string): Words | null;
  closeViewing(): void;
  appendBatch(batch: LogBatch): void;
  /** A batch as the core sends it (columns), kept as columns. */
  appendWire(wire: LogWire): void;
  /** Marks where entries were not delivered to this view (the disk log has them). */
  markGap(dropped: number): void;
  setFilters(patch: Partial<LogFilters>): void;
  setFilterAgent(agentId: number | 'all'): void;
  /** The log shows one trial of `trials` only, or every entry (null). */
  setFilterTrial(index: number | null): void;
  select(id: number | null): void;
  setPaused(paused: boolean): void;
  clearView(): void;
}

/**
 * Tests a window's older rows against a new filter a slice at a time, yielding between slices so
 * the page keeps drawing and taking batches; the view re-renders once all are in.
 */
function filterInSlices(
  log: LogBuffer,
  set: (fn: (s: StoreState) => Partial<StoreState>) => void,
  get: () => StoreState,
): void {
  const generation = log.filterGeneration;
  const step = (): void => {
    if (log.filterGeneration !== generation) return;
    if (log.filterMore()) return void setTimeout(step, 0);
    set((s) => ({
      logRevision: s.logRevision + 1,
      frozen: s.frozen && log === get().log ? log.view.freeze(s.frozenAt) : s.frozen,
    }));
  };
  setTimeout(step, 0);
}

/** The ids of the trial the log is filtered to, if any. */
function trialRange(s: StoreState): IdRange | null {
  const trial = s.filterTrial === null ? undefined : s.trials[s.filterTrial];
  return trial ? { from: trial.startId, to: trial.endId } : null;
}

export const createLogSlice: StateCreator<StoreState, [], [], LogSlice> = (set, get) => {
  const pacer = new RenderPacer(() => set((s) => ({ logRevision: s.logRevision + 1 })), RENDER_PACE);
  return {
    log: new LogBuffer(),
    logRevision: 0,
    logArrived: 0,
    filters: NO_FILTERS,
    filterAgent: 'all',
    highlight: null,
    filterError: null,
    selectedId: null,
    frozen: null,
    frozenAt: 0,
    everMulti: false,
    viewing: null,
    openLog: (name, text) => {
      let parsed;
      try {
        parsed = parseSessionLog(text);
      } catch (error) {
        return {
          key: 'openLog.failed',
          params: { name, problem: error instanceof OpenLogError ? error.words : { raw: (error as Error).message } },
        };
      }
      const log = new LogBuffer(Math.max(parsed.entries.length, 1));
      log.setFilter(buildFilter(get().filters, get().filterAgent, trialRange(get())).filter);
      log.append(parsed.entries);
      set((s) => ({
        viewing: { name, log, truncated: parsed.truncated },
        everMulti: s.everMulti || parsed.entries.some((e) => (e.agentId ?? 0) > 1),
        logRevision: s.logRevision + 1,
      }));
      return null;
    },
    closeViewing: () => set((s) => ({ viewing: null, logRevision: s.logRevision + 1 })),
    appendBatch: (batch) => {
      const wire = encodeLogBatch(batch.entries, batch.updates);
      if (wire) get().appendWire(wire);
    },
    appendWire: (wire) => {
      const { log } = get();
      const added = log.appendWire(wire);
      const changed = log.update(wire.updates);
      if (added === 0 && !changed) return;
      const multi = get().everMulti || wire.agentId.some((s, i) => i % 2 === 1 && s !== null && s > 1);
      const redraw = pacer.rows(added);
      set((s) => ({
        logArrived: s.logArrived + 1,
        everMulti: multi,
        ...(redraw ? { logRevision: s.logRevision + 1 } : {}),
      }));
    },
    markGap: (dropped) => {
      const { log } = get();
      const marker: LogEntry = {
        /* Between the last id held and the next whole one, which the next real entry will have. */
        id: log.lastId + (1 - (log.lastId % 1)) / 2,
        t: Date.now(),
        dir: 'sys',
        agentId: null,
        kind: 'error',
        type: 'GAP',
        /* Exports and the text filter read `text`; like the core's notices, it is English (the screen words `msg`). */
        text: `${dropped} messages not shown here: this view fell behind.`,
        msg: { key: 'viewGap', params: { n: dropped } },
      };
      get().appendBatch({ entries: [marker], updates: [] });
    },
    setFilters: (patch) => {
      let filters = { ...get().filters, ...patch };
      let built = buildFilter(filters, get().filterAgent, trialRange(get()));
      const started = performance.now();
      const tested = get().log.setFilter(built.filter);
      /* Judged on the rows tested at once, as if they were the whole window. */
      const took = tested > 0 ? ((performance.now() - started) * get().log.size) / tested : 0;
      let slow: Words | null = null;
      /* A regular expression that backtracks badly would freeze the window on every new row: turn it off and say why. */
      if (took > SLOW_FILTER_MS && filters.regex && filters.text) {
        slow = { key: 'log.slowRegex', params: { ms: Math.round(took) } };
        filters = { ...filters, text: '' };
        built = buildFilter(filters, get().filterAgent, trialRange(get()));
        get().log.setFilter(built.filter);
      }
      get().viewing?.log.setFilter(built.filter);
      set((s) => ({
        filters,
        highlight: built.highlight,
        filterError: slow ?? (built.error ? { key: 'log.badRegex', params: { error: built.error } } : null),
        logRevision: s.logRevision + 1,
        frozen: s.frozen ? get().log.view.freeze(s.frozenAt) : null,
      }));
      for (const log of [get().log, get().viewing?.log]) if (log?.filtering) filterInSlices(log, set, get);
    },
    setFilterAgent: (filterAgent) => {
      set({ filterAgent });
      get().setFilters({});
    },
    setFilterTrial: (filterTrial) => {
      set({ filterTrial });
      get().setFilters({});
    },
    select: (selectedId) => set({ selectedId }),
    setPaused: (paused) => set({ frozen: paused ? get().log.view.freeze() : null, frozenAt: get().log.lastId }),
    clearView: () => {
      get().log.clear();
      set((s) => ({ logRevision: s.logRevision + 1, frozen: s.frozen ? EMPTY_VIEW : null }));
    },
  };
};
