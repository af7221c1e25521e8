/**
 * The rules for sending: composed text is checked line by line before any is sent, a target is
 * one agent or all of them, and every line goes out through the proxy (which keeps the panel's
 * own frames out of the middle of the dialogue server's) and into the log.
 */
import type { SendResult, SendTo, Target } from '../../common/agents.js';
import type { Problem } from '../../common/problems.js';
import type { AgentServer } from './agent-server.js';
import type { AvatarControl } from './avatar-control.js';
import type { MessageLog } from './message-log.js';
import { splitCompose, wireLine } from './protocol.js';
import type { AgentProxy } from './proxy.js';

export interface OutboxHost {
  server: AgentServer;
  proxy: AgentProxy;
  log: MessageLog;
  avatar: AvatarControl;
  sent(): void;
}

export class Outbox {
  constructor(private readonly host: OutboxHost) {}

  targetIds(target: Target): number[] {
    return target === 'all' ? this.host.server.list().map((s) => s.agentId) : [target];
  }

  /** Why nothing can go to `target`, or null: no agent at all, or that one has left. */
  targetProblem(target: Target): Problem | null {
    if (this.host.server.count() === 0) return { key: 'noAgent' };
    if (target !== 'all' && !this.host.server.has(target)) return { key: 'agentGone', agentId: target };
    return null;
  }

  /** Composed lines, checked by the protocol rules, to agents or (proxy mode) to their dialogue server as them. */
  send(target: Target, text: string, to: SendTo = 'agent'): SendResult {
    const parsed = splitCompose(text);
    if (!parsed.ok) return parsed;
    const problem = this.targetProblem(target);
    if (problem) return { ok: false, problem };
    const agentIds = this.targetIds(target);
    if (to === 'server') return this.host.proxy.sendToServer(agentIds, parsed.lines);
    for (const agentId of agentIds) for (const line of parsed.lines) this.sendLine(agentId, line);
    return { ok: true, lines: parsed.lines.length, agents: agentIds.length };
  }

  /** A line already logged, sent again (a held face's resend): not logged each time. */
  resend(agentId: number, line: string): boolean {
    return this.host.proxy.toAgent(agentId, wireLine(line), false);
  }

  /** One checked line to one agent, logged; `__AV_*` lines keep the audio preamble state true. */
  sendLine(agentId: number, line: string): boolean {
    if (!this.host.proxy.toAgent(agentId, wireLine(line), false)) return false;
    this.host.log.outgoing(agentId, line);
    this.host.avatar.note(agentId, line);
    this.host.sent();
    return true;
  }
}
