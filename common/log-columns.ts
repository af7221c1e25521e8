/**
 * Log entries held as columns: typed arrays for ids, times and agentIds, one string for every
 * text. The renderer keeps its window of up to 200,000 rows this way, so the garbage collector
 * sees a few hundred objects instead of a million (holding entry objects, a young-generation
 * collection under a flood took 180 ms). Rows become objects only when something reads them.
 */
import type { Delivery, Direction, EntryExtra, EntryKind, EntryUpdate, LogEntry, LogWire } from './log.js';
import { messageType } from './wire-rules.js';

export const DIR_CODE: Record<Direction, string> = { in: 'i', out: 'o', down: 'd', up: 'u', sys: 's' };
export const KIND_CODE: Record<EntryKind, string> = {
  event: 'e',
  command: 'c',
  control: 'n',
  status: 's',
  warning: 'w',
  error: 'x',
};

/** The wire form that does not add up (a bug, or not a batch at all). */
export class LogWireError extends Error {}

/** `text`'s type, reusing `last` when the text starts with it (a flood repeats a few types). */
export function typeOf(text: string, last: string): string {
  if (
    last !== '' &&
    text.startsWith(last) &&
    (text.length === last.length || text.charCodeAt(last.length) === (last.startsWith('__AV') ? 0x2c : 0x7c))
  )
    return last;
  return messageType(text);
}

const DIRS = Object.keys(DIR_CODE) as Direction[];
const KINDS = Object.keys(KIND_CODE) as EntryKind[];
const DIR_INDEX: Record<string, number> = Object.fromEntries(DIRS.map((d, k) => [DIR_CODE[d], k]));
const KIND_INDEX: Record<string, number> = Object.fromEntries(KINDS.map((d, k) => [KIND_CODE[d], k]));

export class LogColumns {
  private count: number;
  /** Ids ascend (a gap marker has a fraction). */
  private idCol: Float64Array;
  private times: Float64Array;
  /** NaN for the panel's own notices (no session). */
  private agentIds: Float64Array;
  /** Direction index × 8 + kind index. */
  private codes: Uint8Array;
  /** Where each text starts in the chunk's texts, one after another; one more than the rows. */
  private offsets: Uint32Array;
  /** The texts, as the batches brought them: each piece's first row and first character. */
  private readonly pieces: string[] = [];
  private readonly pieceRow: number[] = [];
  private readonly pieceChar: number[] = [];
  /** Types that are not the text's own. */
  private readonly types = new Map<number, string>();
  private readonly extras = new Map<number, EntryExtra>();
  /** Whether any row is a line of the agent's own log (`Plugin_Remote_AllLog`). */
  hasAgentLines = false;

  private constructor(capacity: number) {
    this.count = 0;
    this.idCol = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
    this.agentIds = new Float64Array(capacity);
    this.codes = new Uint8Array(capacity);
    this.offsets = new Uint32Array(capacity + 1);
  }

  get n(): number {
    return this.count;
  }

  /** Rows this chunk can still take in place. */
  get room(): number {
    return this.codes.length - this.count;
  }

  /** The ids of the rows (read only; the array may be longer than `n`). */
  get ids(): Float64Array {
    return this.idCol;
  }

  static fromWire(w: LogWire): LogColumns {
    const n = w.n;
    if (
      !(n >= 0) ||
      w.id.length !== n ||
      w.t.length !== n ||
      w.len.length !== n ||
      w.dir.length !== n ||
      w.kind.length !== n
    )
      throw new LogWireError(`log batch columns disagree (n=${n})`);
    const c = new LogColumns(n);
    let id = 0;
    let t = 0;
    let at = 0;
    let run = 0;
    let runLeft = 0;
    let agentId = Number.NaN;
    for (let i = 0; i < n; i++) {
      c.idCol[i] = id += w.id[i]!;
      c.times[i] = t += w.t[i]!;
      c.offsets[i] = at;
      at += w.len[i]!;
      if (runLeft === 0) {
        runLeft = Number(w.agentId[run]);
        const s = w.agentId[run + 1];
        agentId = s === null || s === undefined ? Number.NaN : s;
        run += 2;
      }
      runLeft--;
      c.agentIds[i] = agentId;
      const dir = DIR_INDEX[w.dir[i]!];
      const kind = KIND_INDEX[w.kind[i]!];
      if (dir === undefined || kind === undefined)
        throw new LogWireError(`log batch entry ${i} has no direction or kind`);
      c.codes[i] = dir * 8 + kind;
    }
    c.offsets[n] = at;
    if (at !== w.text.length) throw new LogWireError('log batch texts do not match their lengths');
    for (let k = 0; k + 1 < w.type.length; k += 2) c.types.set(w.type[k] as number, w.type[k + 1] as string);
    for (const [i, extra] of w.extra) c.extras.set(i, extra);
    c.hasAgentLines = w.extra.some(([, x]) => x.agent !== undefined);
    c.count = n;
    c.pieces.push(w.text);
    c.pieceRow.push(0);
    c.pieceChar.push(0);
    return c;
  }

  /** A chunk with room for `capacity` rows, holding `first`'s. */
  static withRoom(first: LogColumns, capacity: number): LogColumns {
    const c = new LogColumns(Math.max(capacity, first.n));
    c.append(first);
    return c;
  }

