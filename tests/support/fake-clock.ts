import type { Clock } from '../../electron/core/audio-packets.js';

/** A clock the test moves by hand; timers fire in time order, `lateBy` ms late if asked. */
export class FakeClock implements Clock {
  t = 0;
  lateBy = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;
  now = (): number => this.t;
  setTimer = (fn: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.timers.push({ at: this.t + Math.max(0, ms) + this.lateBy, fn, id });
    return id;
  };
  clearTimer = (h: unknown): void => void (this.timers = this.timers.filter((x) => x.id !== h));
  pending = (): number => this.timers.length;
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
}
