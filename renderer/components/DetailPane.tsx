import { useState } from 'react';
import type { LogEntry } from '../../common/log';
import { parseMessage } from '../../common/wire-rules';
import { sendAgain } from '../actions/compose';
import { argNames } from '../../common/message-catalog';
import { useLang, useWording, useT } from './use-t';
import { useStore } from '../store';
import { selectProxyOn } from '../store/selectors';
import { directionKey } from './LogRow';
import { MAX_CHIPS, MAX_TYPE } from './TypeChips';

/** The selected row: raw text, its arguments as a table, time and session; Copy, Send again, Hide type. */
export function DetailPane() {
  const t = useT();
  const word = useWording();
  const id = useStore((s) => s.selectedId);
  const select = useStore((s) => s.select);
  /* Re-rendered when the selected entry's delivery changes or it leaves the window, not on every batch. */
  useStore((s) => (id === null ? '' : entryState((s.viewing ? s.viewing.log : s.log).find(id))));
  const proxy = useStore(selectProxyOn);
  const lang = useLang();
  const [note, setNote] = useState<string | null>(null);
  if (id === null) return null;
  const { viewing, log } = useStore.getState();
  const entry = (viewing ? viewing.log : log).find(id);
  if (!entry) return null;
  const agent = entry.agent;
  /* A line of the agent's own log: its message (Sent, Captured) is what has arguments. */
  const message = agent ? (agent.level === 'Sent' || agent.level === 'Captured' ? agent.text : null) : entry.text;
  const parsed = entry.dir === 'sys' || entry.binary !== undefined || message === null ? null : parseMessage(message);
  const names = parsed ? argNames(parsed.type, parsed.args.length) : [];
  const resendable = (entry.dir === 'out' || entry.dir === 'up') && entry.agentId !== null && !viewing;

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(entry.text);
      setNote(t('detail.copied'));
    } catch {
      setNote(t('detail.copyFailed'));
    }
  };
  const again = async (): Promise<void> => {
    setNote(word(await sendAgain(entry)));
  };
  const hideType = (): void => {
    const { filters, setFilters } = useStore.getState();
    if (
      entry.type.length <= MAX_TYPE &&
      filters.types.length < MAX_CHIPS &&
      !filters.types.some((c) => c.type === entry.type)
    )
      setFilters({ types: [...filters.types, { type: entry.type, mode: 'exclude' }] });
  };

  return (
    <section className="detail" role="region" aria-label={t('detail.name')}>
      <div className="detail-head">
        <strong>{entry.dir === 'sys' ? t('detail.notice') : entry.type}</strong>
        <span className="muted">
          {new Date(entry.t).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US')} · {t(directionKey(entry.dir, proxy))}
          {entry.agentId !== null ? ` · ${t('detail.agent', { agentId: entry.agentId })}` : ''} ·{' '}
          {t(`kind.${entry.kind}`)}
          {entry.delivery === 'failed'
            ? ` · ${t('row.failed', { reason: entry.failure ?? '' })}`
            : entry.rtt !== undefined
              ? ` · ${t('row.delivered', { ms: entry.rtt })}`
              : ''}
        </span>
        <div className="spacer" />
        {note && (
          <span className="muted" role="status">
            {note}
          </span>
        )}
        <button type="button" className="btn small" onClick={() => void copy()}>
          {t('detail.copy')}
        </button>
        {resendable && (
          <button type="button" className="btn small" onClick={() => void again()}>
            {t('detail.sendAgain')}
          </button>
        )}
        {entry.dir !== 'sys' && (
          <button type="button" className="btn small" onClick={hideType}>
            {t('detail.hideType')}
          </button>
        )}
        <button type="button" className="btn small ghost" onClick={() => select(null)} aria-label={t('detail.close')}>
          ×
        </button>
      </div>
      {agent && (
        <dl className="detail-agent" aria-label={t('detail.agentLog')}>
          <dt>{t('detail.module')}</dt>
          <dd>{agent.module}</dd>
          <dt>{t('detail.level')}</dt>
          <dd>{agent.level}</dd>
          <dt>{t('detail.tick')}</dt>
          <dd>{agent.tick}</dd>
          <dt>{t('detail.agentTime')}</dt>
          <dd>{agent.time}</dd>
        </dl>
      )}
      <pre className="detail-raw">{entry.text}</pre>
      {parsed && parsed.args.length > 0 && (
        <table className="detail-args">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('detail.argument')}</th>
              <th>{t('detail.value')}</th>
            </tr>
          </thead>
          <tbody>
            {parsed.args.map((value, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td className="muted">{names[i] ?? ''}</td>
                <td>
                  <code>{value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function entryState(entry: LogEntry | undefined): string {
  return entry ? `${entry.delivery ?? ''} ${entry.rtt ?? ''}` : 'gone';
}
