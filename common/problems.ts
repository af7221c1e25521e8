/**
 * What the core reports instead of sentences: notice keys, reason codes and problems, each with
 * the values its words need. Types only; the renderer's i18n words them (and the core's
 * `log-words` writes the English of notices to the session log).
 */
import type { ShowProblem } from './show.js';
import type { SpeechEngine } from './speech.js';

export type NoticeKey =
  | 'listening'
  | 'notListening'
  | 'agentConnected'
  | 'clientConnected'
  | 'agentLeft'
  | 'stoppedEverything'
  | 'trialStarted'
  | 'trialEnded'
  | 'cueDone'
  | 'cueFailed'
  | 'cueStopped'
  | 'pingsMissed'
  | 'pingsBack'
  | 'rejected'
  | 'hiddenOnLeave'
  | 'hiddenOverBudget'
  | 'logWriteFailed'
  | 'settingsInvalid'
  | 'settingsCorrupt'
  | 'settingsUnreadable'
  | 'upstreamStalled'
  | 'viewGap'
  | 'upstreamConnected'
  | 'upstreamReconnected'
  | 'upstreamDown'
  | 'upstreamHoldDropped'
  | 'upstreamUnreachable'
  | 'upstreamRecut'
  | 'agentAudioReset'
  | 'micStreaming'
  | 'fileStreaming'
  | 'streamFinished'
  | 'streamStopped'
  | 'downAudioStart'
  | 'downAudioEnd'
  | 'said'
  | 'speechStopped'
  | 'speechFailed';

/**
 * A notice's values. Where a value is one of the core's own reasons (why an agent left, why
 * a stream stopped), it is a code from `ReasonCode`, and the UI words it too.
 */
export interface NoticeMsg {
  key: NoticeKey;
  params: Record<string, string | number>;
}

/** Why a connection closed, a stream stopped, or a link went down: worded by each UI. */
export type ReasonCode =
  | 'operator'
  | 'listenerStopped'
  | 'frameTooLarge'
  | 'protocolError'
  | 'agentDisconnected'
  | 'agentClosed'
  | 'sendFailed'
  | 'wrongPath'
  | 'webOrigin'
  | 'tooMany'
  | 'connectionGone'
  | 'replaced'
  | 'operatorStop'
  | 'panelStopped'
  | 'linkLost'
  | 'linkClosed'
  | 'linkError'
  | 'holdTimeout'
  | 'agentLeft'
  | 'serverLeft'
  | 'streamBreak'
  | 'streamIdle'
  | 'badRequest';

/** A reason with the values its words need (`detail`, `path`, `origin`, …), spread into a notice's params. */
export type Reason = { reason: ReasonCode } & Record<string, string | number>;

/** Why a line cannot be sent, as a code a UI can word in its own language. */
export type LineProblem =
  { code: 'empty' } | { code: 'line-break' } | { code: 'snd' } | { code: 'too-long'; bytes: number; max: number };

/** Why an upstream (dialogue-server) URL cannot be used. */
export type UrlProblem =
  { code: 'not-url'; value: string } | { code: 'scheme' } | { code: 'credentials' } | { code: 'hash' };

/** Why a settings value is refused. */
export type SettingProblem =
  | { code: 'unknown' }
  | { code: 'type' }
  | { code: 'host' }
  | { code: 'port' }
  | { code: 'path' }
  | { code: 'origin'; value: string }
  | { code: 'echo-timeout'; min: number; max: number }
  | { code: 'alias' }
  | { code: 'agent-name' }
  | { code: 'audio-max'; min: number; max: number }
  | { code: 'upstream-url'; problem: UrlProblem }
  | { code: 'quick-set'; problem: QuickSetProblem }
  | { code: 'speech'; field: string }
  | { code: 'models' }
  | { code: 'show'; problem: ShowProblem }
  | { code: 'face-transition'; min: number; max: number };

/** Why a command cannot be kept, as a code for a UI to word. */
export type StepProblem =
  | LineProblem
  | { code: 'wait-range' }
  | { code: 'wait-syntax' }
  | { code: 'no-message' }
  | { code: 'say-empty' }
  | { code: 'say-engine'; engine: string }
  | { code: 'say-long'; max: number }
  | { code: 'face-empty' }
  | { code: 'action-empty' }
  | { code: 'stream-empty' };
