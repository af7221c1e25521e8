/**
 * Reads a session log (JSON Lines) for read-only viewing: entries in order, their
 * delivery updates applied, echoes left out as in the live view. A last line cut
 * short by a crash is tolerated; anything else broken is reported by line.
 */
import type { Delivery, LogEntry } from '../../electron/contract';
import { t } from '../i18n';

export interface ParsedLog {
  entries: LogEntry[];
  truncated: boolean;
}

export function parseSessionLog(text: string): ParsedLog {
  const lines = text.split('\n');
  const entries: LogEntry[] = [];
  const byId = new Map<number, LogEntry>();
  let truncated = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      if (i === lines.length - 1 || lines.slice(i + 1).every((l) => !l.trim())) {
        truncated = true;
        break;
      }
      throw new Error(t('openLog.notJson', { line: i + 1 }));
    }
    if (typeof record.update === 'number') {
      const target = byId.get(record.update);
      if (target) {
        target.delivery = record.delivery as Delivery;
        if (typeof record.rtt === 'number') target.rtt = record.rtt;
      }
      continue;
    }
    if (typeof record.id !== 'number' || typeof record.text !== 'string' || typeof record.dir !== 'string') {
      throw new Error(t('openLog.notEntry', { line: i + 1 }));
    }
    if (record.echoOf !== undefined) continue;
    const entry = record as unknown as LogEntry;
    entries.push(entry);
    if (entry.delivery === 'pending') byId.set(entry.id, entry);
  }
  return { entries, truncated };
}
