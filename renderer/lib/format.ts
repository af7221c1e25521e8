/** Small presentation helpers shared by components. */
import type { ServerStatus } from '../../common/agents';
import type { LogEntry } from '../../common/log';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** One formatter for every count on screen: `Number#toLocaleString` builds one per call (about 15 µs in Chromium, against under 1), and the log's count is drawn with every batch. */
const counts = new Intl.NumberFormat();

/** `n` with the system's digit grouping, as `n.toLocaleString()` writes it. */
export function formatCount(n: number): string {
  return counts.format(n);
}

export { clockTime } from '../../common/clock-time';

/** The .mdf lines that point MMDAgent-EX at this panel. */
export interface MdfOptions {
  /** `Plugin_Remote_AllLog=true`: the agent sends its whole log (errors, warnings, scenario steps). */
  allLog?: boolean;
  /** `http_server=false`: turns off MMDAgent-EX's HTTP command server (0.0.0.0:50000 by default). */
  httpOff?: boolean;
  /** The agent's name: one more path segment, which the panel shows it by. */
  name?: string;
}

export function mdfSnippet(
  status: ServerStatus,
  thisComputer = '<this computer’s address>',
  options: MdfOptions = {},
): string {
  const host = status.host === '0.0.0.0' || status.host === '::' ? thisComputer : status.host;
  return [
    `Plugin_Remote_Websocket_Host=${host}`,
    `Plugin_Remote_Websocket_Port=${status.port}`,
    `Plugin_Remote_Websocket_Directory=${options.name ? `${status.path.replace(/\/$/, '')}/${encodeURIComponent(options.name)}` : status.path}`,
    'Plugin_Remote_RetryCount=100000',
    ...(options.allLog ? ['Plugin_Remote_AllLog=true'] : []),
    ...(options.httpOff ? ['http_server=false'] : []),
  ].join('\n');
}

/** Export formats: `.txt` is the log as on the wire, `.jsonl` keeps every field. */
export function exportText(entries: readonly LogEntry[], format: 'txt' | 'jsonl'): string {
  if (format === 'jsonl') return entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
  return entries.map((e) => e.text).join('\n') + (entries.length ? '\n' : '');
}

export function exportName(format: 'txt' | 'jsonl', now = new Date()): string {
  return `remote-panel-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}.${format}`;
}
