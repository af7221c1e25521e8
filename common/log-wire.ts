/**
 * Builds and reads LogWire: the log's batches in columns, one array per field and every text in
 * one string. A flood of short lines crosses IPC or the bridge as about a sixth of the bytes of
 * an object per entry, and both ends build and parse it in a fraction of the time.
 */
import type { EntryExtra, EntryUpdate, LogBatch, LogEntry, LogWire } from './log.js';
import { DIR_CODE, KIND_CODE, LogColumns } from './log-columns.js';
import { isMessageType } from './wire-rules.js';

export { LogWireError } from './log-columns.js';

/**
 * Collects one batch's entries into columns; `take` hands the batch over and starts the next. The
 * columns are written by index and kept from batch to batch (a batch gets copies of exactly its
 * length), so a flood's batches grow no arrays: growing them was a good part of the core's garbage.
 */
export class LogWireEncoder {
  private n = 0;
  private readonly ids: number[] = [];
  private readonly times: number[] = [];
  private readonly dirs: string[] = [];
  private readonly kinds: string[] = [];
  private readonly lens: number[] = [];
  /** Emptied by `take`, so a batch's texts are not kept past it. */
  private readonly texts: string[] = [];
  private agentIds: (number | null)[] = [];
  private types: (number | string)[] = [];
  private extras: [number, EntryExtra][] = [];
  private lastId = 0;
  private lastT = 0;
  private runSession: number | null = null;

  get size(): number {
    return this.n;
  }

  add(e: LogEntry): void {
    const i = this.n++;
    this.ids[i] = e.id - this.lastId;
    this.lastId = e.id;
    this.times[i] = e.t - this.lastT;
    this.lastT = e.t;
    this.dirs[i] = DIR_CODE[e.dir];
    this.kinds[i] = KIND_CODE[e.kind];
    const runs = this.agentIds;
    if (i > 0 && this.runSession === e.agentId) (runs[runs.length - 2] as number)++;
    else runs.push(1, e.agentId);
    this.runSession = e.agentId;
    this.lens[i] = e.text.length;
    this.texts[i] = e.text;
    if (!isMessageType(e.text, e.type)) this.types.push(i, e.type);
    if (
      e.binary !== undefined ||
      e.delivery !== undefined ||
      e.rtt !== undefined ||
      e.failure !== undefined ||
      e.echoOf !== undefined ||
      e.notForwarded ||
      e.msg ||
      e.agent
    )
      this.extras.push([i, extraOf(e)]);
  }

  /** The batch so far with these updates, or null when there is nothing to send. */
  take(updates: EntryUpdate[]): LogWire | null {
    if (this.n === 0 && updates.length === 0) return null;
    const wire = this.peek(updates);
    this.texts.fill('', 0, this.n);
    this.n = 0;
    this.agentIds = [];
    this.types = [];
    this.extras = [];
    this.lastId = 0;
    this.lastT = 0;
    return wire;
  }

  /** The batch so far, left collecting. */
  peek(updates: EntryUpdate[] = []): LogWire {
    const n = this.n;
    return {
      n,
      id: this.ids.slice(0, n),
      t: this.times.slice(0, n),
      dir: this.dirs.slice(0, n).join(''),
      kind: this.kinds.slice(0, n).join(''),
      agentId: this.agentIds.slice(),
      len: this.lens.slice(0, n),
      text: this.texts.slice(0, n).join(''),
      type: this.types.slice(),
      extra: this.extras.slice(),
      updates,
    };
  }
}

function extraOf(e: LogEntry): EntryExtra {
  const x: EntryExtra = {};
  if (e.binary !== undefined) x.binary = e.binary;
  if (e.delivery !== undefined) x.delivery = e.delivery;
  if (e.rtt !== undefined) x.rtt = e.rtt;
  if (e.failure !== undefined) x.failure = e.failure;
  if (e.echoOf !== undefined) x.echoOf = e.echoOf;
  if (e.notForwarded) x.notForwarded = true;
  if (e.msg) x.msg = e.msg;
  if (e.agent) x.agent = e.agent;
  return x;
}

/** A batch of entry objects in columns (null when it holds nothing): the inverse of `decodeLogWire`. */
export function encodeLogBatch(entries: readonly LogEntry[], updates: EntryUpdate[] = []): LogWire | null {
  const encoder = new LogWireEncoder();
  for (const e of entries) encoder.add(e);
  return encoder.take(updates);
}

/** The entries and updates of a batch, as objects. */
export function decodeLogWire(w: LogWire): LogBatch {
  return { entries: LogColumns.fromWire(w).entries(), updates: w.updates };
}
