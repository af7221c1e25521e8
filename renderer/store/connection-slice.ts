import type { StateCreator } from 'zustand';
import type { AgentAlert, PeriodicJob, ServerStatus, AgentInfo } from '../../common/agents';
import { agentLabel } from '../../common/agent-names';
import type { Snapshot } from '../../common/contract';
import type { Settings } from '../../common/settings';
import type { StoreState } from '.';

export type CoreLink = 'connecting' | 'up' | 'down';

export interface ConnectionSlice {
  status: ServerStatus | null;
  agents: AgentInfo[];
  /**
   * What named agents are called on screen (`left`, or `left #4` while two connected agents share
   * it), kept after they leave so their log rows keep it. Unnamed agents are `#agentId`.
   */
  agentLabels: Record<number, string>;
  /** The last name of each agent this run (the labels are made from these). */
  agentNames: Record<number, string>;
  /** Agents that left or stopped answering, until the operator dismisses them (newest last). */
  alerts: AgentAlert[];
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
  /** `back` takes the agent's "not answering" alert away; the others stay until dismissed. */
  addAlert(alert: AgentAlert): void;
  dismissAlert(alert: AgentAlert): void;
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
  agentLabels: {},
  agentNames: {},
  alerts: [],
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
      const named = namesAfter(s.agentNames, agents);
      const labels = named === s.agentNames && sameIds(s.agents, agents) ? s.agentLabels : labelsOf(named, agents);
      const agentLabels = shallowEqual(labels, s.agentLabels) ? s.agentLabels : labels;
      /* An agent that answers again, or came back, is no longer "not answering". */
      const alerts = s.alerts.filter(
        (x) => x.kind !== 'silent' || agents.some((a) => a.agentId === x.agentId && !a.responsive),
      );
      return {
        agents,
        target,
        everMulti,
        agentNames: named,
        agentLabels,
        ...(alerts.length !== s.alerts.length ? { alerts } : {}),
      };
    }),
  addAlert: (alert) =>
    set((s) => {
      const others = s.alerts.filter((x) => !(x.agentId === alert.agentId && x.kind === 'silent'));
      if (alert.kind === 'back') return others.length === s.alerts.length ? {} : { alerts: others };
      return { alerts: [...others, alert].slice(-20) };
    }),
  dismissAlert: (alert) => set((s) => ({ alerts: s.alerts.filter((x) => x !== alert) })),
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

/** The names after this list: new names added, a name taken away ('' rename) removed; the same object when nothing changed. */
function namesAfter(names: Record<number, string>, agents: AgentInfo[]): Record<number, string> {
  if (agents.every((a) => names[a.agentId] === a.name)) return names;
  const next = { ...names };
  for (const a of agents) {
    if (a.name) next[a.agentId] = a.name;
    else delete next[a.agentId];
  }
  return next;
}

function labelsOf(names: Record<number, string>, agents: AgentInfo[]): Record<number, string> {
  const count = new Map<string, number>();
  for (const a of agents) if (a.name) count.set(a.name, (count.get(a.name) ?? 0) + 1);
  const connected = new Set(agents.map((a) => a.agentId));
  const labels: Record<number, string> = {};
  for (const [id, name] of Object.entries(names))
    labels[Number(id)] = agentLabel(Number(id), name, connected.has(Number(id)) && (count.get(name) ?? 0) > 1);
  return labels;
}

const sameIds = (a: AgentInfo[], b: AgentInfo[]): boolean =>
  a.length === b.length && a.every((x, i) => x.agentId === b[i]!.agentId);

function shallowEqual(a: Record<number, string>, b: Record<number, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[Number(k)] === b[Number(k)]);
}
