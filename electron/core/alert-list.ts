/**
 * The alerts about agents no UI has dismissed yet, so a window opened later, or reloaded, still
 * shows them. "Not answering" ends by itself when the agent answers again or leaves.
 */
import type { AgentAlert, ChangeResult } from '../../common/agents.js';
import type { Reason } from '../../common/problems.js';

const KEPT = 20;

export class AlertList {
  private alerts: AgentAlert[] = [];

  raise(alert: AgentAlert): void {
    this.alerts = this.alerts.filter((a) => !(a.agentId === alert.agentId && a.kind === 'silent'));
    if (alert.kind !== 'back') this.alerts = [...this.alerts, alert].slice(-KEPT);
  }

  /** The operator dismissed it: later windows and reloads no longer show it. */
  dismiss(agentId: number, at: number): ChangeResult {
    const before = this.alerts.length;
    this.alerts = this.alerts.filter((a) => !(a.agentId === agentId && a.at === at));
    return this.alerts.length < before ? { ok: true } : { ok: false, problem: { key: 'agentGone', agentId } };
  }

  list(): AgentAlert[] {
    return this.alerts;
  }
}

/** An alert about an agent, raised now. */
export function agentAlert(agentId: number, kind: AgentAlert['kind'], name?: string, reason?: Reason): AgentAlert {
  return { agentId, kind, at: Date.now(), ...(name ? { name } : {}), ...(reason ? { reason } : {}) };
}
