/**
 * A read-only list of log rows over column chunks. Rows become objects only when read, and the
 * same row read twice is the same object (memoized rows stay put), through a cache the buffer
 * shares with every view of it, keyed by a sequence number no other row ever has.
 */
import type { LogEntry } from '../../common/log';
import type { LogColumns } from '../../common/log-columns';

/** What views read: the chunks and each chunk's first sequence number, ascending. */
export interface ChunkList {
  chunks: readonly LogColumns[];
  bases: readonly number[];
}

/** Rows read recently, kept as objects; older ones are dropped first. */
const CACHE_MAX = 512;

export class RowCache {
  private readonly rows = new Map<number, LogEntry>();

  get(seq: number): LogEntry | undefined {
    return this.rows.get(seq);
  }

  set(seq: number, entry: LogEntry): void {
    this.rows.set(seq, entry);
    if (this.rows.size <= CACHE_MAX) return;
    for (const key of this.rows.keys()) {
      this.rows.delete(key);
      if (this.rows.size <= CACHE_MAX * 0.75) break;
    }
  }
}

/** The chunk holding `seq` and the row's index in it (binary search over the chunks). */
export function locate(list: ChunkList, seq: number): [LogColumns, number] | null {
  const { chunks, bases } = list;
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const chunk = chunks[mid]!;
    if (seq < bases[mid]!) hi = mid - 1;
    else if (seq >= bases[mid]! + chunk.n) lo = mid + 1;
    else return [chunk, seq - bases[mid]!];
  }
  return null;
}

export function readRow(list: ChunkList, cache: RowCache, seq: number): LogEntry | undefined {
  const cached = cache.get(seq);
  if (cached) return cached;
  const at = locate(list, seq);
  if (!at) return undefined;
  const entry = at[0].entry(at[1]);
  cache.set(seq, entry);
  return entry;
}

export interface LogView extends Iterable<LogEntry> {
  readonly length: number;
  /** Row `i`; a negative `i` counts from the end. */
  at(i: number): LogEntry | undefined;
  slice(start?: number, end?: number): LogEntry[];
  map<T>(fn: (entry: LogEntry, i: number) => T): T[];
  /** Index of the first row with an id above `id` (ids ascend). */
  indexAfter(id: number): number;
  /** The rows up to this id, as they are now, unchanged by later appends, trims or filters. */
  freeze(upToId?: number): LogView;
}

/** Rows by sequence number: `seqs[i]` when filtered, else `first + i`. */
export class ColumnView implements LogView {
  constructor(
    private readonly list: ChunkList,
    private readonly cache: RowCache,
    private readonly seqs: Float64Array | null,
    private readonly first: number,
    readonly length: number,
  ) {}

  private seq(i: number): number {
    return this.seqs ? this.seqs[i]! : this.first + i;
  }

  at(i: number): LogEntry | undefined {
    const k = i < 0 ? this.length + i : i;
    if (k < 0 || k >= this.length) return undefined;
    return readRow(this.list, this.cache, this.seq(k));
  }

  slice(start = 0, end = this.length): LogEntry[] {
    const from = Math.max(0, start < 0 ? this.length + start : start);
    const to = Math.min(this.length, end < 0 ? this.length + end : end);
    const out: LogEntry[] = [];
    for (let i = from; i < to; i++) out.push(this.at(i)!);
    return out;
  }

  map<T>(fn: (entry: LogEntry, i: number) => T): T[] {
    const out = new Array<T>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = fn(this.at(i)!, i);
    return out;
  }

  *[Symbol.iterator](): Iterator<LogEntry> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  indexAfter(id: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const at = locate(this.list, this.seq(mid));
      if (at && at[0].ids[at[1]]! <= id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  freeze(upToId = Number.POSITIVE_INFINITY): LogView {
    const length = upToId === Number.POSITIVE_INFINITY ? this.length : this.indexAfter(upToId);
    const list = { chunks: this.list.chunks.slice(), bases: this.list.bases.slice() };
    return new ColumnView(list, this.cache, this.seqs ? this.seqs.slice(0, length) : null, this.first, length);
  }
}

/** A view of nothing (a cleared, frozen view). */
export const EMPTY_VIEW: LogView = new ColumnView({ chunks: [], bases: [] }, new RowCache(), null, 0, 0);
