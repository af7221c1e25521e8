/**
 * The panel's notices in the UI's language. The core tags each notice with a key and its values
 * (and writes English on disk); reasons among the values are codes, worded here too.
 */
import type { LogEntry } from '../../common/log';
import type { NoticeKey, NoticeMsg, Problem, Reason, ReasonCode } from '../../common/problems';
import { SPEECH_ENGINES, type SpeechEngine } from '../../common/speech';
import { coreEn } from './core-en';
import { coreProblemText } from './problems';
import type { Lang, MessageKey, Translate } from '.';

/** The notice's text in `t`'s language; an entry without a key (an old log) shows its text. */
export function noticeText(entry: LogEntry, t: Translate, lang: Lang): string {
  const msg = entry.msg;
  if (!msg) return entry.text;
  const locale = lang === 'ja' ? 'ja-JP' : 'en-US';
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(msg.params)) {
    if (typeof value !== 'number' || name === 'agentId' || name === 'port') params[name] = value;
    else
      params[name] = name === 'duration' ? t('notice.seconds', { s: value.toFixed(2) }) : value.toLocaleString(locale);
  }
  const reason = msg.params.reason;
  if (typeof reason === 'string' && isReason(reason)) params.reason = t(`reason.${reason}`, params);
  if (msg.key === 'streamFinished' || msg.key === 'streamStopped')
    params.what = msg.params.what ? t('notice.file', { name: msg.params.what }) : t('notice.microphone');
  if (msg.params.voice === '') params.voice = t('notice.defaultVoice');
  const engine = msg.params.engine;
  if (typeof engine === 'string' && SPEECH_ENGINES.includes(engine as SpeechEngine))
    params.engine = t(`engine.${engine as SpeechEngine}`);
  if (msg.key === 'speechFailed') params.error = engineFailure(msg.params, t);
  const text = t(noticeKey(msg.key), params);
  return typeof msg.params.dropped === 'number' && msg.params.dropped > 0
    ? `${text} ${t('notice.droppedChunks', { n: msg.params.dropped })}`
    : text;
}

/** Every notice key has its words, or the build fails here. */
function noticeKey(key: NoticeKey): MessageKey {
  return `notice.${key}` as const satisfies keyof typeof coreEn;
}

/** Why an agent left, in `t`'s language (a code the core gave, with its values). */
export function reasonText(reason: Reason, t: Translate): string {
  return isReason(reason.reason) ? t(`reason.${reason.reason}`, reason) : reason.reason;
}

function isReason(code: string): code is ReasonCode {
  return Object.hasOwn(coreEn, `reason.${code}`);
}

const ENGINE_PROBLEMS = [
  'engineUnreachable',
  'engineHttp',
  'engineTimeout',
  'engineUndecodable',
  'engineMissing',
  'engineFailed',
  'engineUrl',
  'engineNoVoice',
];

/** A failed utterance carries its engine problem flattened (`why` is its key): worded again here. */
function engineFailure(params: NoticeMsg['params'], t: Translate): string {
  const { why, failedEngine, ...rest } = params;
  if (typeof why !== 'string' || !ENGINE_PROBLEMS.includes(why)) return String(why ?? '');
  return coreProblemText({ ...rest, key: why, engine: failedEngine } as unknown as Problem, t);
}
