/**
 * The session log on disk is English, whatever the UI's language: each notice is written
 * there in these words, from the same key and values the UI words in its own language.
 * Nothing else in the core holds sentences.
 */
import { ENGINE_WORDS, NOTICE_PARTS, NOTICE_WORDS, REASON_WORDS } from '../../common/notice-words.js';
import type { NoticeMsg, ReasonCode } from '../../common/problems.js';
import { fillTemplate } from '../../common/fill-template.js';

/** A speech engine's problem, flattened into a notice's values (`why` is its key). */
const ENGINE_PROBLEMS: Record<string, string> = {
  engineUnreachable: 'cannot reach {url} ({detail})',
  engineHttp: 'the engine answered HTTP {status}: {message}',
  engineTimeout: 'no answer from {url} within {seconds} s',
  engineUndecodable: "the engine's answer is not audio ({detail})",
  engineMissing: '{program} is not installed: install {install}',
  engineFailed: '{detail}',
  engineUrl: '"{url}" is not an http(s) URL',
  engineNoVoice: 'no voice chosen',
};

/** The English words of a notice, for the disk log (and the text filter). */
export function noticeEnglish(msg: NoticeMsg): string {
  const params = { ...msg.params };
  if (typeof params.reason === 'string' && Object.hasOwn(REASON_WORDS, params.reason))
    params.reason = reasonEnglish(params.reason as ReasonCode, msg.params);
  if (msg.key === 'streamFinished' || msg.key === 'streamStopped')
    params.what = params.what ? fillTemplate(NOTICE_PARTS.file, { name: params.what }) : NOTICE_PARTS.microphone;
  if (typeof params.engine === 'string' && Object.hasOwn(ENGINE_WORDS, params.engine))
    params.engine = ENGINE_WORDS[params.engine as keyof typeof ENGINE_WORDS];
  if (params.voice === '') params.voice = NOTICE_PARTS.defaultVoice;
  if (msg.key === 'speechFailed')
    params.error = fillTemplate(ENGINE_PROBLEMS[String(params.why)] ?? String(params.why), params);
  for (const [name, value] of Object.entries(params)) {
    /* Ids and ports are names, not quantities: never "#1,000" or ":9,001". */
    if (typeof value === 'number' && name !== 'agentId' && name !== 'port')
      params[name] = name === 'duration' ? formatSec(value) : value.toLocaleString('en-US');
  }
  const text = fillTemplate(NOTICE_WORDS[msg.key], params);
  return typeof msg.params.dropped === 'number' && msg.params.dropped > 0
    ? `${text} ${fillTemplate(NOTICE_PARTS.droppedChunks, { n: msg.params.dropped })}`
    : text;
}

export function reasonEnglish(reason: ReasonCode, params: Record<string, string | number> = {}): string {
  return fillTemplate(REASON_WORDS[reason], params);
}

/** Seconds as the English log writes them. */
export function formatSec(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(2)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${(seconds - m * 60).toFixed(1)} s`;
}
