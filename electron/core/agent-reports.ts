/**
 * What each agent's own log says about it (`Plugin_Remote_AllLog=true`): how many Error and
 * Warning lines it reported since it connected, and which of its lines were not messages, so
 * message counts and the rate count messages rather than the receipts around them.
 */
import type { AgentInfo } from '../../common/agents.js';
import type { LogEntry } from '../../common/log.js';

interface Counts {
  errors: number;
  warnings: number;
  /** Captured, Status, Warning and Error lines: the agent's log, not its messages. */
  notMessages: number;
}

export class AgentReports {
  private readonly counts = new Map<number, Counts>();

  /** Counts one incoming entry; returns the message it carries for the scene to learn from, or null. */
  note(agentId: number, entry: LogEntry): string | null {
    const agent = entry.agent;
    if (!agent) return entry.text;
    if (agent.level === 'Sent') return agent.text;
    let c = this.counts.get(agentId);
    if (!c) this.counts.set(agentId, (c = { errors: 0, warnings: 0, notMessages: 0 }));
    c.notMessages++;
    if (agent.level === 'Error') c.errors++;
    else if (agent.level === 'Warning') c.warnings++;
    return null;
  }

  /** The session as the UI sees it: messages only, with the agent's error and warning counts. */
  decorate(info: AgentInfo): AgentInfo {
    const c = this.counts.get(info.agentId);
    return c ? { ...info, messagesIn: info.messagesIn - c.notMessages, errors: c.errors, warnings: c.warnings } : info;
  }

  forget(agentId: number): void {
    this.counts.delete(agentId);
  }
}
