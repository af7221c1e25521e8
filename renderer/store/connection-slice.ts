import type { StateCreator } from 'zustand';
import type { PeriodicJob, ServerStatus, AgentInfo } from '../../common/agents';
import type { Snapshot } from '../../common/contract';
import type { Settings } from '../../common/settings';
import type { StoreState } from '.';

export type CoreLink = 'connecting' | 'up' | 'down';

export interface ConnectionSlice {
  status: ServerStatus | null;
  agents: AgentInfo[];
  settings: Settings | null;
  /** Changes this window made that the core has not answered yet: settings from the core, which may predate them, do not undo them. */
  settingsPending: Partial<Settings>;
  logFile: string;
  hostKind: Snapshot['host'] | null;
  /** The renderer's own link to the core (only ever down in browser mode). */
  coreLink: CoreLink;
  /** Periodic messages running in the core. */
  periodic: PeriodicJob[];
  setPeriodic(jobs: PeriodicJob[]): void;
  setStatus(status: ServerStatus): void;
  setAgents(agents: AgentInfo[]): void;
  setSettings(settings: Settings): void;
  /** Applies a change at once and holds it against older settings from the core until `settle`. */
  changeSettings(patch: Partial<Settings>): void;
  /** The core answered `patch`: stop holding it (a later change to the same field stays held). */
  settleSettings(patch: Partial<Settings>): void;
  setCoreLink(link: CoreLink): void;
}

export const createConnectionSlice: StateCreator<StoreState, [], [], ConnectionSlice> = (set) => ({
  status: null,
  agents: [],
  settings: null,
  settingsPending: {},
  logFile: '',
  hostKind: null,
  coreLink: 'connecting',
  periodic: [],
  setPeriodic: (periodic) => set({ periodic }),
  setStatus: (status) => set({ status }),
  setAgents: (agents) =>
    set((s) => {
      /* A target that left falls back to "all", so Send never aims at a ghost. */
      const target = s.target !== 'all' && !agents.some((x) => x.agentId === s.target) ? 'all' : s.target;
      const everMulti = s.everMulti || agents.length > 1 || agents.some((x) => x.agentId > 1);
      return { agents: agents, target, everMulti };
    }),
  setSettings: (settings) => set((s) => ({ settings: { ...settings, ...s.settingsPending } })),
  changeSettings: (patch) =>
    set((s) =>
      s.settings ? { settings: { ...s.settings, ...patch }, settingsPending: { ...s.settingsPending, ...patch } } : {},
    ),
  settleSettings: (patch) =>
    set((s) => {
      const pending: Partial<Record<keyof Settings, unknown>> = { ...s.settingsPending };
      for (const key of Object.keys(patch) as (keyof Settings)[]) if (pending[key] === patch[key]) delete pending[key];
      return { settingsPending: pending as Partial<Settings> };
    }),
  setCoreLink: (coreLink) => set({ coreLink }),
});
