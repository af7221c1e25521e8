import type { StateCreator } from 'zustand';
import type { PeriodicJob, ServerStatus, SessionInfo, Settings, Snapshot } from '../../common/contract';
import type { PanelState } from '.';

export type CoreLink = 'connecting' | 'up' | 'down';

export interface ConnectionSlice {
  status: ServerStatus | null;
  sessions: SessionInfo[];
  settings: Settings | null;
  logFile: string;
  hostKind: Snapshot['host'] | null;
  /** The renderer's own link to the core (only ever down in browser mode). */
  coreLink: CoreLink;
  /** Periodic messages running in the core. */
  periodic: PeriodicJob[];
  setPeriodic(jobs: PeriodicJob[]): void;
  setStatus(status: ServerStatus): void;
  setSessions(sessions: SessionInfo[]): void;
  setSettings(settings: Settings): void;
  setCoreLink(link: CoreLink): void;
}

export const createConnectionSlice: StateCreator<PanelState, [], [], ConnectionSlice> = (set) => ({
  status: null,
  sessions: [],
  settings: null,
  logFile: '',
  hostKind: null,
  coreLink: 'connecting',
  periodic: [],
  setPeriodic: (periodic) => set({ periodic }),
  setStatus: (status) => set({ status }),
  setSessions: (sessions) =>
    set((s) => {
      /* A target that left falls back to "all", so Send never aims at a ghost. */
      const target = s.target !== 'all' && !sessions.some((x) => x.id === s.target) ? 'all' : s.target;
      const everMulti = s.everMulti || sessions.length > 1 || sessions.some((x) => x.id > 1);
      return { sessions, target, everMulti };
    }),
  setSettings: (settings) => set({ settings }),
  setCoreLink: (coreLink) => set({ coreLink }),
});
