import { memo } from 'react';
import type { LogEntry } from '../../electron/contract';
import { clockTime } from '../format';

/** Direction glyphs; in proxy mode the column spells out both ends. */
export const DIRECTIONS: Record<LogEntry['dir'], { glyph: string; label: string; proxied: string }> = {
  in: { glyph: '←', label: 'from agent', proxied: 'agent → server' },
  out: { glyph: '→', label: 'to agent', proxied: 'panel → agent' },
  down: { glyph: '⇐', label: 'server → agent', proxied: 'server → agent' },
  up: { glyph: '⇒', label: 'panel → server', proxied: 'panel → server' },
  sys: { glyph: '•', label: 'panel', proxied: 'panel' },
};

/** One log line: time, direction, session, the type emphasised, then its arguments. */
export const LogRow = memo(function LogRow({ entry, showSession, proxy, revision }: { entry: LogEntry; showSession: boolean; proxy: boolean; revision: number }) {
  void revision;
  const arrow = DIRECTIONS[entry.dir];
  const label = proxy ? arrow.proxied : arrow.label;
  const rest = entry.dir === 'sys' || entry.binary !== undefined ? entry.text : entry.text.slice(entry.type.length);
  return (
    <div className={`row kind-${entry.kind} dir-${entry.dir}`} data-id={entry.id}>
      <span className="c-time">{clockTime(entry.t)}</span>
      <span className="c-dir" title={label} aria-label={label}>
        {proxy ? label : arrow.glyph}
      </span>
      {showSession && <span className="c-session">{entry.session === null ? '' : `#${entry.session}`}</span>}
      <span className="c-msg">
        {entry.dir === 'sys' ? (
          <span className="sys-text">{entry.text}</span>
        ) : entry.binary !== undefined ? (
          <>
            <span className="c-type">binary {entry.binary} B</span> <span className="hex">{rest}</span>
          </>
        ) : (
          <>
            <span className="c-type">{entry.type}</span>
            <span className="c-args">{rest}</span>
          </>
        )}
      </span>
      {entry.notForwarded && (
        <span className="c-delivery bad" title="The dialogue server was down, so this line did not reach it">
          not forwarded
        </span>
      )}
      {entry.delivery && <Delivery entry={entry} />}
    </div>
  );
});

function Delivery({ entry }: { entry: LogEntry }) {
  switch (entry.delivery) {
    case 'delivered':
      return <span className="c-delivery ok" title="MMDAgent-EX echoed this line">delivered {entry.rtt ?? 0} ms</span>;
    case 'pending':
      return <span className="c-delivery wait">sent…</span>;
    case 'no-echo':
      return <span className="c-delivery bad" title="MMDAgent-EX did not echo this line in time">no echo</span>;
    case 'sent':
      return <span className="c-delivery sent" title="Control lines are not echoed">sent</span>;
    default:
      return null;
  }
}
