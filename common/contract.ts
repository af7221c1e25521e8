/**
 * The one contract between the core and every UI (Electron IPC or the browser bridge).
 * Types only: no electron, DOM or node imports, so main, preload, web bridge and
 * renderer can all `import type` it.
 */

import type {
  CommandProblem,
  LineProblem,
  LinkReason,
  ListenProblem,
  NoticeKey,
  NoticeMsg,
  Problem,
  QuickSetProblem,
  Reason,
  ReasonCode,
  SettingProblem,
  StepProblem,
  UrlProblem,
} from './problems.js';

import type { SpeechRequestMap, SpeechSettings } from './speech.js';

export type {
  CommandProblem,
  LineProblem,
  LinkReason,
  ListenProblem,
  NoticeKey,
  NoticeMsg,
  Problem,
  QuickSetProblem,
  Reason,
  ReasonCode,
  SettingProblem,
  StepProblem,
  UrlProblem,
};

/**
 * Where a log entry travelled: `in` from an agent (to the panel, and on to the dialogue
 * server in proxy mode), `out` the panel to an agent, `down` the dialogue server to an
 * agent, `up` the panel to the dialogue server (as the agent), `sys` the panel's own notice.
 */
export type Direction = 'in' | 'out' | 'down' | 'up' | 'sys';

/** Where composed lines go in proxy mode. */
export type SendTo = 'agent' | 'server';

/** What an entry is, used for colour and filtering. */
export type EntryKind = 'event' | 'command' | 'control' | 'status' | 'warning' | 'error';

/** Delivery of an outgoing line, confirmed by MMDAgent-EX's echo of it. */
export type Delivery = 'sent' | 'pending' | 'delivered' | 'no-echo';

export interface LogEntry {
  /** Monotonic per app run. Gaps are echoes, which go to disk but not to the UI. */
  id: number;
  /** Wall-clock ms since epoch. */
  t: number;
  dir: Direction;
  /** Session id, or null for panel-wide notices. */
  session: number | null;
  kind: EntryKind;
  /** Message type (`MODEL_ADD`), `__AV_START`, or a label such as `(binary)`. */
  type: string;
  /** The line as on the wire, without its newline; for binary frames a hex preview. */
  text: string;
  /** Byte length of a binary frame. */
  binary?: number;
  delivery?: Delivery;
  /** Round trip from send to echo, ms. */
  rtt?: number;
  /** On disk only: this incoming line is the echo of entry `echoOf`. */
  echoOf?: number;
  /** Proxy mode: this line from the agent did not reach the dialogue server (it was down). */
  notForwarded?: true;
  /** A panel notice's meaning, so a UI can word it in its own language (`text` stays English). */
  msg?: NoticeMsg;
  /** A line of MMDAgent-EX's own log (`Plugin_Remote_AllLog=true`), parsed; `type` is then the inner message's. */
  agent?: AgentLogLine;
}

export type AgentLogLevel = 'Sent' | 'Captured' | 'Status' | 'Warning' | 'Error';

/** `[YYYY/MM/DD hh:mm:ss.mmm] [tick] Module: Level: text`, taken apart. */
export interface AgentLogLine {
  /** The agent's own clock, as written. */
  time: string;
  /** Its frame counter. */
  tick: number;
  module: string;
  level: AgentLogLevel;
  /** The message for `Sent` and `Captured`; the words for `Status`, `Warning` and `Error`. */
  text: string;
}

/** A later change to an entry already sent to the UI. */
export interface EntryUpdate {
  id: number;
  delivery: Delivery;
  rtt?: number;
}

export interface LogBatch {
  entries: LogEntry[];
  updates: EntryUpdate[];
}

/** The fields most entries lack, carried by index in a LogWire. */
export type EntryExtra = Pick<LogEntry, 'binary' | 'delivery' | 'rtt' | 'echoOf' | 'notForwarded' | 'msg' | 'agent'>;

/**
 * A LogBatch in columns, as it crosses IPC and the bridge (`common/log-wire.ts` builds and reads
 * it): a flood of short lines is then one small document instead of an object per entry.
 */
