/**
 * Every message and connection event gets an id and a time here, goes to the disk
 * log, and joins the UI batch of the current tick. Outgoing lines wait for their
 * echo from MMDAgent-EX, which marks them delivered instead of showing twice.
 */
import type { AgentLogLine, EntryKind, EntryUpdate, LogEntry, LogWire } from '../../common/log.js';
import type { NoticeMsg } from '../../common/problems.js';
import { LogWireEncoder, encodeLogBatch } from '../../common/log-wire.js';
import { carriesMessage, parseAgentLog } from './agent-log.js';
import { noticeEnglish } from './log-words.js';
import { EchoTicks } from './echo-ticks.js';
import { classify, expectedEcho, messageType } from './protocol.js';

/** Longest text the UI receives for one entry; the disk log keeps the whole line. */
export const UI_TEXT_MAX = 16_384;
/** Characters of text kept for the snapshot a late renderer receives (whole batches past the newest). */
const RECENT_MAX_CHARS = 4_000_000;

export interface LogSink {
  append(record: object): void;
  /** An entry, as `entryJson` (entry-json) writes it, on one line. */
  appendEntry(entry: LogEntry): void;
  /** The disk failed: the log says so once, and the UI goes on showing messages. */
  onError?(listener: (error: Error) => void): void;
}

export interface MessageLogOptions {
  sink: LogSink | null;
  /** How many recent UI entries a late renderer receives in its snapshot. */
  recentLimit?: number;
  echoTimeoutMs?: number;
  now?: () => number;
  /** Something new for the UI batch (an entry, or an update of one). */
  changed?: () => void;
}

interface PendingEcho {
  entry: LogEntry;
  echo: string;
}

export class MessageLog {
  private nextId = 1;
  /** The UI batch of this tick, in columns: nothing per message outlives the tick but its text. */
  private batch = new LogWireEncoder();
  private updates: EntryUpdate[] = [];
  /** Batches already sent, kept (as sent) for the snapshot of a late renderer. */
  private sent: LogWire[] = [];
  private sentEntries = 0;
  private sentChars = 0;
  /** Delivery outcomes of entries the kept batches show as pending. */
  private readonly settled = new Map<number, EntryUpdate>();
  private readonly pending = new Map<number, PendingEcho[]>();
  /** Echoes from the full log, held until their tick has passed: an Error in it fails the line. */
  private readonly ticks: EchoTicks;
  private readonly now: () => number;
  private readonly recentLimit: number;
  echoTimeoutMs: number;

  constructor(private readonly options: MessageLogOptions) {
    this.now = options.now ?? Date.now;
    this.recentLimit = options.recentLimit ?? 5000;
    this.echoTimeoutMs = options.echoTimeoutMs ?? 5000;
    this.ticks = new EchoTicks((entry, delivery, rtt, failure) => this.settle(entry, delivery, rtt, failure), this.now);
    options.sink?.onError?.((e) => this.notice('error', { key: 'logWriteFailed', params: { error: e.message } }));
  }

  /**
   * A line received from an agent; an echo of ours updates the sent entry instead.
   * With `ui` false (the agent is over its UI budget) it goes to disk only.
   */
  incoming(agentId: number, line: string, ui = true, forwarded = true): LogEntry {
    const agent = parseAgentLog(line);
    if (agent !== null && this.ticks.holding) this.ticks.judge(agentId, agent);
    /* A line of the agent's own log carries a message (Sent, Captured) or words (Status, Warning, Error). */
    const message = agent === null ? line : carriesMessage(agent.level) ? agent.text : null;
    const type = message === null ? agent!.level : messageType(message);
    /* Only the message itself answers an injected line: `Remote: Sent: X`, not the modules' receipts of it. */
    const echoOf =
      message !== null && (agent === null || answersRemote(agent))
        ? this.matchEcho(agentId, message, agent?.tick)
        : undefined;
    const kind = echoOf !== undefined ? 'event' : (agentKind(agent) ?? classify(type, 'in'));
    const entry = this.make('in', agentId, kind, type, line);
    if (agent) entry.agent = agent;
    if (!forwarded) entry.notForwarded = true;
    if (echoOf === undefined) return this.commit(entry, ui);
    entry.echoOf = echoOf;
    this.options.sink?.appendEntry(entry);
    return entry;
  }

