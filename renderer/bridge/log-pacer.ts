/**
 * How often log batches reach the store. At a reading pace every batch is applied as it comes
 * (one per core tick, so a row is on screen within a frame). In a flood, faster than anyone can
 * read, batches are gathered and applied at most every `floodEveryMs`: each application redraws
 * the live log, and on a small machine drawing every frame of a flood takes the CPU the core and
 * the audio need. Nothing is dropped: held batches are applied in order.
 */
export interface PacerOptions {
  /** Rows per second, over the last second, above which batches are gathered. */
  floodRowsPerSec: number;
  floodEveryMs: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export class LogPacer<W extends { n: number }> {
  private readonly recent: { at: number; n: number }[] = [];
  private recentRows = 0;
  private held: W[] = [];
  private timer = false;
  private lastApplied = -Infinity;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;

  constructor(
    private readonly apply: (batches: W[]) => void,
    private readonly options: PacerOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  }

  push(batch: W): void {
    const at = this.now();
    this.recent.push({ at, n: batch.n });
    this.recentRows += batch.n;
    while (this.recent.length > 0 && this.recent[0]!.at <= at - 1000) this.recentRows -= this.recent.shift()!.n;
    this.held.push(batch);
    if (this.timer) return;
    const wait = this.recentRows > this.options.floodRowsPerSec ? this.lastApplied + this.options.floodEveryMs - at : 0;
    if (wait <= 0) return this.flush();
    this.timer = true;
    this.setTimer(() => {
      this.timer = false;
      this.flush();
    }, wait);
  }

  /** Applies what is held now (before a gap marker or a snapshot, which must come after it). */
  flush(): void {
    if (this.held.length === 0) return;
    const batches = this.held;
    this.held = [];
    this.lastApplied = this.now();
    this.apply(batches);
  }
}