/** Why a face preset cannot be kept. */
export type PresetProblem =
  | { code: 'name-empty' }
  | { code: 'name-long' }
  | { code: 'too-many' }
  | { code: 'morph'; morph: string }
  | { code: 'value'; morph: string }
  | { code: 'action' }
  | { code: 'empty' };
export type CommandProblem =
  | { code: 'label-empty' }
  | { code: 'label-long' }
  | { code: 'color' }
  | { code: 'lines'; line: number; problem: StepProblem };
export type QuickSetProblem =
  | { code: 'not-set' }
  | { code: 'no-name' }
  | { code: 'no-commands' }
  | { code: 'command'; index: number; label: string; problem: CommandProblem }
  | { code: 'preset'; index: number; name: string; problem: PresetProblem };

/**
 * Why the core refused or could not do something. Never a sentence: each UI words it in
 * its own language (the renderer's i18n switches over `key` with assertNever).
 */
export type Problem =
  | { key: 'line'; problem: LineProblem; line?: number }
  | { key: 'noAgent' }
  | { key: 'agentGone'; agentId: number }
  | { key: 'proxyOff' }
  | { key: 'upstreamDown'; agentIds: number[] }
  | { key: 'nothingToRetry' }
  | { key: 'periodicInterval'; min: number; max: number }
  | { key: 'periodicLimit'; max: number }
  | { key: 'periodicNotRunning' }
  | { key: 'setting'; setting: string; problem: SettingProblem }
  | { key: 'upstreamLoop'; url: string }
  | { key: 'upstreamNoUrl' }
  | { key: 'badAlias' }
  | { key: 'audioEmpty'; name: string }
  | { key: 'audioTooLong'; name: string; seconds: number; limit: number }
  | { key: 'micBusy' }
  /** A move to a new address was tried there first and failed: nothing was closed. */
  | { key: 'cannotListen'; listen: ListenProblem }
  | { key: 'fileBusy'; name: string }
  | { key: 'nothingStreaming' }
  | { key: 'micNotStreaming' }
  | { key: 'writeFailed'; path: string; detail: string }
  /** A morph name the protocol cannot carry (`|`, a line break; `,` or `=` for an avatar morph). */
  | { key: 'morphName'; morph: string }
  | { key: 'actionNumber' }
  /** A `stream` step's file: not found on the panel's machine, or not a WAV it can read. */
  | { key: 'streamMissing'; path: string }
  | { key: 'streamNotWav'; name: string }
  /** A show's mark that is not one: a UI sent something else. */
  | { key: 'badMark' }
  | SpeechProblem;

/** Why a speech engine failed, as codes and values; each UI words them. */
export type EngineProblem =
  | { key: 'engineUnreachable'; engine: SpeechEngine; url: string; detail: string }
  | { key: 'engineHttp'; engine: SpeechEngine; url: string; status: number; message: string }
  | { key: 'engineTimeout'; engine: SpeechEngine; url: string; seconds: number }
  | { key: 'engineUndecodable'; engine: SpeechEngine; detail: string }
  | { key: 'engineMissing'; program: string; install: string }
  | { key: 'engineFailed'; engine: SpeechEngine; detail: string }
  | { key: 'engineUrl'; engine: SpeechEngine; url: string }
  | { key: 'engineNoVoice'; engine: SpeechEngine };

export type SpeechProblem =
  | EngineProblem
  | { key: 'speechEmpty' }
  | { key: 'speechTooLong'; chars: number; max: number }
  | { key: 'voiceBad'; voice: string }
  | { key: 'nothingSpeaking' }
  | { key: 'agentVoiceBusy'; name: string }
  | { key: 'keyStoreUnavailable' };

/** Why the listener could not start: the OS error code and where; the UI words it. */
export interface ListenProblem {
  /** `EADDRINUSE`, `EACCES`, `EADDRNOTAVAIL`, … */
  code: string;
  host: string;
  port: number;
  /** A free port nearby, offered when the port is taken. */
  suggestedPort?: number;
  /** The OS's own text, for an unexpected code. */
  detail?: string;
}

export interface LinkReason {
  reason: Extract<ReasonCode, 'linkLost' | 'linkClosed' | 'linkError'>;
  detail?: string;
}
