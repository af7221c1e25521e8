/** The log: entries as the core records them, and the columns (`LogWire`) they cross a boundary in. */
import type { NoticeMsg } from './problems.js';

/**
 * Where a log entry travelled: `in` from an agent (to the panel, and on to the dialogue
 * server in proxy mode), `out` the panel to an agent, `down` the dialogue server to an
 * agent, `up` the panel to the dialogue server (as the agent), `sys` the panel's own notice.
 */
export type Direction = 'in' | 'out' | 'down' | 'up' | 'sys';

/** What an entry is, used for colour and filtering. */
export type EntryKind = 'event' | 'command' | 'control' | 'status' | 'warning' | 'error';

/**
 * Delivery of an outgoing line, confirmed by MMDAgent-EX's echo of it; `failed` when its full log
 * reported an Error or Warning in the echo's own tick (the agent took the line and rejected it).
 */
export type Delivery = 'sent' | 'pending' | 'delivered' | 'no-echo' | 'failed';

export interface LogEntry {
  /** Monotonic per app run. Gaps are echoes, which go to disk but not to the UI. */
  id: number;
  /** Wall-clock ms since epoch. */
  t: number;
  dir: Direction;
  /** Session id, or null for panel-wide notices. */
  agentId: number | null;
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
  /** With `failed`: the agent's own words (`addMotion: not found: …`). */
  failure?: string;
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
  failure?: string;
}

export interface LogBatch {
  entries: LogEntry[];
  updates: EntryUpdate[];
}

/** The fields most entries lack, carried by index in a LogWire. */
export type EntryExtra = Pick<
  LogEntry,
  'binary' | 'delivery' | 'rtt' | 'failure' | 'echoOf' | 'notForwarded' | 'msg' | 'agent'
>;

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
  agentId: (number | null)[];
  /** Each entry's text length; `text` holds the texts one after another. */
  len: number[];
  text: string;
  /** Entries whose type is not their text's own (`messageType`), as index, type, index, type… */
  type: (number | string)[];
  /** Index and rarer fields of the entries that have any. */
  extra: [number, EntryExtra][];
  updates: EntryUpdate[];
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
