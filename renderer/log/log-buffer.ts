/**
 * The renderer's bounded log window, held as column chunks (see `common/log-columns`): a flood
 * costs O(batch) with nothing per row for the garbage collector, whatever the window holds. It is
 * mutable and outside React state; the store bumps a revision to re-render. The disk log keeps
 * everything; this only bounds what the UI holds.
 */
import type { EntryUpdate, LogEntry, LogWire } from '../../common/log';
import { LogColumns } from '../../common/log-columns';
import { encodeLogBatch } from '../../common/log-wire';
import { HIDE_CAPTURED } from './log-filter';
import { ColumnView, RowCache, locate, readRow, type ChunkList, type LogView } from './log-view';

/** Distinct message types remembered for suggestions (a line without `|` is its own type). */
const MAX_TYPES = 2000;
/** Batches are merged into the chunk before them until it holds this many rows. */
const CHUNK_ROWS = 4096;
/** Rows a filter change tests at once, newest first; older ones follow in slices of this size. */
export const FILTER_SLICE_ROWS = 20_000;

export type EntryFilter = (entry: LogEntry) => boolean;

export class LogBuffer {
  private list: ChunkList & { chunks: LogColumns[]; bases: number[] } = { chunks: [], bases: [] };
  /** Sequence numbers never repeat, not even after a reset, so cached rows cannot be mistaken. */
  private nextSeq = 0;
  private held = 0;
  /** Rows passing the filter, by sequence number (null: no filter, every row). */
  private shown: Float64Array | null = null;
  private shownStart = 0;
  private shownEnd = 0;
  private readonly cache = new RowCache();
  /** Ids still waiting for their echo, with their sequence number. */
  private readonly awaiting = new Map<number, number>();
  private filter: EntryFilter | null = null;
  /** A filter change still testing older rows: rows before `before` (a sequence number) are untested; `found` holds older matches, newest slice first. */
  private older: { before: number; found: Float64Array[] } | null = null;
  /** Bumped by every filter change, so a slice scheduled for an earlier one does nothing. */
  filterGeneration = 0;
  /** The one object filters test rows in (see LogColumns.fill). */
  private readonly probe = {} as LogEntry;
  lastId = 0;
  /** Message types seen, for the type-chip suggestions. */
  readonly types = new Set<string>();
  /** Entries trimmed off the front of the window since the start. */
  trimmed = 0;

  constructor(readonly capacity = 200_000) {}

  get size(): number {
    return this.held;
  }

  /** The entries that pass the filter, oldest first. */
  get view(): LogView {
    const first = this.nextSeq - this.held;
    return this.shown
      ? new ColumnView(
          this.list,
          this.cache,
          this.shown.subarray(this.shownStart, this.shownEnd),
          first,
          this.shownEnd - this.shownStart,
        )
      : new ColumnView(this.list, this.cache, null, first, this.held);
  }

