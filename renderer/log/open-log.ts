/**
 * Reads a session log (JSON Lines) for read-only viewing: entries in order, their
 * delivery updates applied, echoes left out as in the live view. A last line cut
 * short by a crash is tolerated; anything else broken is reported by line.
 */
import type { AgentLogLine, Delivery, LogEntry } from '../../common/log';
import type { Words } from '../i18n';

const DIRS = new Set(['in', 'out', 'down', 'up', 'sys']);
const KINDS = new Set(['event', 'command', 'control', 'status', 'warning', 'error']);
const LEVELS = new Set(['Sent', 'Captured', 'Status', 'Warning', 'Error']);
const DELIVERIES = new Set(['sent', 'pending', 'delivered', 'no-echo', 'failed']);

/** Why a file is not a session log, kept as words for the UI to say. */
export class OpenLogError extends Error {
  constructor(readonly words: Words) {
    super('not a session log');
  }
}

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
      throw new OpenLogError({ key: 'openLog.notJson', params: { line: i + 1 } });
    }
    if (typeof record.update === 'number') {
      const target = byId.get(record.update);
      if (target) {
        target.delivery = record.delivery as Delivery;
        if (typeof record.rtt === 'number') target.rtt = record.rtt;
        if (typeof record.failure === 'string') target.failure = record.failure;
      }
      continue;
    }
    if (
      typeof record.id !== 'number' ||
      typeof record.text !== 'string' ||
      typeof record.dir !== 'string' ||
      !DIRS.has(record.dir)
    ) {
      throw new OpenLogError({ key: 'openLog.notEntry', params: { line: i + 1 } });
    }
    if (record.echoOf !== undefined) continue;
    /* Only known fields of the right kind reach the view: a foreign or damaged file cannot break rendering. */
    const entry: LogEntry = {
      id: record.id,
      t: typeof record.t === 'number' ? record.t : 0,
      dir: record.dir as LogEntry['dir'],
      /* Logs written before the field was named agentId call it session. */
      agentId:
        typeof record.agentId === 'number'
          ? record.agentId
          : typeof record.session === 'number'
            ? record.session
            : null,
      kind: typeof record.kind === 'string' && KINDS.has(record.kind) ? (record.kind as LogEntry['kind']) : 'event',
      type: typeof record.type === 'string' ? record.type : record.text.split('|')[0]!,
      text: record.text,
      ...(typeof record.binary === 'number' ? { binary: record.binary } : {}),
      ...(typeof record.delivery === 'string' && DELIVERIES.has(record.delivery)
        ? { delivery: record.delivery as Delivery }
        : {}),
      ...(typeof record.rtt === 'number' ? { rtt: record.rtt } : {}),
      ...(typeof record.failure === 'string' ? { failure: record.failure } : {}),
      ...(record.notForwarded === true ? { notForwarded: true as const } : {}),
      ...(agentLine(record.agent) ?? {}),
    };
    entries.push(entry);
    if (entry.delivery === 'pending') byId.set(entry.id, entry);
  }
  return { entries, truncated };
}

/** The parsed agent-log fields, kept only when every one has the right kind. */
function agentLine(value: unknown): { agent: AgentLogLine } | null {
  if (!value || typeof value !== 'object') return null;
  const a = value as Record<string, unknown>;
  const ok =
    typeof a.time === 'string' &&
    typeof a.tick === 'number' &&
    typeof a.module === 'string' &&
    typeof a.level === 'string' &&
    LEVELS.has(a.level) &&
    typeof a.text === 'string';
  return ok
    ? {
        agent: {
          time: a.time as string,
          tick: a.tick as number,
          module: a.module as string,
          level: a.level as AgentLogLine['level'],
          text: a.text as string,
        },
      }
    : null;
}
