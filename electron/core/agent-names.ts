/**
 * The operator's names for agents. An agent that came in below the listening path keeps its name
 * for that path, in the settings, so the same MMDAgent-EX is named again when it reconnects. One on
 * the listening path itself shares that path with every unnamed agent, so its name is its own, for
 * as long as it stays connected.
 */
import { agentNameOk } from '../../common/agent-names.js';
import type { AgentInfo, ChangeResult } from '../../common/agents.js';

/** Paths remembered at most; the oldest rename goes first. */
export const NAMES_KEPT = 500;

export interface AgentNamesHost {
  names(): Record<string, string>;
  save(names: Record<string, string>): void;
  /** The path a connected agent came in on. */
  pathOf(agentId: number): string | undefined;
  /** Where the panel listens now. */
  listeningPath(): string;
  /** The agents' names changed: the list goes out again. */
  changed(): void;
}

export class AgentNames {
  /** Names of agents on the listening path itself, by agentId, while they are connected. */
  private readonly ownNames = new Map<number, string>();

  constructor(private readonly host: AgentNamesHost) {}

  /** The agent as the UI shows it: the operator's name over the one its path gave. */
  decorate(info: AgentInfo): AgentInfo {
    const name = this.ownNames.get(info.agentId) ?? this.host.names()[info.path];
    return name ? { ...info, name } : info;
  }

  /** Names the agent (and, below the listening path, every later one on its path); '' gives the path's own name back. */
  rename(agentId: number, name: string): ChangeResult {
    const path = this.host.pathOf(agentId);
    if (path === undefined) return { ok: false, problem: { key: 'agentGone', agentId } };
    const wanted = name.trim();
    if (wanted !== '' && !agentNameOk(wanted))
      return { ok: false, problem: { key: 'setting', setting: 'agentNames', problem: { code: 'agent-name' } } };
    if (path === this.host.listeningPath()) {
      if (wanted === '') this.ownNames.delete(agentId);
      else this.ownNames.set(agentId, wanted);
    } else {
      const names = { ...this.host.names() };
      delete names[path];
      if (wanted !== '') names[path] = wanted;
      const paths = Object.keys(names);
      for (const old of paths.slice(0, Math.max(0, paths.length - NAMES_KEPT))) delete names[old];
      this.host.save(names);
    }
    this.host.changed();
    return { ok: true };
  }

  /** The agent left: a name it had for itself goes with it. */
  forget(agentId: number): void {
    this.ownNames.delete(agentId);
  }
}
