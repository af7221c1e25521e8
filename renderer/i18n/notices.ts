/**
 * The panel's notices in the UI's language. The core tags each notice with a key and its values
 * (and writes English on disk); reasons among the values are codes, worded here too.
 */
import type { LogEntry, ReasonCode } from '../../common/contract';
import { coreEn } from './core-en';
import type { Lang, MessageKey, Translate } from '.';

/** The notice's text in `t`'s language; an entry without a key (an old log) shows its text. */
export function noticeText(entry: LogEntry, t: Translate, lang: Lang): string {
  const msg = entry.msg;
  if (!msg) return entry.text;
  const locale = lang === 'ja' ? 'ja-JP' : 'en-US';
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(msg.params)) params[name] = typeof value === 'number' && name !== 'id' && name !== 'port' ? value.toLocaleString(locale) : value;
  const reason = msg.params.reason;
  if (typeof reason === 'string' && isReason(reason)) params.reason = t(`reason.${reason}`, params);
  if (msg.key === 'streamFinished' || msg.key === 'streamStopped') params.what = msg.params.what ? t('notice.file', { name: msg.params.what }) : t('notice.microphone');
  const text = t(`notice.${msg.key}` as MessageKey, params);
  return typeof msg.params.dropped === 'number' && msg.params.dropped > 0 ? `${text} ${t('notice.droppedChunks', { n: msg.params.dropped })}` : text;
}

function isReason(code: string): code is ReasonCode {
  return Object.hasOwn(coreEn, `reason.${code}`);
}
