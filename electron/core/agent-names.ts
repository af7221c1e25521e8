/** The operator's names for agents, kept in the settings by the path each agent connects to. */
import { agentNameOk } from '../../common/agent-names.js';
import type { AgentInfo, ChangeResult } from '../../common/agents.js';

export interface AgentNamesHost {
  names(): Record<string, string>;
  save(names: Record<string, string>): void;
  /** The path a connected agent came in on. */
  pathOf(agentId: number): string | undefined;
  /** The agents' names changed: the list goes out again. */
  changed(): void;
}

export class AgentNames {
  constructor(private readonly host: AgentNamesHost) {}

  /** The agent as the UI shows it: the operator's name for its path over the one the path gave. */
  decorate(info: AgentInfo): AgentInfo {
    const name = this.host.names()[info.path];
    return name ? { ...info, name } : info;
  }

  /** Names the agent, and every later one on its path; '' gives the path's own name back. */
  rename(agentId: number, name: string): ChangeResult {
    const path = this.host.pathOf(agentId);
    if (path === undefined) return { ok: false, problem: { key: 'agentGone', agentId } };
    const wanted = name.trim();
    if (wanted !== '' && !agentNameOk(wanted))
      return { ok: false, problem: { key: 'setting', setting: 'agentNames', problem: { code: 'agent-name' } } };
    const names = { ...this.host.names() };
    if (wanted === '') delete names[path];
    else names[path] = wanted;
    this.host.save(names);
    this.host.changed();
    return { ok: true };
  }
}
