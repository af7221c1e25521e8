/**
 * Waits for a line from an agent: a cue's `wait for` step. Batches are looked at only while a wait
 * is armed, and the lines of the last few seconds are kept so a wait armed just after its answer
 * arrived still sees it.
 */
import type { Target } from '../../common/agents';
import type { LogEntry, LogWire } from '../../common/log';
import { decodeLogWire } from '../../common/log-wire';

interface Watcher {
  target: Target;
  test(line: string): boolean;
  done(matched: boolean): void;
}

interface Seen {
  seq: number;
  agentId: number;
  line: string;
}

const watchers = new Set<Watcher>();
/** Lines from agents, newest last, while someone may wait for them. */
const recent: Seen[] = [];
const RECENT_MAX = 500;
let seq = 0;
/** Recent lines are kept while a show runs: `arm()` turns that on, and it ends when nothing is armed. */
let keeping = 0;

/** What a wait matches: a message from the agent (with the full log, its `Sent` messages). */
function messageOf(e: LogEntry): string | null {
  if (e.dir !== 'in' || e.agentId === null) return null;
  if (e.agent) return e.agent.level === 'Sent' ? e.agent.text : null;
  return e.text;
}

/** The bridge hands every batch here; it costs nothing while no show runs. */
export function feedLines(wire: LogWire): void {
  if (watchers.size === 0 && keeping === 0) return;
  for (const e of decodeLogWire(wire).entries) {
    const line = messageOf(e);
    if (line === null) continue;
    const seen = { seq: ++seq, agentId: e.agentId!, line };
    if (keeping > 0) {
      recent.push(seen);
      if (recent.length > RECENT_MAX) recent.shift();
    }
    for (const w of watchers) if (matches(w, seen)) w.done(true);
  }
}

function matches(w: Watcher, s: Seen): boolean {
  return (w.target === 'all' || w.target === s.agentId) && w.test(s.line);
}

/** Keep recent lines from now on (a show started); the returned function stops keeping them. */
export function keepLines(): () => void {
  keeping++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    keeping--;
    if (keeping === 0) recent.length = 0;
  };
}

/** Where the lines stand now: a wait given this sees every line after it. */
export function lineMark(): number {
  return seq;
}

export function waitForLine(
  target: Target,
  test: (line: string) => boolean,
  timeoutMs: number,
  signal: AbortSignal,
  since: number,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('cancelled'));
    const probe: Watcher = { target, test, done: () => undefined };
    if (recent.some((s) => s.seq > since && matches(probe, s))) return resolve(true);
    const finish = (matched: boolean | null): void => {
      clearTimeout(timer);
      watchers.delete(watcher);
      signal.removeEventListener('abort', abort);
      if (matched === null) reject(new Error('cancelled'));
      else resolve(matched);
    };
    const watcher: Watcher = { target, test, done: (m) => finish(m) };
    const abort = (): void => finish(null);
    const timer = setTimeout(() => finish(false), timeoutMs);
    watchers.add(watcher);
    signal.addEventListener('abort', abort, { once: true });
  });
}