export interface LogWire {
  /** How many entries the batch holds. */
  n: number;
  /** Ids as differences: the first from 0, each next from the one before (echoes leave gaps). */
  id: number[];
  /** Times (ms since epoch) the same way. */
  t: number[];
  /** One character per entry for its direction, and one for its kind. */
  dir: string;
  kind: string;
  /** Sessions as runs: count, session, count, session… (null for the panel's own notices). */
  session: (number | null)[];
  /** Each entry's text length; `text` holds the texts one after another. */
  len: number[];
  text: string;
  /** Entries whose type is not their text's own (`messageType`), as index, type, index, type… */
  type: (number | string)[];
  /** Index and rarer fields of the entries that have any. */
  extra: [number, EntryExtra][];
  updates: EntryUpdate[];
}

export interface SessionInfo {
  id: number;
  remoteAddress: string;
  remotePort: number;
  path: string;
  /** Sent `X-App-Type: MMDAgent` in its upgrade request. */
  isMMDAgent: boolean;
  connectedAt: number;
  /** Messages from the agent (its own log's Captured, Status, Warning and Error lines are not messages). */
  messagesIn: number;
  messagesOut: number;
  /** Error and Warning lines of its own log since it connected (`Plugin_Remote_AllLog=true`). */
  errors?: number;
  warnings?: number;
  /** False while the agent has missed heartbeat pongs. It is never closed for that. */
  responsive: boolean;
  /** Proxy mode: this agent's link to the dialogue server. */
  upstream?: UpstreamInfo;
}

export type UpstreamState = 'connecting' | 'open' | 'retrying';

export interface UpstreamInfo {
  state: UpstreamState;
  url: string;
  /** Failed attempts since the link was last open. */
  retries: number;
  /** When the next attempt starts (wall-clock ms), while retrying. */
  nextRetryAt?: number;
  /** Why the link last went down or failed to open: a reason code and the OS's detail. */
  lastReason?: LinkReason;
  framesUp: number;
  framesDown: number;
  /** Lines from the agent that did not reach the dialogue server. */
  notForwarded: number;
}

export interface ServerSettings {
  /** Plugin_Remote_Websocket_Host; `localhost` is bound as IPv4 127.0.0.1. */
  wsHost: string;
  /** Plugin_Remote_Websocket_Port. */
  wsPort: number;
  /** Plugin_Remote_Websocket_Directory. */
  wsPath: string;
  /** Web-page origins allowed to connect (browsers always send Origin; MMDAgent-EX never does). */
  allowedOrigins: string[];
}

export type Language = 'auto' | 'en' | 'ja';
export type Theme = 'system' | 'light' | 'dark';

/** A one-press button: message lines sent in order, with `wait <ms>` lines between them. */
export interface QuickCommand {
  id: string;
  label: string;
  /** One message per line; `wait 500` pauses; `{model}` and `{target}` are filled in at send time. */
  lines: string;
  /** e.g. `F5`, `Ctrl+1`, `Alt+Shift+B`; empty for none. */
  hotkey: string;
  /** A CSS colour for the button, or empty. */
  color: string;
  /** Proxy mode: where the lines go. */
  to: SendTo;
}

export interface QuickSet {
  id: string;
  name: string;
  commands: QuickCommand[];
}

/** A message-type chip: `include` shows only such types, `exclude` hides them. */
export interface TypeChip {
  type: string;
  mode: 'include' | 'exclude';
}