  incomingBinary(agentId: number, length: number, preview: string): LogEntry {
    const entry = this.make('in', agentId, 'event', '(binary)', preview);
    entry.binary = length;
    return this.commit(entry);
  }

  /** A line sent to an agent (by the panel, or `down` from the dialogue server). Lines MMDAgent-EX echoes wait for that echo. */
  outgoing(agentId: number, line: string, dir: 'out' | 'down' = 'out', ui = true): LogEntry {
    const type = messageType(line);
    const entry = this.make(dir, agentId, classify(type, 'out'), type, line);
    const echo = expectedEcho(line);
    entry.delivery = echo === null ? 'sent' : 'pending';
    if (echo !== null) {
      const list = this.pending.get(agentId) ?? [];
      list.push({ entry, echo });
      this.pending.set(agentId, list);
    }
    return this.commit(entry, ui);
  }

  /** The panel's line to the dialogue server, as the agent (proxy mode); nothing echoes it. */
  toServer(agentId: number, line: string): LogEntry {
    const type = messageType(line);
    const entry = this.make('up', agentId, classify(type, 'in'), type, line);
    entry.delivery = 'sent';
    return this.commit(entry);
  }

  /** An audio stream from the dialogue server, summarised (start, end) instead of packet by packet. */
  downAudio(agentId: number, msg: NoticeMsg): LogEntry {
    const entry = this.make('down', agentId, 'control', '(audio)', noticeEnglish(msg));
    entry.msg = msg;
    return this.commit(entry);
  }

  /** Whether any line still waits for its echo (its "no echo" is due) or for its tick to pass. */
  get awaitingEchoes(): boolean {
    return this.pending.size > 0 || this.ticks.holding;
  }

  /** Whether any line the panel sent to this agent still waits for its echo (a cheap check first). */
  awaitsEcho(agentId: number): boolean {
    return (this.pending.get(agentId)?.length ?? 0) > 0;
  }

  /**
   * Whether `line` from the agent would confirm a line the panel itself sent (not one the
   * dialogue server sent): proxy mode keeps such echoes from the dialogue server.
   */
  isPanelEcho(agentId: number, line: string): boolean {
    const list = this.pending.get(agentId);
    if (!list) return false;
    const agent = parseAgentLog(line);
    const message = agent === null ? line : answersRemote(agent) ? agent.text : null;
    return message !== null && list.find((p) => p.echo === message)?.entry.dir === 'out';
  }

  /** A notice from the panel itself: a key and values for the UI, in English words on disk. */
  notice(kind: Extract<EntryKind, 'status' | 'error'>, msg: NoticeMsg, agentId: number | null = null): LogEntry {
    const entry = this.make('sys', agentId, kind, kind === 'error' ? 'ERROR' : 'STATUS', noticeEnglish(msg));
    entry.msg = msg;
    return this.commit(entry);
  }

  /** Outgoing lines to a session that left will never be echoed. */
  agentLeft(agentId: number): void {
    this.ticks.release(agentId);
    for (const p of this.pending.get(agentId) ?? []) this.settle(p.entry, 'no-echo');
    this.pending.delete(agentId);
  }

  /** Marks overdue lines "no echo" and hands over what the tick collected. */
  takeBatch(): LogWire | null {
    this.expireEchoes();
    const wire = this.batch.take(this.updates);
    if (wire === null) return null;
    this.updates = [];
    /* Updates alone are in `settled`; only batches with entries make up the snapshot. */
    if (wire.n > 0) this.keep(wire);
    return wire;
  }

  /**
   * What a late renderer starts from, as wire batches: those already sent (a window bounded by
   * count and by characters, whole batches), the one collecting now, and the deliveries settled
   * since they went out as a last batch of updates alone. Nothing is decoded or encoded again.
   */
  recent(): LogWire[] {
    const wires = [...this.sent];
    const collecting = this.batch.peek();
    if (collecting.n > 0) wires.push(collecting);
    const settled = encodeLogBatch([], [...this.settled.values()]);
    if (settled) wires.push(settled);
    return wires;
  }

