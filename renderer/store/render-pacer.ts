/**
 * How often a flood redraws the live log. Every batch goes into the store at once; while rows
 * come at a reading pace (or in a short burst) each batch redraws the log too. Once a flood has
 * lasted `floodAfterMs` above `floodRowsPerSec` (measured over the last quarter second, so a
 * flood is over soon after it stops), faster than anyone can read, the log is redrawn at most
 * every `floodEveryMs`: on a small machine, drawing every frame of a flood takes the CPU the core
 * and the audio need. A redraw owed is always made.
 */
export interface PacerOptions {
  floodRowsPerSec: number;
  floodAfterMs: number;
  floodEveryMs: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export const FLOOD_PACE: PacerOptions = { floodRowsPerSec: 5000, floodAfterMs: 500, floodEveryMs: 50 };

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
    const paced = this.floodSince !== null && at - this.floodSince >= this.options.floodAfterMs;
    const wait = paced ? this.lastRender + this.options.floodEveryMs - at : 0;
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