export interface LogFilters {
  text: string;
  regex: boolean;
  dir: Direction | 'all';
  kind: EntryKind | 'all';
  types: TypeChip[];
  /** Show the agent's `Captured` receipts (dimmed); hidden unless asked for, as they triple the rows. */
  captured?: boolean;
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface Settings extends ServerSettings {
  /** Seconds without an echo before an outgoing line is marked "no echo". */
  echoTimeoutSec: number;
  /** The model alias streamed audio moves (`__AV_SETMODEL,<alias>`). */
  modelAlias: string;
  /** Longest audio file accepted, seconds. */
  audioMaxSec: number;
  /** Proxy mode: the dialogue server each agent is connected onward to (ws:// or wss://). */
  upstreamUrl: string;
  upstreamEnabled: boolean;
  language: Language;
  theme: Theme;
  /** The log filters, remembered across runs (the session filter is not: ids restart). */
  logFilters: LogFilters;
  quickSets: QuickSet[];
  activeQuickSet: string;
  /** The desktop window's last normal bounds. */
  windowBounds: WindowBounds | null;
  /** The .mdf snippet also turns on MMDAgent-EX's full log (`Plugin_Remote_AllLog=true`). */
  mdfAllLog: boolean;
  /** The .mdf snippet also turns off MMDAgent-EX's HTTP command server (`http_server=false`). */
  mdfHttpOff: boolean;
  /** Say it: the engine, its URL, voice and sliders (the OpenAI-compatible key is kept apart, never here). */
  speech: SpeechSettings;
}

export type WhenBusy = 'queue' | 'replace';

export interface StreamFileRequest {
  target: number;
  alias: string;
  name: string;
  /** 16 kHz s16le mono PCM, decoded by the renderer, sent once. */
  pcm: Uint8Array;
  whenBusy: WhenBusy;
}

export type StreamResult = { ok: true; queued: number } | { ok: false; problem: Problem };

export interface AudioStatus {
  session: number;
  /** `speech`: a Say, streamed sentence by sentence. */
  state: 'idle' | 'file' | 'mic' | 'speech';
  name?: string;
  totalMs?: number;
  sentMs?: number;
  /** Names of files waiting behind the current one. */
  queued: string[];
  /** Microphone capture → wire latency, ms (measured per chunk). */
  latencyP50?: number;
  latencyP99?: number;
}

export interface MicChunk {
  target: number;
  pcm: Uint8Array;
  /** Wall-clock ms when the chunk's last sample was captured (on the audio context's clock). */
  capturedAt: number;
}

export interface SceneState {
  models: string[];
  motions: { model: string; motion: string }[];
  /** Models speaking now (SYNTH_EVENT_START/STOP, SPEAK_EVENT_START/STOP). */
  speaking: string[];
  /** Models whose lips move now (LIPSYNC_EVENT_START/STOP). */
  lipsync: string[];
  /** Between RECOG_EVENT_START and RECOG_EVENT_STOP. */
  listening: boolean;
  /** The last RECOG_EVENT_STOP text and when it came (wall-clock ms). */
  recognized?: { text: string; t: number };
}

export interface PeriodicRequest {
  target: Target;
  text: string;
  everySec: number;
  to: SendTo;
}

export interface PeriodicJob extends PeriodicRequest {
  id: number;
  sent: number;
  startedAt: number;
  /** Why the last send failed (e.g. no agent connected); the job keeps running. */
  lastProblem?: Problem;
}

export type ServerState = 'starting' | 'listening' | 'error' | 'stopped';

export interface ServerStatus {
  state: ServerState;
  /** The URL MMDAgent-EX should connect to, e.g. ws://127.0.0.1:9001/chat. */
  url: string;
  /** Bound address and port (the port is real even when 0 was asked for). */
  host: string;
  port: number;
  path: string;
  error?: ListenProblem;
}

export interface Snapshot {
  settings: Settings;
  status: ServerStatus;
  sessions: SessionInfo[];
  /** The most recent UI entries, so a renderer that starts late misses nothing. */
  recent: LogEntry[];
  /** Where the session log of this run is written. */
  logFile: string;
  /** Which adapter hosts this UI. */
  host: 'electron' | 'web';
  audio: AudioStatus[];
  scene: Record<number, SceneState>;
  periodic: PeriodicJob[];
}

/** `all` sends to every connected agent. */
export type Target = number | 'all';

export type SendResult = { ok: true; lines: number; sessions: number } | { ok: false; problem: Problem };

/** A change that would close agents asks first: `move` (the listener restarts) or `disconnect` (one agent). */
export type ChangeResult =
  | { ok: true }
  | { ok: false; needsConfirm: true; agents: number; reason: 'move' | 'disconnect' }
  | { ok: false; needsConfirm?: false; problem: Problem };

export type PeriodicStart = { ok: true; id: number } | { ok: false; problem: Problem };

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
  'session:disconnect': [{ id: number; confirm?: boolean }, ChangeResult];
  'file:save': [SaveFileRequest, SaveFileResult];
  'audio:stream-file': [StreamFileRequest, StreamResult];
  'audio:stop': [{ target: number }, StreamResult];
  'audio:mic-start': [{ target: number; alias: string }, StreamResult];
  'audio:mic-stop': [{ target: number }, StreamResult];
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
  'sessions:changed': SessionInfo[];
  'server:status': ServerStatus;
  'settings:changed': Settings;
  'audio:status': AudioStatus[];
  /** What each agent has loaded, learned from its events (MMDAgent-EX never replays it). */
  'scene:changed': Record<number, SceneState>;
  'periodic:changed': PeriodicJob[];
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
