/**
 * The renderer's bounded log window. Kept mutable and outside React state so a
 * flood costs O(batch), not O(window); the store bumps a revision to re-render.
 * The disk log keeps everything; this only bounds what the UI holds.
 */
import type { EntryUpdate, LogEntry } from '../../common/contract';

/** Distinct message types remembered for suggestions (a line without `|` is its own type). */
const MAX_TYPES = 2000;

export type EntryFilter = (entry: LogEntry) => boolean;

export class LogBuffer {
  private all: LogEntry[] = [];
  private shown: LogEntry[] = [];
  private readonly awaiting = new Map<number, LogEntry>();
  private filter: EntryFilter | null = null;
  lastId = 0;
  /** Message types seen, for the type-chip suggestions. */
  readonly types = new Set<string>();
  /** Entries trimmed off the front of the window since the start. */
  trimmed = 0;

  constructor(readonly capacity = 200_000) {}

  get size(): number {
    return this.all.length;
  }

  /** The entries that pass the filter, oldest first. Do not mutate. */
  get view(): readonly LogEntry[] {
    return this.shown;
  }

  /** The entry with this id, if still held (binary search: ids ascend). */
  find(id: number): LogEntry | undefined {
    let lo = 0;
    let hi = this.all.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = this.all[mid]!;
      if (e.id === id) return e;
      if (e.id < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Appends new entries (ignoring ones already held); returns how many were added. */
  append(entries: readonly LogEntry[]): number {
    let added = 0;
    for (const entry of entries) {
      if (entry.id <= this.lastId) continue;
      this.lastId = entry.id;
      this.all.push(entry);
      if (entry.dir !== 'sys' && this.types.size < MAX_TYPES && entry.type.length <= 200) this.types.add(entry.type);
      if (entry.delivery === 'pending') this.awaiting.set(entry.id, entry);
      if (!this.filter || this.filter(entry)) this.shown.push(entry);
      added++;
    }
    if (this.all.length > this.capacity * 1.1) this.trim();
    return added;
  }

  /** Delivery changes for entries already held. */
  update(updates: readonly EntryUpdate[]): boolean {
    let changed = false;
    for (const u of updates) {
      const entry = this.awaiting.get(u.id);
      if (!entry) continue;
      entry.delivery = u.delivery;
      if (u.rtt !== undefined) entry.rtt = u.rtt;
      if (u.delivery !== 'pending') this.awaiting.delete(u.id);
      changed = true;
    }
    return changed;
  }

  setFilter(filter: EntryFilter | null): void {
    this.filter = filter;
    this.shown = filter ? this.all.filter(filter) : this.all.slice();
  }

  /** Forgets everything, including the last id (a new core run numbers from 1 again). */
  reset(): void {
    this.clear();
    this.lastId = 0;
  }

  clear(): void {
    this.types.clear();
    this.all = [];
    this.shown = [];
    this.awaiting.clear();
  }

  private trim(): void {
    const drop = this.all.length - this.capacity;
    const firstKept = this.all[drop]!.id;
    for (const entry of this.all.slice(0, drop)) this.awaiting.delete(entry.id);
    this.all = this.all.slice(drop);
    this.trimmed += drop;
    let cut = 0;
    while (cut < this.shown.length && this.shown[cut]!.id < firstKept) cut++;
    if (cut > 0) this.shown = this.shown.slice(cut);
  }
}