  private make(dir: LogEntry['dir'], agentId: number | null, kind: EntryKind, type: string, text: string): LogEntry {
    return { id: this.nextId++, t: this.now(), dir, agentId: agentId, kind, type, text };
  }

  /** Writes the whole entry to disk; the UI gets it too, with a very long text shortened. */
  private commit(entry: LogEntry, ui = true): LogEntry {
    this.options.sink?.appendEntry(entry);
    /* Told even when the UI does not get the entry: the tick reports what an agent's budget hid. */
    this.options.changed?.();
    if (!ui) return entry;
    this.batch.add(
      entry.text.length > UI_TEXT_MAX
        ? {
            ...entry,
            text: `${entry.text.slice(0, UI_TEXT_MAX)} … (${entry.text.length.toLocaleString('en-US')} characters; the session log has all of it)`,
          }
        : entry,
    );
    return entry;
  }

  /** Sent batches are kept while they hold the snapshot's window, bounded by count and by characters. */
  private keep(wire: LogWire): void {
    this.sent.push(wire);
    this.sentEntries += wire.n;
    this.sentChars += wire.text.length;
    while (
      this.sent.length > 1 &&
      (this.sentEntries - this.sent[0]!.n >= this.recentLimit || this.sentChars > RECENT_MAX_CHARS)
    ) {
      const old = this.sent.shift()!;
      this.sentEntries -= old.n;
      this.sentChars -= old.text.length;
    }
    const oldest = this.sent[0]!;
    if (this.settled.size > 0) {
      const firstId = oldest.id[0]!;
      for (const id of this.settled.keys()) if (id < firstId) this.settled.delete(id);
    }
  }

  /** The echo of a pending line: delivered now, or (full log, `tick` known) once its tick has passed without an error. */
  private matchEcho(agentId: number, line: string, tick?: number): number | undefined {
    const list = this.pending.get(agentId);
    if (!list) return undefined;
    const index = list.findIndex((p) => p.echo === line);
    if (index < 0) return undefined;
    const { entry } = list.splice(index, 1)[0]!;
    if (list.length === 0) this.pending.delete(agentId);
    const rtt = this.now() - entry.t;
    if (tick === undefined) {
      this.settle(entry, 'delivered', rtt);
      return entry.id;
    }
    this.ticks.hold(agentId, tick, entry, rtt);
    return entry.id;
  }

  /** Records the outcome on the entry (for later snapshots), the UI batch and the disk. */
  private settle(entry: LogEntry, delivery: 'delivered' | 'no-echo' | 'failed', rtt?: number, failure?: string): void {
    entry.delivery = delivery;
    if (rtt !== undefined) entry.rtt = rtt;
    if (failure !== undefined) entry.failure = failure;
    const update: EntryUpdate = { id: entry.id, delivery };
    if (rtt !== undefined) update.rtt = rtt;
    if (failure !== undefined) update.failure = failure;
    this.updates.push(update);
    this.options.changed?.();
    this.settled.set(entry.id, update);
    this.options.sink?.append({ update: entry.id, delivery, rtt, failure });
  }

  private expireEchoes(): void {
    const now = this.now();
    const cutoff = now - this.echoTimeoutMs;
    for (const [agentId, list] of this.pending) {
      while (list.length > 0 && list[0]!.entry.t <= cutoff) this.settle(list.shift()!.entry, 'no-echo');
      if (list.length === 0) this.pending.delete(agentId);
    }
    this.ticks.expire(now);
  }
}

/** In the agent's own log, a line injected over the socket comes back as `Remote: Sent: <line>`. */
function answersRemote(agent: AgentLogLine): boolean {
  return agent.level === 'Sent' && agent.module === 'Remote';
}

/** The agent's own Error and Warning lines stand out by kind; its Status lines are status. */
function agentKind(agent: AgentLogLine | null): EntryKind | null {
  if (agent === null) return null;
  if (agent.level === 'Error') return 'error';
  if (agent.level === 'Warning') return 'warning';
  return agent.level === 'Status' ? 'status' : null;
}
