/**
 * The one contract between the core and every UI (Electron IPC or the browser bridge): the channel
 * maps (request → result, post, event → payload). Domain types live in their own modules beside it.
 * Types only, so main, preload, web bridge and renderer can all `import type` it.
 */
import type {
  ChangeResult,
  PeriodicJob,
  PeriodicRequest,
  PeriodicStart,
  SceneState,
  SendResult,
  SendTo,
  ServerStatus,
  AgentInfo,
  AgentAlert,
  StopEverythingResult,
  Target,
} from './agents.js';
import type { FaceChange, FaceState } from './avatar.js';
import type { MarkResult, ShowMark } from './show.js';
import type { AudioStatus, MicChunk, StreamFileRequest, StreamResult } from './audio.js';
import type { LogWire } from './log.js';
import type { Problem } from './problems.js';
import type { Settings } from './settings.js';
import type { SpeechRequestMap } from './speech.js';

export interface Snapshot {
  settings: Settings;
  status: ServerStatus;
  agents: AgentInfo[];
  /** The most recent log batches as they went out, so a renderer that starts late misses nothing. */
  recent: LogWire[];
  /** Where the session log of this run is written. */
  logFile: string;
  /** Which adapter hosts this UI. */
  host: 'electron' | 'web';
  audio: AudioStatus[];
  scene: Record<number, SceneState>;
  periodic: PeriodicJob[];
  /** Alerts about agents that no UI has dismissed yet: a window opened later still shows them. */
  alerts: AgentAlert[];
  /** The faces the panel holds, per agent and model alias. */
  faces: Faces;
}

/** agentId → model alias → the face the panel holds there. */
export type Faces = Record<number, Record<string, FaceState>>;

export interface SaveFileRequest {
  suggestedName: string;
  content: string;
}

export type SaveFileResult = { saved: true; path: string } | { saved: false; problem?: Problem };

/** Requests: channel → [argument, promised result]. Every channel is `domain:verb`. */
export interface RequestMap extends SpeechRequestMap {
  'panel:ready': [void, Snapshot];
  'message:send': [{ target: Target; text: string; to?: SendTo }, SendResult];
  /** Proxy mode: try the dialogue server again now instead of waiting for the backoff. */
  'upstream:retry': [{ target: Target }, ChangeResult];
  'periodic:start': [PeriodicRequest, PeriodicStart];
  'periodic:stop': [{ id: number }, ChangeResult];
  'settings:update': [{ patch: Partial<Settings>; confirm?: boolean }, ChangeResult];
  'agent:disconnect': [{ agentId: number; confirm?: boolean }, ChangeResult];
  /** Names the agent (and every later one on its path); '' gives back the name its path gave. */
  'agent:rename': [{ agentId: number; name: string }, ChangeResult];
  /** The operator dismissed this alert: it is not shown again after a reload. */
  'agent:dismiss-alert': [{ agentId: number; at: number }, ChangeResult];
  /** Stop everything: every stream, synthesis and voice of every agent. */
  'panel:stop-everything': [void, StopEverythingResult];
  /** Plays `ACTn` of the model's `.shapemap` (after `__AV_START` and `__AV_SETMODEL` when needed). */
  'avatar:action': [{ agentId: number; alias: string; action: number }, SendResult];
  /** Sets or gives back morphs and avatar morphs; held avatar morphs are resent by the core. */
  'avatar:face': [FaceChange, SendResult];
  /** Writes a trial's start or end, or a cue run, into the session log; answers with the entry's id. */
  'show:mark': [ShowMark, MarkResult];
  'file:save': [SaveFileRequest, SaveFileResult];
  'audio:stream-file': [StreamFileRequest, StreamResult];
  'audio:stop': [{ agentId: number }, StreamResult];
  /** A WAV file on the panel's own machine, streamed (a `stream` step of a cue or quick command). */
  'audio:stream-path': [{ agentId: number; alias: string; path: string }, StreamResult];
  'audio:mic-start': [{ agentId: number; alias: string }, StreamResult];
  'audio:mic-stop': [{ agentId: number }, StreamResult];
}

/** Fire-and-forget messages from the UI (no answer). */
export interface PostMap {
  'audio:mic-chunk': MicChunk;
}

/** Events: channel → payload, pushed after the UI said `panel:ready`. */
export interface EventMap {
  /** New entries and delivery changes, in columns (`decodeLogWire` turns them into a LogBatch). */
  'log:batch': LogWire;
  /** A session log the user opened from the app menu (Electron), to view read-only. */
  'log:opened': { name: string; text: string };
  /** Entries that were not delivered to this UI (it fell behind); the disk log has them. */
  'log:gap': { dropped: number };
  'agents:changed': AgentInfo[];
  /** An agent left or stopped answering (or answers again), for the operator's alert. */
  'agent:alert': AgentAlert;
  /** Stop everything ran (from any window): every window ends its own sequences and microphone too. */
  'panel:stopped': StopEverythingResult;
  'server:status': ServerStatus;
  'settings:changed': Settings;
  'audio:status': AudioStatus[];
  /** What each agent has loaded, learned from its events (MMDAgent-EX never replays it). */
  'scene:changed': Record<number, SceneState>;
  'periodic:changed': PeriodicJob[];
  'avatar:faces': Faces;
  /** Electron's app menu asks the renderer to do something it owns (the filtered view, an overlay). */
  'menu:command': { command: 'export-txt' | 'export-jsonl' | 'shortcuts' };
}

export type RequestChannel = keyof RequestMap;

export type PostChannel = keyof PostMap;

/**
 * A post channel can also be carried on a MessagePort of its own, so that what the audio thread
 * posts reaches the core without waiting for the page's main thread. Under Electron the page
 * offers the port to the preload with `window.postMessage(PortOffer, '/', [port])`, and the preload
 * hands it to main on `PortChannel`; in browser mode a worker carries it over its own bridge socket.
 */
export interface PortOffer {
  portFor: PostChannel;
}

export type PortChannel = 'port:open';

export type EventChannel = keyof EventMap;

export type RequestArg<C extends RequestChannel> = RequestMap[C][0];

export type RequestResult<C extends RequestChannel> = RequestMap[C][1];

/** Requests the core answers; `file:save` is the adapter's own (a dialog, or a browser download). */
export type CoreRequestMap = Omit<RequestMap, 'file:save'>;

/** Frames on the browser-mode bridge socket, which carries the same contract as IPC. */
export type BridgeFrame =
  | { t: 'req'; id: number; ch: keyof CoreRequestMap; arg: unknown }
  | { t: 'res'; id: number; ok: true; result: unknown }
  | { t: 'res'; id: number; ok: false; error: string }
  | { t: 'evt'; ch: EventChannel; payload: unknown }
  | { t: 'post'; ch: PostChannel; arg: unknown };
