/**
 * Log entries held as columns: typed arrays for ids, times and sessions, one string for every
 * text. The renderer keeps its window of up to 200,000 rows this way, so the garbage collector
 * sees a few hundred objects instead of a million (holding entry objects, a young-generation
 * collection under a flood took 180 ms). Rows become objects only when something reads them.
 */
import type { Delivery, Direction, EntryExtra, EntryKind, EntryUpdate, LogEntry, LogWire } from './contract.js';
import { messageType } from './wire-rules.js';

export const DIR_CODE: Record<Direction, string> = { in: 'i', out: 'o', down: 'd', up: 'u', sys: 's' };
export const KIND_CODE: Record<EntryKind, string> = { event: 'e', command: 'c', control: 'n', status: 's', warning: 'w', error: 'x' };
const DIR_OF = invert(DIR_CODE);
const KIND_OF = invert(KIND_CODE);

function invert<K extends string>(table: Record<K, string>): Record<string, K> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [v, k])) as Record<string, K>;
}

/** The wire form that does not add up (a bug, or not a batch at all). */
export class LogWireError extends Error {}

/** `text`'s type, reusing `last` when the text starts with it (a flood repeats a few types). */
export function typeOf(text: string, last: string): string {
  if (last !== '' && text.startsWith(last) && (text.length === last.length || text.charCodeAt(last.length) === (last.startsWith('__AV') ? 0x2c : 0x7c))) return last;
  return messageType(text);
}

export class LogColumns {
  private constructor(
    readonly n: number,
    /** Ids ascend (a gap marker has a fraction). */
    readonly ids: Float64Array,
    private readonly times: Float64Array,
    private readonly dirs: string,
    private readonly kinds: string,
    /** NaN for the panel's own notices (no session). */
    private readonly sessions: Float64Array,
    private readonly texts: string,
    /** Where each text starts in `texts`; one more than `n`. */
    private readonly offsets: Uint32Array,
    /** Types that are not the text's own. */
    private readonly types: Map<number, string>,
    private readonly extras: Map<number, EntryExtra>,
  ) {
    for (const extra of extras.values()) if (extra.agent) this.hasAgentLines = true;
  }

  /** Whether any row is a line of the agent's own log (`Plugin_Remote_AllLog`). */
  readonly hasAgentLines: boolean = false;

  static fromWire(w: LogWire): LogColumns {
    const n = w.n;
    if (!(n >= 0) || w.id.length !== n || w.t.length !== n || w.len.length !== n || w.dir.length !== n || w.kind.length !== n) throw new LogWireError(`log batch columns disagree (n=${n})`);
    const ids = new Float64Array(n);
    const times = new Float64Array(n);
    const sessions = new Float64Array(n);
    const offsets = new Uint32Array(n + 1);
    let id = 0;
    let t = 0;
    let at = 0;
    let run = 0;
    let runLeft = 0;
    let session = Number.NaN;
    for (let i = 0; i < n; i++) {
      ids[i] = id += w.id[i]!;
      times[i] = t += w.t[i]!;
      offsets[i] = at;
      at += w.len[i]!;
      if (runLeft === 0) {
        runLeft = Number(w.session[run]);
        const s = w.session[run + 1];
        session = s === null || s === undefined ? Number.NaN : s;
        run += 2;
      }
      runLeft--;
      sessions[i] = session;
      if (DIR_OF[w.dir[i]!] === undefined || KIND_OF[w.kind[i]!] === undefined) throw new LogWireError(`log batch entry ${i} has no direction or kind`);
    }
    offsets[n] = at;
    if (at !== w.text.length) throw new LogWireError('log batch texts do not match their lengths');
    const types = new Map<number, string>();
    for (let k = 0; k + 1 < w.type.length; k += 2) types.set(w.type[k] as number, w.type[k + 1] as string);
    return new LogColumns(n, ids, times, w.dir, w.kind, sessions, w.text, offsets, types, new Map(w.extra));
  }

  /** These entries followed by `next`'s, as one. */
  concat(next: LogColumns): LogColumns {
    const n = this.n + next.n;
    const join = (a: Float64Array, b: Float64Array): Float64Array => {
      const out = new Float64Array(n);
      out.set(a);
      out.set(b, this.n);
      return out;
    };
    const offsets = new Uint32Array(n + 1);
    offsets.set(this.offsets.subarray(0, this.n));
    const base = this.texts.length;
    for (let i = 0; i <= next.n; i++) offsets[this.n + i] = next.offsets[i]! + base;
    const types = new Map(this.types);
    for (const [i, type] of next.types) types.set(i + this.n, type);
    const extras = new Map(this.extras);
    for (const [i, extra] of next.extras) extras.set(i + this.n, extra);
    return new LogColumns(n, join(this.ids, next.ids), join(this.times, next.times), this.dirs + next.dirs, this.kinds + next.kinds, join(this.sessions, next.sessions), this.texts + next.texts, offsets, types, extras);
  }

  /** The entries from `from` on. */
  suffix(from: number): LogColumns {
    const n = this.n - from;
    const base = this.offsets[from]!;
    const offsets = new Uint32Array(n + 1);
    for (let i = 0; i <= n; i++) offsets[i] = this.offsets[from + i]! - base;
    const shift = <T>(m: Map<number, T>): Map<number, T> => new Map([...m].filter(([i]) => i >= from).map(([i, v]) => [i - from, v]));
    return new LogColumns(n, this.ids.slice(from), this.times.slice(from), this.dirs.slice(from), this.kinds.slice(from), this.sessions.slice(from), this.texts.slice(base), offsets, shift(this.types), shift(this.extras));
  }

  text(i: number): string {
    return this.texts.slice(this.offsets[i], this.offsets[i + 1]);
  }

  dir(i: number): Direction {
    return DIR_OF[this.dirs[i]!]!;
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
    this.extras.set(i, extra);
  }

  /** Entry `i` as a new object. */
  entry(i: number, lastType = ''): LogEntry {
    const s = this.sessions[i]!;
    const text = this.text(i);
    const entry: LogEntry = { id: this.ids[i]!, t: this.times[i]!, dir: DIR_OF[this.dirs[i]!]!, session: Number.isNaN(s) ? null : s, kind: KIND_OF[this.kinds[i]!]!, type: this.types.get(i) ?? typeOf(text, lastType), text };
    const extra = this.extras.get(i);
    if (extra) Object.assign(entry, extra);
    return entry;
  }

  /**
   * Entry `i` written into `into`, an object reused row after row (filters test a row and keep
   * nothing: a whole window is tested without an object per row).
   */
  fill(i: number, into: LogEntry, lastType = ''): LogEntry {
    const s = this.sessions[i]!;
    into.id = this.ids[i]!;
    into.t = this.times[i]!;
    into.dir = DIR_OF[this.dirs[i]!]!;
    into.session = Number.isNaN(s) ? null : s;
    into.kind = KIND_OF[this.kinds[i]!]!;
    into.text = this.text(i);
    into.type = this.types.get(i) ?? typeOf(into.text, lastType);
    const extra = this.extras.get(i);
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
