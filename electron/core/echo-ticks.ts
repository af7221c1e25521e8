/**
 * With the full log, an injected line's echo and the agent's answer to it share one tick (its frame
 * counter): `Remote: Sent: X`, then perhaps `MMDAgent: Error: …` (docs/protocol.md). So an echo is
 * held, not settled, until the agent logs a later tick or `ECHO_HOLD_MS` pass; an Error or Warning
 * in its tick fails the line it is about.
 */
import type { AgentLogLine, LogEntry } from '../../common/log.js';

/** How long an echoed line waits for an Error in its tick when the agent logs nothing after it. */
export const ECHO_HOLD_MS = 150;

interface Held {
  tick: number;
  at: number;
  echoed: { entry: LogEntry; rtt: number }[];
}

export type Settle = (entry: LogEntry, delivery: 'delivered' | 'failed', rtt: number, failure?: string) => void;

export class EchoTicks {
  private readonly held = new Map<number, Held>();

  constructor(
    private readonly settle: Settle,
    private readonly now: () => number,
  ) {}

  /** Whether any echo waits for its tick to pass (the UI tick must keep running until it does). */
  get holding(): boolean {
    return this.held.size > 0;
  }

  /** An echo at `tick`: those held from an earlier tick are delivered, this one waits. */
  hold(agentId: number, tick: number, entry: LogEntry, rtt: number): void {
    const held = this.held.get(agentId);
    if (held && held.tick !== tick) this.release(agentId);
    const same = this.held.get(agentId);
    if (same) same.echoed.push({ entry, rtt });
    else this.held.set(agentId, { tick, at: this.now(), echoed: [{ entry, rtt }] });
  }

  /**
   * A line of the agent's log: an Error or Warning in the tick of held echoes fails the line it is
   * about: the only one held, or the one whose arguments the words name most closely. When two or
   * more were held and the words name none of them, none is blamed. A later tick settles them.
   */
  judge(agentId: number, agent: AgentLogLine): void {
    const held = this.held.get(agentId);
    if (!held) return;
    if (agent.tick !== held.tick) return this.release(agentId);
    if (agent.level !== 'Error' && agent.level !== 'Warning') return;
    const scores = held.echoed.map((e) => named(agent.text, e.entry.text));
    const best = Math.max(...scores);
    const index = best > 0 ? scores.lastIndexOf(best) : held.echoed.length === 1 ? 0 : -1;
    if (index < 0) return;
    const [{ entry, rtt }] = held.echoed.splice(index, 1) as [{ entry: LogEntry; rtt: number }];
    this.settle(entry, 'failed', rtt, agent.text.slice(0, 500));
    if (held.echoed.length === 0) this.held.delete(agentId);
  }

  /** Everything held for this agent is delivered (a later tick came, or it left). */
  release(agentId: number): void {
    const held = this.held.get(agentId);
    if (!held) return;
    this.held.delete(agentId);
    for (const { entry, rtt } of held.echoed) this.settle(entry, 'delivered', rtt);
  }

  /** Echoes held `ECHO_HOLD_MS` with nothing after them are delivered. */
  expire(now: number): void {
    for (const [agentId, held] of this.held) if (now - held.at >= ECHO_HOLD_MS) this.release(agentId);
  }
}

/**
 * How closely the agent's words name this line: the length of the longest of its arguments (a file,
 * an alias of four characters or more) they contain; 0 when they name none.
 */
function named(words: string, line: string): number {
  let longest = 0;
  for (const field of line.split('|').slice(1))
    if (field.length >= 4 && field.length > longest && words.includes(field)) longest = field.length;
  return longest;
}
