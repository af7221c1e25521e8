/**
 * A per-agent token bucket for what the UI shows. A hostile or runaway peer cannot
 * drown the renderer; everything it sends still goes to the disk log.
 */
export class UiBudget {
  private readonly buckets = new Map<number, { tokens: number; at: number; hidden: number; reportedAt: number }>();

  constructor(
    readonly ratePerSec: number,
    private readonly burst = ratePerSec * 2,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True if this message may be shown. */
  take(agentId: number): boolean {
    const t = this.now();
    let b = this.buckets.get(agentId);
    if (!b) this.buckets.set(agentId, (b = { tokens: this.burst, at: t, hidden: 0, reportedAt: t }));
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.ratePerSec);
    b.at = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    b.hidden++;
    return false;
  }

  /** Whether a hidden count waits to be reported. */
  get hiding(): boolean {
    for (const b of this.buckets.values()) if (b.hidden > 0) return true;
    return false;
  }

  /** Hidden counts to report, at most once a second per agent. */
  takeHidden(): [number, number][] {
    const t = this.now();
    const out: [number, number][] = [];
    for (const [agentId, b] of this.buckets) {
      if (b.hidden > 0 && t - b.reportedAt >= 1000) {
        out.push([agentId, b.hidden]);
        b.hidden = 0;
        b.reportedAt = t;
      }
    }
    return out;
  }

  /** Drops the agent's bucket; returns what it had hidden and not yet reported. */
  forget(agentId: number): number {
    const hidden = this.buckets.get(agentId)?.hidden ?? 0;
    this.buckets.delete(agentId);
    return hidden;
  }
}
