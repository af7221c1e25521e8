/** A log entry for renderer tests: an incoming line from agent #1 unless told otherwise. */
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
