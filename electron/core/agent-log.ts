/**
 * MMDAgent-EX's own log lines, which it sends instead of bare messages when its `.mdf` has
 * `Plugin_Remote_AllLog=true`: `[YYYY/MM/DD hh:mm:ss.mmm] [tick] Module: Level: text`. Recognised
 * per line, so both kinds may arrive from one agent (see docs/protocol.md).
 */
import type { AgentLogLevel, AgentLogLine } from '../../common/log.js';

const LINE =
  /^\[(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{3})\] \[(\d{1,12})\] ([A-Za-z0-9_.-]{1,64}): (Sent|Captured|Status|Warning|Error): ?(.*)$/s;

/** The line's parts, or null when it is not in that format (a bare message, or a look-alike). */
export function parseAgentLog(line: string): AgentLogLine | null {
  /* Almost every line is a bare message: one character decides before the pattern runs. */
  if (line.charCodeAt(0) !== 0x5b /* [ */) return null;
  const m = LINE.exec(line);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, ms, tick, module, level, text] = m as unknown as string[];
  if (
    !inRange(month!, 1, 12) ||
    !inRange(day!, 1, 31) ||
    !inRange(hour!, 0, 23) ||
    !inRange(minute!, 0, 59) ||
    !inRange(second!, 0, 59)
  )
    return null;
  return {
    time: `${year}/${month}/${day} ${hour}:${minute}:${second}.${ms}`,
    tick: Number(tick),
    module: module!,
    level: level as AgentLogLevel,
    text: text!,
  };
}

function inRange(digits: string, min: number, max: number): boolean {
  const n = Number(digits);
  return n >= min && n <= max;
}

/** Whether a level carries a message (`Sent`: a module emitted it; `Captured`: a module took it in). */
export function carriesMessage(level: AgentLogLevel): boolean {
  return level === 'Sent' || level === 'Captured';
}
