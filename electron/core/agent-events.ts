/** What the agent server tells the services that handle agents: each is told about every agent. */
import type { AgentInfo } from '../../common/agents.js';
import type { Reason } from '../../common/problems.js';

export interface AgentServerHandlers {
  onOpen(agent: AgentInfo): void;
  /** Every frame as received, before it is split into lines (proxy mode forwards it from here). */
  onFrame?(agent: AgentInfo, data: Buffer, isBinary: boolean): void;
  onLine(agent: AgentInfo, line: string): void;
  onBinary(agent: AgentInfo, length: number, preview: string): void;
  onClose(agent: AgentInfo, why: Reason): void;
  onResponsive(agent: AgentInfo, responsive: boolean): void;
  onRejected(why: Reason, remote: string): void;
}

/** Until the services that handle agents are attached (the server is not listening yet). */
export const NO_HANDLERS: AgentServerHandlers = {
  onOpen: () => undefined,
  onLine: () => undefined,
  onBinary: () => undefined,
  onClose: () => undefined,
  onResponsive: () => undefined,
  onRejected: () => undefined,
};
