import { memo } from 'react';
import type { LogEntry } from '../../common/log';
import { assertNever } from '../../common/assert-never';
import { clockTime } from '../lib/format';
import { translate, translator, type AgentLabels, type Lang, type MessageKey } from '../i18n';
import { noticeText } from '../i18n/notices';
import { highlightParts } from '../log/log-filter';

/** Direction glyphs; in proxy mode the column spells out both ends. */
export const DIRECTIONS: Record<LogEntry['dir'], { glyph: string; label: MessageKey; proxied: MessageKey }> = {
  in: { glyph: '←', label: 'dir.in', proxied: 'dir.inProxied' },
  out: { glyph: '→', label: 'dir.out', proxied: 'dir.outProxied' },
  down: { glyph: '⇐', label: 'dir.down', proxied: 'dir.down' },
  up: { glyph: '⇒', label: 'dir.up', proxied: 'dir.up' },
  sys: { glyph: '•', label: 'dir.sys', proxied: 'dir.sys' },
};

/** The words for a direction: in proxy mode both ends are named. */
export function directionKey(dir: LogEntry['dir'], proxy: boolean): MessageKey {
  return proxy ? DIRECTIONS[dir].proxied : DIRECTIONS[dir].label;
}

export interface LogRowProps {
  entry: LogEntry;
  /** Where the row sits in the list, px (rows are positioned, so only new ones are laid out). */
  top: number;
  showAgent: boolean;
  proxy: boolean;
  /** Bumped so a delivery change re-renders the row. */
  revision: number;
  lang: Lang;
  /** Named agents' labels, for the agent column and the notices. */
  labels: AgentLabels;
  highlight: RegExp | null;
  selected: boolean;
  onSelect(id: number): void;
}

function Marked({ text, re }: { text: string; re: RegExp | null }) {
  return <>{highlightParts(text, re).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

/** One log line: time, direction, session, the type emphasised, then its arguments. Click selects it. */
export const LogRow = memo(function LogRow({
  entry,
  top,
  showAgent,
  proxy,
  revision,
  lang,
  labels,
  highlight,
  selected,
  onSelect,
}: LogRowProps) {
  void revision;
  const arrow = DIRECTIONS[entry.dir];
  const label = translate(lang, directionKey(entry.dir, proxy));
  /* Summaries (an audio stream from the dialogue server) carry words, not a message: shown whole, in the UI's language. */
  const summary = entry.dir !== 'sys' && entry.msg !== undefined;
  const rest =
    entry.dir === 'sys' || entry.binary !== undefined
      ? entry.text
      : summary
        ? ` ${noticeText(entry, translator(lang, labels), lang)}`
        : (agentRest(entry) ?? entry.text.slice(entry.type.length));
  const captured = entry.agent?.level === 'Captured';
  return (
    <div
      className={`row kind-${entry.kind} dir-${entry.dir}${captured ? ' captured' : ''}${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-id={entry.id}
      data-selected={selected || undefined}
      onClick={() => onSelect(entry.id)}
    >
      <span className="c-time">{clockTime(entry.t)}</span>
      <span className="c-dir" title={label} aria-label={label}>
        {proxy ? label : arrow.glyph}
      </span>
      {showAgent && (
        <span className="c-agent">{entry.agentId === null ? '' : (labels[entry.agentId] ?? `#${entry.agentId}`)}</span>
      )}
      <span className="c-msg">
        {entry.dir === 'sys' ? (
          <span className="sys-text">
            <Marked text={noticeText(entry, translator(lang, labels), lang)} re={highlight} />
          </span>
        ) : entry.binary !== undefined ? (
          <>
            <span className="c-type">{translate(lang, 'row.binary', { n: entry.binary })}</span>{' '}
            <span className="hex">{rest}</span>
          </>
        ) : (
          <>
            {entry.agent && (
              <span
                className="c-module"
                title={translate(lang, 'row.moduleTitle', { module: entry.agent.module, level: entry.agent.level })}
              >
                {entry.agent.module}
                {entry.agent.level === 'Captured' ? ` ${translate(lang, 'row.captured')}` : ''}
              </span>
            )}
            <span className="c-type">
              <Marked text={entry.type} re={highlight} />
            </span>
            <span className="c-args">
              <Marked text={rest} re={highlight} />
            </span>
          </>
        )}
      </span>
      {entry.notForwarded && (
        <span className="c-delivery bad" title={translate(lang, 'row.notForwardedTitle')}>
          {translate(lang, 'row.notForwarded')}
        </span>
      )}
      {entry.delivery && <Delivery entry={entry} lang={lang} />}
    </div>
  );
});

/** For a line of the agent's own log: its message's arguments, or its words (Status, Warning, Error). */
function agentRest(entry: LogEntry): string | null {
  const agent = entry.agent;
  if (!agent) return null;
  return agent.level === 'Sent' || agent.level === 'Captured' ? agent.text.slice(entry.type.length) : `: ${agent.text}`;
}

function Delivery({ entry, lang }: { entry: LogEntry; lang: Lang }) {
  switch (entry.delivery) {
    case 'delivered':
      return (
        <span className="c-delivery ok" title={translate(lang, 'row.deliveredTitle')}>
          {translate(lang, 'row.delivered', { ms: entry.rtt ?? 0 })}
        </span>
      );
    case 'failed':
      return (
        <span className="c-delivery bad" title={translate(lang, 'row.failedTitle', { reason: entry.failure ?? '' })}>
          {translate(lang, 'row.failed', { reason: entry.failure ?? '' })}
        </span>
      );
    case 'pending':
      return <span className="c-delivery wait">{translate(lang, 'row.pending')}</span>;
    case 'no-echo':
      return (
        <span className="c-delivery bad" title={translate(lang, 'row.noEchoTitle')}>
          {translate(lang, 'row.noEcho')}
        </span>
      );
    case 'sent':
      return (
        <span className="c-delivery sent" title={translate(lang, 'row.sentTitle')}>
          {translate(lang, 'row.sent')}
        </span>
      );
    case undefined:
      return null;
    default:
      return assertNever(entry.delivery);
  }
}
