/**
 * How often the live log is redrawn. Every batch goes into the store at once; the drawing follows
 * at its own pace:
 * - batches further apart than `everyMs` (a reading pace) each redraw the log at once;
 * - closer ones share a redraw, at most every `everyMs`. Each redraw costs the page a whole frame
 *   of style, layout, paint and compositing, nearly the same for one new row as for twenty (about
 *   5–6 ms of a small machine's main thread), and a main thread drawing 60 times a second holds
 *   back the next batch;
 * - above `floodRowsPerSec` (measured over the last quarter second, so a flood is over soon after
 *   it stops) the first `floodAfterMs` are drawn batch by batch, so a short burst's last rows
 *   show as soon as they come; after that, faster than anyone can read, at most every
 *   `floodEveryMs`.
 * A redraw owed is always made.
 */
export interface PacerOptions {
  everyMs: number;
  floodRowsPerSec: number;
  floodAfterMs: number;
  floodEveryMs: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export const RENDER_PACE: PacerOptions = { everyMs: 25, floodRowsPerSec: 5000, floodAfterMs: 500, floodEveryMs: 50 };

/** The rate is measured over this window. */
const WINDOW_MS = 250;

export class RenderPacer {
  private readonly recent: { at: number; n: number }[] = [];
  private recentRows = 0;
  private floodSince: number | null = null;
  private lastRender = -Infinity;
  private owed = false;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;

  constructor(
    private readonly render: () => void,
    private readonly options: PacerOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  }

  /** `n` rows (or only delivery changes, 0) just went into the store: true to redraw now. */
  rows(n: number): boolean {
    const at = this.now();
    this.recent.push({ at, n });
    this.recentRows += n;
    while (this.recent[0]!.at <= at - WINDOW_MS) this.recentRows -= this.recent.shift()!.n;
    if ((this.recentRows * 1000) / WINDOW_MS <= this.options.floodRowsPerSec) this.floodSince = null;
    else this.floodSince ??= at;
    if (this.owed) return false;
    /* A burst's first moments are drawn batch by batch, so its last rows show as soon as they come. */
    const pace =
      this.floodSince === null
        ? this.options.everyMs
        : at - this.floodSince >= this.options.floodAfterMs
          ? this.options.floodEveryMs
          : 0;
    const wait = this.lastRender + pace - at;
    if (wait <= 0) {
      this.lastRender = at;
      return true;
    }
    this.owed = true;
    this.setTimer(() => {
      this.owed = false;
      this.lastRender = this.now();
      this.render();
    }, wait);
    return false;
  }
}
