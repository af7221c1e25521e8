import type { StateCreator } from 'zustand';
import type { Words } from '../i18n';
import type { StoreState } from '.';

export type CueState = 'running' | 'done' | 'failed' | 'skipped' | 'stopped';

/** A trial as the session log marks it: its first and (once ended) last entry. */
export interface TrialRecord {
  participant: string;
  condition: string;
  show: string;
  startId: number;
  endId: number | null;
  startedAt: number;
}

export interface CuesSlice {
  /** The next cue (0-based) of the current show. */
  cueNext: number;
  /** What became of each cue in this run of the show, by index. */
  cueStates: Record<number, CueState>;
  /** The cue running now, and how far it got. */
  cueRunning: { index: number; step: number; total: number } | null;
  /** The agent the show runs against, chosen here (by its name when it has one). */
  showAgent: number | null;
  participant: string;
  condition: string;
  /** Values of the show's own slots for this trial. */
  slotValues: Record<string, string>;
  /** The trial going on, if any. */
  trial: TrialRecord | null;
  /** This window's trials, newest last, for the log's trial filter. */
  trials: TrialRecord[];
  /** The log shows one trial's entries only: its index in `trials`. */
  filterTrial: number | null;
  cuesMessage: { error: boolean; words: Words } | null;
  /** The cue being edited (index, or the end of the list for a new one). */
  editingCue: number | null;
  setCueNext(index: number): void;
  setCueState(index: number, state: CueState | null): void;
  resetCues(): void;
  setCueRunning(running: CuesSlice['cueRunning']): void;
  setShowAgent(agentId: number | null): void;
  setTrialField(field: 'participant' | 'condition', value: string): void;
  setSlotValue(slot: string, value: string): void;
  setTrial(trial: TrialRecord | null): void;
  setCuesMessage(message: CuesSlice['cuesMessage']): void;
  setEditingCue(index: number | null): void;
}

export const createCuesSlice: StateCreator<StoreState, [], [], CuesSlice> = (set) => ({
  cueNext: 0,
  cueStates: {},
  cueRunning: null,
  showAgent: null,
  participant: '',
  condition: '',
  slotValues: {},
  trial: null,
  trials: [],
  filterTrial: null,
  cuesMessage: null,
  editingCue: null,
  setCueNext: (cueNext) => set({ cueNext }),
  setCueState: (index, state) =>
    set((s) => {
      const cueStates = { ...s.cueStates };
      if (state === null) delete cueStates[index];
      else cueStates[index] = state;
      return { cueStates };
    }),
  resetCues: () => set({ cueNext: 0, cueStates: {}, cueRunning: null }),
  setCueRunning: (cueRunning) => set({ cueRunning }),
  setShowAgent: (showAgent) => set({ showAgent }),
  setTrialField: (field, value) => set({ [field]: value } as Pick<CuesSlice, typeof field>),
  setSlotValue: (slot, value) => set((s) => ({ slotValues: { ...s.slotValues, [slot]: value } })),
  setTrial: (trial) =>
    set((s) => {
      if (!trial) return { trial: null };
      /* A trial that ended replaces its running record; a new one is added. */
      const trials = s.trials.some((x) => x.startId === trial.startId)
        ? s.trials.map((x) => (x.startId === trial.startId ? trial : x))
        : [...s.trials, trial];
      return { trial: trial.endId === null ? trial : null, trials };
    }),
  setCuesMessage: (cuesMessage) => set({ cuesMessage }),
  setEditingCue: (editingCue) => set({ editingCue }),
});
