/**
 * The UI tick: batches what the panel has for a UI while there is any, and stops when a tick
 * finds nothing left to do, so a panel at rest (waiting for an agent, possibly for hours) wakes
 * nobody. Waking from rest, the first tick runs at once: a lone message is not held for a tick.
 */
export class UiTick {
  private timer: NodeJS.Timeout | null = null;
  private on = false;
  private firing = false;
  private wokenWhileFiring = false;

  /** `run` does one tick's work and says whether there is more to come (timed duties, or a batch just sent). */
  constructor(
    private readonly run: () => boolean,
    private readonly everyMs: number,
  ) {}

  /** Whether a tick is scheduled. */
  get ticking(): boolean {
    return this.timer !== null;
  }

  start(): void {
    this.on = true;
    this.wake();
  }

  /** Something for a UI arrived. */
  wake(): void {
    if (!this.on) return;
    if (this.firing) this.wokenWhileFiring = true;
    else this.timer ??= setTimeout(this.fire, 0);
  }

  stop(): void {
    this.on = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly fire = (): void => {
    this.firing = true;
    this.wokenWhileFiring = false;
    /* A tick that throws is retried at the next one, as an interval would. */
    let more = true;
    try {
      more = this.run();
    } finally {
      this.firing = false;
      this.timer = this.on && (more || this.wokenWhileFiring) ? setTimeout(this.fire, this.everyMs) : null;
    }
  };
}
