/**
 * The panel's notices in the UI's language. The core tags each notice with a key and its values
 * (and writes English on disk); reasons among the values are codes, worded here too.
 */
import type { LogEntry, NoticeKey, ReasonCode } from '../../common/contract';
import { coreEn } from './core-en';
import type { Lang, MessageKey, Translate } from '.';

/** The notice's text in `t`'s language; an entry without a key (an old log) shows its text. */
export function noticeText(entry: LogEntry, t: Translate, lang: Lang): string {
  const msg = entry.msg;
  if (!msg) return entry.text;
  const locale = lang === 'ja' ? 'ja-JP' : 'en-US';
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(msg.params)) {
    if (typeof value !== 'number' || name === 'id' || name === 'port') params[name] = value;
    else params[name] = name === 'duration' ? t('notice.seconds', { s: value.toFixed(2) }) : value.toLocaleString(locale);
  }
  const reason = msg.params.reason;
  if (typeof reason === 'string' && isReason(reason)) params.reason = t(`reason.${reason}`, params);
  if (msg.key === 'streamFinished' || msg.key === 'streamStopped') params.what = msg.params.what ? t('notice.file', { name: msg.params.what }) : t('notice.microphone');
  const text = t(noticeKey(msg.key), params);
  return typeof msg.params.dropped === 'number' && msg.params.dropped > 0 ? `${text} ${t('notice.droppedChunks', { n: msg.params.dropped })}` : text;
}

/** Every notice key has its words, or the build fails here. */
function noticeKey(key: NoticeKey): MessageKey {
  return `notice.${key}` as const satisfies keyof typeof coreEn;
}

function isReason(code: string): code is ReasonCode {
  return Object.hasOwn(coreEn, `reason.${code}`);
}