  /** Appends `next`'s rows in place (the caller checked `room`): nothing already read changes. */
  append(next: LogColumns): void {
    const n = this.count;
    if (next.n > this.room) throw new RangeError('no room in this chunk');
    this.idCol.set(next.idCol.subarray(0, next.n), n);
    this.times.set(next.times.subarray(0, next.n), n);
    this.agentIds.set(next.agentIds.subarray(0, next.n), n);
    this.codes.set(next.codes.subarray(0, next.n), n);
    const base = this.offsets[n]!;
    for (let i = 1; i <= next.n; i++) this.offsets[n + i] = next.offsets[i]! + base;
    for (let k = 0; k < next.pieces.length; k++) {
      this.pieces.push(next.pieces[k]!);
      this.pieceRow.push(next.pieceRow[k]! + n);
      this.pieceChar.push(next.pieceChar[k]! + base);
    }
    for (const [i, type] of next.types) this.types.set(i + n, type);
    for (const [i, extra] of next.extras) this.extras.set(i + n, extra);
    this.hasAgentLines ||= next.hasAgentLines;
    this.count += next.n;
  }

  /** The rows from `from` on, as a chunk of their own. */
  suffix(from: number): LogColumns {
    const c = new LogColumns(this.count - from);
    const texts: string[] = [];
    let at = 0;
    for (let i = from; i < this.count; i++) {
      const k = i - from;
      c.idCol[k] = this.idCol[i]!;
      c.times[k] = this.times[i]!;
      c.agentIds[k] = this.agentIds[i]!;
      c.codes[k] = this.codes[i]!;
      c.offsets[k] = at;
      const text = this.text(i);
      texts.push(text);
      at += text.length;
      const type = this.types.get(i);
      if (type !== undefined) c.types.set(k, type);
      const extra = this.extras.get(i);
      if (extra) c.extras.set(k, extra);
    }
    c.offsets[this.count - from] = at;
    c.pieces.push(texts.join(''));
    c.pieceRow.push(0);
    c.pieceChar.push(0);
    c.hasAgentLines = this.hasAgentLines;
    c.count = this.count - from;
    return c;
  }

  text(i: number): string {
    /* Rows are mostly read in order: the piece of the last one read is tried first. */
    let lo = this.lastPiece;
    const rows = this.pieceRow;
    if (rows[lo]! > i || (lo + 1 < rows.length && rows[lo + 1]! <= i)) lo = this.findPiece(i);
    this.lastPiece = lo;
    const base = this.pieceChar[lo]!;
    return this.pieces[lo]!.slice(this.offsets[i]! - base, this.offsets[i + 1]! - base);
  }

  private lastPiece = 0;

  private findPiece(i: number): number {
    let lo = 0;
    let hi = this.pieceRow.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.pieceRow[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  dir(i: number): Direction {
    return DIRS[this.codes[i]! >> 3]!;
  }

  /** The type, given the one before it (for reuse). */
  type(i: number, last = ''): string {
    return this.types.get(i) ?? typeOf(this.text(i), last);
  }

  delivery(i: number): Delivery | undefined {
    return this.extras.get(i)?.delivery;
  }

  /** Records a delivery change (a fresh object: entries already read keep theirs until told). */
  settle(i: number, u: EntryUpdate): void {
    const extra: EntryExtra = { ...this.extras.get(i), delivery: u.delivery };
    if (u.rtt !== undefined) extra.rtt = u.rtt;
    if (u.failure !== undefined) extra.failure = u.failure;
    this.extras.set(i, extra);
  }

  /** Entry `i` as a new object. */
  entry(i: number, lastType = ''): LogEntry {
    const s = this.agentIds[i]!;
    const text = this.text(i);
    const code = this.codes[i]!;
    const entry: LogEntry = {
      id: this.idCol[i]!,
      t: this.times[i]!,
      dir: DIRS[code >> 3]!,
      agentId: Number.isNaN(s) ? null : s,
      kind: KINDS[code & 7]!,
      type: this.types.get(i) ?? typeOf(text, lastType),
      text,
    };
    const extra = this.extras.get(i);
    if (extra) Object.assign(entry, extra);
    return entry;
  }

  /**
   * Entry `i` written into `into`, an object reused row after row (filters test a row and keep
   * nothing: a whole window is tested without an object per row).
   */
  fill(i: number, into: LogEntry, lastType = ''): LogEntry {
    const s = this.agentIds[i]!;
    const code = this.codes[i]!;
    into.id = this.idCol[i]!;
    into.t = this.times[i]!;
    into.dir = DIRS[code >> 3]!;
    into.agentId = Number.isNaN(s) ? null : s;
    into.kind = KINDS[code & 7]!;
    into.text = this.text(i);
    into.type = (this.types.size === 0 ? undefined : this.types.get(i)) ?? typeOf(into.text, lastType);
    const extra = this.extras.size === 0 ? undefined : this.extras.get(i);
    into.binary = extra?.binary;
    into.delivery = extra?.delivery;
    into.rtt = extra?.rtt;
    into.echoOf = extra?.echoOf;
    into.notForwarded = extra?.notForwarded;
    into.msg = extra?.msg;
    into.agent = extra?.agent;
    return into;
  }

  entries(): LogEntry[] {
    const out = new Array<LogEntry>(this.n);
    let last = '';
    for (let i = 0; i < this.n; i++) {
      const e = this.entry(i, last);
      if (!this.types.has(i)) last = e.type;
      out[i] = e;
    }
    return out;
  }
}
