/** A log entry for renderer tests: an incoming line from agent #1 unless told otherwise. */
import type { AgentInfo } from '../../common/agents.js';
import type { LogEntry } from '../../common/log.js';

export const entry = (id: number, text: string, extra: Partial<LogEntry> = {}): LogEntry => ({
  id,
  t: 0,
  dir: 'in',
  agentId: 1,
  kind: 'event',
  type: text.split('|')[0]!,
  text,
  ...extra,
});

/** A connected agent as the core reports it: an MMDAgent-EX on loopback, answering pings. */
export const agentInfo = (agentId: number, extra: Partial<AgentInfo> = {}): AgentInfo => ({
  agentId,
  remoteAddress: '127.0.0.1',
  remotePort: 5000,
  path: '/chat',
  isMMDAgent: true,
  connectedAt: 0,
  messagesIn: 0,
  messagesOut: 0,
  responsive: true,
  ...extra,
});
