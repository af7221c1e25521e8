/**
 * The panel's notices and reasons in English, written once: the core fills them in for the session
 * log on disk (which is English whatever the UI's language), and the English UI spreads them into
 * its words. Other languages word the same keys in their own tables.
 */
import type { NoticeKey, ReasonCode } from './problems.js';

export const NOTICE_WORDS = {
  listening: 'Listening on {url} for MMDAgent-EX.',
  notListening: 'The panel is not listening on {host}:{port} ({code}).',
  agentConnected: 'MMDAgent-EX connected from {remote} to {path} (agent #{agentId}).',
  clientConnected: 'A client without X-App-Type: MMDAgent connected from {remote} to {path} (agent #{agentId}).',
  agentLeft: 'Agent #{agentId} ({remote}) left: {reason}.',
  stoppedEverything:
    'Stop everything: {streams} stream(s) and {syntheses} synthesis(es) stopped, SYNTH_STOP sent {voices} time(s) to {agents} agent(s).',
  trialStarted: 'Trial started: participant {participant}, condition {condition}, show “{show}”.',
  trialEnded: 'Trial ended: participant {participant}, condition {condition}, show “{show}”.',
  cueDone: 'Cue {number} “{cue}” of “{show}” done, {start}–{end}; waits that timed out and went on: {timedOut}.',
  cueFailed: 'Cue {number} “{cue}” of “{show}” failed at step {step}, {start}–{end}: {error}',
  cueStopped: 'Cue {number} “{cue}” of “{show}” stopped by the operator at step {step}, {start}–{end}.',
  pingsMissed: 'Agent #{agentId} does not answer pings (the connection is kept open).',
  pingsBack: 'Agent #{agentId} answers pings again.',
  rejected: 'Connection from {remote} refused: {reason}.',
  hiddenOnLeave: '{n} messages from agent #{agentId} were not shown; the session log has every one.',
  hiddenOverBudget:
    '{n} messages from agent #{agentId} were not shown (over {rate} a second); the session log has every one.',
  logWriteFailed: 'The session log cannot be written ({error}). Messages are still shown here.',
  settingsInvalid:
    'Some settings could not be used and their defaults are in use: {keys}. The file as it was is kept as {kept}.',
  settingsCorrupt: 'The settings file could not be read ({error}). It was kept as {aside}; defaults are in use.',
  settingsUnreadable:
    'The settings file {path} could not be read ({error}); defaults are in use and it was left as is.',
  upstreamConnected: 'Agent #{agentId} ⇄ dialogue server {url}: connected; forwarding.',
  upstreamReconnected:
    'Agent #{agentId} ⇄ dialogue server: reconnected after {seconds} s down; {missed} lines from the agent were not forwarded meanwhile. Forwarding resumed; nothing was re-sent.',
  upstreamDown:
    'The dialogue server link of agent #{agentId} went down ({reason}). The agent stays connected; retrying.',
  upstreamHoldDropped:
    '{n} frames the agent sent while its first dialogue-server connection opened were not forwarded: {reason}.',
  upstreamUnreachable: 'The dialogue server at {url} is not reachable yet ({reason}); retrying.',
  upstreamRecut:
    "The dialogue server sent a {bytes}-byte frame; it was re-cut into {pieces} frames of at most 4,096 bytes to protect the agent's 8,192-byte buffer (noted once per agent).",
  upstreamStalled:
    'The dialogue server left an item unfinished for {seconds} s; the panel finished it ({bytes} bytes) and sent its own {waiting} waiting frames.',
  agentAudioReset:
    "The agent's audio state was reset as a reconnect would reset it: {bytes} bytes finished a half-sent item; sent {sent}.",
  micStreaming: 'Microphone streaming to agent #{agentId} (model {model}).',
  fileStreaming:
    'Streaming "{name}" to agent #{agentId}: {duration}, {bytes} bytes in {packets} packets (model {model}).',
  streamFinished: 'Finished streaming {what} to agent #{agentId}: {duration}, {bytes} bytes in {packets} packets.',
  streamStopped:
    'Stopped streaming {what} to agent #{agentId} ({reason}) after {duration}, {bytes} bytes in {packets} packets.',
  downAudioStart: 'audio stream from the dialogue server started ({mode})',
  downAudioEnd:
    'audio stream ended ({reason}): {seconds} s of audio in {packets} packets ({bytes} bytes) over {over} s',
  viewGap: '{n} messages not shown here: this view fell behind. The session log on disk has every one.',
  said: 'Said to agent #{agentId} with the {engine} ({voice}): "{text}" ({duration}; sentences: {sentences}).',
  speechStopped: 'Speech to agent #{agentId} stopped ({reason}) after {duration} ({engine}, {voice}): "{text}".',
  speechFailed: 'Speech to agent #{agentId} failed after {duration} ({engine}, {voice}): {error} (text: "{text}").',
} as const satisfies Record<NoticeKey, string>;

export const REASON_WORDS = {
  operator: 'closed by the operator',
  listenerStopped: 'the panel stopped listening',
  frameTooLarge: 'frame larger than the limit',
  protocolError: 'protocol error ({detail})',
  agentDisconnected: 'agent disconnected',
  agentClosed: 'agent closed ({detail})',
  sendFailed: 'send failed: {detail}',
  wrongPath: 'upgrade to {path} refused (404): the panel listens on {expected} (or {expected}/<name>)',
  webOrigin: 'a web page (Origin: {origin}) tried to connect (403). Allow its origin in Settings if you trust it',
  tooMany: 'already {max} agents (429)',
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
  badRequest:
    'an upgrade request the panel could not read ({detail}); a path with letters beyond ASCII must be percent-encoded, as the .mdf lines in the Connect tab are',
} as const satisfies Record<ReasonCode, string>;

/** Pieces a notice is put together from. */
export const NOTICE_PARTS = {
  microphone: 'the microphone',
  defaultVoice: 'the default voice',
  file: '"{name}"',
  droppedChunks: '{n} microphone chunks ahead of real time were dropped.',
} as const;

export const ENGINE_WORDS = {
  agent: 'MMDAgent-EX voice',
  system: 'system voice',
  voicevox: 'VOICEVOX-compatible engine',
  openai: 'OpenAI-compatible service',
} as const;

type Prefixed<P extends string, T> = { [K in keyof T & string as `${P}${K}`]: T[K] };

/** `{ a: 'x' }` as `{ 'p.a': 'x' }`: a table spread into the UI's words under its prefix. */
export function prefixed<P extends string, T extends Record<string, string>>(prefix: P, table: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}${k}`, v])) as Prefixed<P, T>;
}