  /** The entry with this id, if still held (binary searches: ids ascend). */
  find(id: number): LogEntry | undefined {
    const { chunks, bases } = this.list;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = chunks[mid]!;
      if (id < c.ids[0]!) hi = mid - 1;
      else if (id > c.ids[c.n - 1]!) lo = mid + 1;
      else {
        const i = c.ids.subarray(0, c.n).indexOf(id);
        return i < 0 ? undefined : readRow(this.list, this.cache, bases[mid]! + i);
      }
    }
    return undefined;
  }

  /** Appends new entries (ignoring ones already held); returns how many were added. */
  append(entries: readonly LogEntry[]): number {
    const wire = encodeLogBatch(entries);
    return wire ? this.appendWire(wire) : 0;
  }

  /** Appends a batch as it came from the core; returns how many rows were added. */
  appendWire(wire: LogWire): number {
    let cols = LogColumns.fromWire(wire);
    let skip = 0;
    while (skip < cols.n && cols.ids[skip]! <= this.lastId) skip++;
    if (skip === cols.n) return 0;
    if (skip > 0) cols = cols.suffix(skip);
    const base = this.nextSeq;
    this.nextSeq += cols.n;
    this.held += cols.n;
    this.lastId = cols.ids[cols.n - 1]!;
    /* Only an agent's log lines can be Captured receipts: without any, the default filter passes all. */
    const readEach = this.filter !== null && (this.filter !== HIDE_CAPTURED || cols.hasAgentLines);
    let lastType = '';
    for (let i = 0; i < cols.n; i++) {
      if (cols.delivery(i) === 'pending') this.awaiting.set(cols.ids[i]!, base + i);
      if (this.types.size < MAX_TYPES && cols.dir(i) !== 'sys') {
        const type = cols.type(i, lastType);
        if (type !== lastType && type.length <= 200) this.types.add(type);
        lastType = type;
      }
      if (this.filter && (!readEach || this.filter(cols.fill(i, this.probe, lastType)))) this.pushShown(base + i);
    }
    /* Small batches fill one chunk in place (allocated once, so a flood of batches makes no garbage). */
    const { chunks, bases } = this.list;
    const last = chunks[chunks.length - 1];
    const chunkRows = Math.max(1, Math.min(CHUNK_ROWS, Math.floor(this.capacity / 10)));
    if (last && last.room >= cols.n && bases[bases.length - 1]! + last.n === base) last.append(cols);
    else {
      chunks.push(cols.n < chunkRows ? LogColumns.withRoom(cols, chunkRows) : cols);
      bases.push(base);
    }
    if (this.held > this.capacity * 1.1) this.trim();
    return cols.n;
  }

  /** Delivery changes for entries already held. */
  update(updates: readonly EntryUpdate[]): boolean {
    let changed = false;
    for (const u of updates) {
      const seq = this.awaiting.get(u.id);
      if (seq === undefined) continue;
      const at = locate(this.list, seq);
      at?.[0].settle(at[1], u);
      const row = this.cache.get(seq);
      if (row) {
        row.delivery = u.delivery;
        if (u.rtt !== undefined) row.rtt = u.rtt;
        if (u.failure !== undefined) row.failure = u.failure;
      }
      if (u.delivery !== 'pending') this.awaiting.delete(u.id);
      changed = true;
    }
    return changed;
  }

  /**
   * Applies a filter to the newest rows at once (at least the last FILTER_SLICE_ROWS, whole
   * chunks), so the rows in view are right in this frame; `filterMore` tests the older ones in
   * slices, and until then the view holds only the newest. Returns how many rows were tested.
   */
  setFilter(filter: EntryFilter | null): number {
    this.filter = filter;
    this.shown = null;
    this.shownStart = this.shownEnd = 0;
    this.older = null;
    this.filterGeneration++;
    if (!filter) return 0;
    const { chunks, bases } = this.list;
    let c = chunks.length;
    let tested = 0;
    while (c > 0 && tested < FILTER_SLICE_ROWS) tested += chunks[--c]!.n;
    this.shown = new Float64Array(Math.max(1024, tested));
    for (let k = c; k < chunks.length; k++) this.testChunk(k, (seq) => this.pushShown(seq));
    if (c > 0) this.older = { before: bases[c]!, found: [] };
    return tested;
  }

  /** True while older rows wait to be tested against the filter. */
  get filtering(): boolean {
    return this.older !== null;
  }

  /** Tests the next slice of older rows; false once every row held has been tested. */
  filterMore(): boolean {
    const older = this.older;
    if (!older) return false;
    const { chunks, bases } = this.list;
    /* The chunk just before the rows tested (gone if the window trimmed it meanwhile). */
    let c = chunks.length - 1;
    while (c >= 0 && bases[c]! + chunks[c]!.n !== older.before) c--;
    let tested = 0;
    while (c >= 0 && tested < FILTER_SLICE_ROWS) {
      const found = new Float64Array(chunks[c]!.n);
      let n = 0;
      this.testChunk(c, (seq) => (found[n++] = seq));
      older.found.push(found.subarray(0, n));
      older.before = bases[c]!;
      tested += chunks[c]!.n;
      c--;
    }
    if (c >= 0) return true;
    /* All tested: the older matches (less any rows trimmed meanwhile) go before the newest. */
    const first = bases[0] ?? 0;
    const live = this.shownEnd - this.shownStart;
    let total = live;
    for (const f of older.found) total += f.length;
    const merged = new Float64Array(Math.max(1024, total));
    let at = 0;
    for (let k = older.found.length - 1; k >= 0; k--)
      for (const seq of older.found[k]!) if (seq >= first) merged[at++] = seq;
    merged.set(this.shown!.subarray(this.shownStart, this.shownEnd), at);
    this.shown = merged;
    this.shownStart = 0;
    this.shownEnd = at + live;
    this.older = null;
    return false;
  }

  private testChunk(c: number, pass: (seq: number) => void): void {
    const chunk = this.list.chunks[c]!;
    const base = this.list.bases[c]!;
    const filter = this.filter!;
    if (filter === HIDE_CAPTURED && !chunk.hasAgentLines) {
      for (let i = 0; i < chunk.n; i++) pass(base + i);
      return;
    }
    let lastType = '';
    for (let i = 0; i < chunk.n; i++) {
      const e = chunk.fill(i, this.probe, lastType);
      lastType = e.type;
      if (filter(e)) pass(base + i);
    }
  }

  /** Forgets everything, including the last id (a new core run numbers from 1 again). */
  reset(): void {
    this.clear();
    this.lastId = 0;
  }

  clear(): void {
    this.types.clear();
    this.list = { chunks: [], bases: [] };
    this.held = 0;
    this.awaiting.clear();
    this.older = null;
    if (this.shown) this.shownStart = this.shownEnd = 0;
  }

  private pushShown(seq: number): void {
    let shown = this.shown!;
    if (this.shownEnd === shown.length) {
      const live = this.shownEnd - this.shownStart;
      /* Room comes from the rows trimmed off the front first, then from a larger array. */
      if (this.shownStart > shown.length / 2) shown.copyWithin(0, this.shownStart, this.shownEnd);
      else {
        const grown = new Float64Array(shown.length * 2);
        grown.set(shown.subarray(this.shownStart, this.shownEnd));
        this.shown = shown = grown;
      }
      this.shownStart = 0;
      this.shownEnd = live;
    }
    shown[this.shownEnd++] = seq;
  }

  /** Drops whole chunks off the front until the window is back to its capacity. */
  private trim(): void {
    const { chunks, bases } = this.list;
    let drop = 0;
    while (drop < chunks.length - 1 && this.held - chunks[drop]!.n >= this.capacity) {
      this.held -= chunks[drop]!.n;
      this.trimmed += chunks[drop]!.n;
      drop++;
    }
    if (drop === 0) return;
    chunks.splice(0, drop);
    bases.splice(0, drop);
    const firstSeq = bases[0]!;
    for (const [id, seq] of this.awaiting) if (seq < firstSeq) this.awaiting.delete(id);
    if (this.shown)
      while (this.shownStart < this.shownEnd && this.shown[this.shownStart]! < firstSeq) this.shownStart++;
  }
}
