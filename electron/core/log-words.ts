/**
 * The session log on disk is English, whatever the UI's language: each notice is written
 * there in these words, from the same key and values the UI words in its own language.
 * Nothing else in the core holds sentences.
 */
import type { NoticeMsg, NoticeKey, ReasonCode } from '../../common/problems.js';
import { fillTemplate } from '../../common/fill-template.js';

const NOTICES: Record<NoticeKey, string> = {
  listening: 'Listening on {url} for MMDAgent-EX.',
  notListening: 'The panel is not listening on {host}:{port} ({code}).',
  agentConnected: 'MMDAgent-EX connected from {remote} (agent #{id}).',
  clientConnected: 'A client without X-App-Type: MMDAgent connected from {remote} (agent #{id}).',
  agentLeft: 'Agent #{id} ({remote}) left: {reason}.',
  pingsMissed: 'Agent #{id} does not answer pings (the connection is kept open).',
  pingsBack: 'Agent #{id} answers pings again.',
  rejected: 'Connection from {remote} refused: {reason}.',
  hiddenOnLeave: '{n} messages from agent #{id} were not shown; the session log has every one.',
  hiddenOverBudget:
    '{n} messages from agent #{id} were not shown (over {rate} a second); the session log has every one.',
  logWriteFailed: 'The session log cannot be written ({error}). Messages are still shown here.',
  settingsInvalid:
    'Some settings could not be used and their defaults are in use: {keys}. The file as it was is kept as {kept}.',
  settingsCorrupt: 'The settings file could not be read ({error}). It was kept as {aside}; defaults are in use.',
  settingsUnreadable:
    'The settings file {path} could not be read ({error}); defaults are in use and it was left as is.',
  upstreamConnected: 'Agent #{id} ⇄ dialogue server {url}: connected; forwarding.',
  upstreamReconnected:
    'Agent #{id} ⇄ dialogue server: reconnected after {seconds} s down; {missed} lines from the agent were not forwarded meanwhile. Forwarding resumed; nothing was re-sent.',
  upstreamDown: 'The dialogue server link of agent #{id} went down ({reason}). The agent stays connected; retrying.',
  upstreamHoldDropped:
    '{n} frames the agent sent while its first dialogue-server connection opened were not forwarded: {reason}.',
  upstreamUnreachable: 'The dialogue server at {url} is not reachable yet ({reason}); retrying.',
  upstreamRecut:
    "The dialogue server sent a {bytes}-byte frame; it was re-cut into {pieces} frames of at most 4,096 bytes to protect the agent's 8,192-byte buffer (noted once per session).",
  upstreamStalled:
    'The dialogue server left an item unfinished for {seconds} s; the panel finished it ({bytes} bytes) and sent its own {waiting} waiting frames.',
  agentAudioReset:
    "The agent's audio state was reset as a reconnect would reset it: {bytes} bytes finished a half-sent item; sent {sent}.",
  micStreaming: 'Microphone streaming to agent #{id} (model {model}).',
  fileStreaming: 'Streaming "{name}" to agent #{id}: {duration}, {bytes} bytes in {packets} packets (model {model}).',
  streamFinished: 'Finished streaming {what} to agent #{id}: {duration}, {bytes} bytes in {packets} packets.',
  streamStopped:
    'Stopped streaming {what} to agent #{id} ({reason}) after {duration}, {bytes} bytes in {packets} packets.',
  downAudioStart: 'audio stream from the dialogue server started ({mode})',
  downAudioEnd:
    'audio stream ended ({reason}): {seconds} s of audio in {packets} packets ({bytes} bytes) over {over} s',
  viewGap: '{n} entries were not delivered to this view; the session log has them.',
  said: 'Said to agent #{id} with the {engine} ({voice}): "{text}" ({duration}; sentences: {sentences}).',
  speechStopped: 'Speech to agent #{id} stopped ({reason}) after {duration} ({engine}, {voice}): "{text}".',
  speechFailed: 'Speech to agent #{id} failed after {duration} ({engine}, {voice}): {error}. Text: "{text}".',
};

const ENGINES: Record<string, string> = {
  agent: 'MMDAgent-EX voice',
  system: 'system voice',
  voicevox: 'VOICEVOX-compatible engine',
  openai: 'OpenAI-compatible service',
};

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

const REASONS: Record<ReasonCode, string> = {
  operator: 'closed by the operator',
  listenerStopped: 'the panel stopped listening',
  frameTooLarge: 'frame larger than the limit',
  protocolError: 'protocol error ({detail})',
  agentDisconnected: 'agent disconnected',
  agentClosed: 'agent closed ({detail})',
  sendFailed: 'send failed: {detail}',
  wrongPath: 'upgrade to {path} refused (404): the panel listens on {expected}',
  webOrigin: 'a web page (Origin: {origin}) tried to connect (403). Allow its origin in Settings if you trust it',
  tooMany: 'already {max} sessions (429)',
  connectionGone: 'the connection is gone',
  replaced: 'replaced by "{name}"',
  operatorStop: 'stopped by the operator',
  panelStopped: 'the panel stopped',
  linkLost: 'connection lost',
  linkClosed: 'closed ({detail})',
  linkError: '{detail}',
  holdTimeout: 'the dialogue server did not answer within {seconds} s',
  agentLeft: 'the agent left',
  serverLeft: 'the dialogue server left',
  streamBreak: 'SNDBRKS',
  streamIdle: 'no packets for 1 s',
};

/** The English words of a notice, for the disk log (and the text filter). */
export function noticeEnglish(msg: NoticeMsg): string {
  const params = { ...msg.params };
  if (typeof params.reason === 'string' && Object.hasOwn(REASONS, params.reason))
    params.reason = reasonEnglish(params.reason as ReasonCode, msg.params);
  if (msg.key === 'streamFinished' || msg.key === 'streamStopped')
    params.what = params.what ? `"${params.what}"` : 'the microphone';
  if (typeof params.engine === 'string') params.engine = ENGINES[params.engine] ?? params.engine;
  if (msg.key === 'speechFailed')
    params.error = fillTemplate(ENGINE_PROBLEMS[String(params.why)] ?? String(params.why), params);
  for (const [name, value] of Object.entries(params)) {
    /* Ids and ports are names, not quantities: never "#1,000" or ":9,001". */
    if (typeof value === 'number' && name !== 'id' && name !== 'port')
      params[name] = name === 'duration' ? formatSec(value) : value.toLocaleString('en-US');
  }
  const text = fillTemplate(NOTICES[msg.key], params);
  return typeof msg.params.dropped === 'number' && msg.params.dropped > 0
    ? `${text} ${msg.params.dropped} microphone chunks ahead of real time were dropped.`
    : text;
}

export function reasonEnglish(reason: ReasonCode, params: Record<string, string | number> = {}): string {
  return fillTemplate(REASONS[reason], params);
}

/** Seconds as the English log writes them. */
export function formatSec(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(2)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${(seconds - m * 60).toFixed(1)} s`;
}
