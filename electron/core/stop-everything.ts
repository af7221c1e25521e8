/**
 * Stop everything: the operator's one key for silence. Syntheses stop first (nothing new starts),
 * then every stream ends with SNDBRKS (files, microphone, Says, and all that waits behind them),
 * then every model each agent has loaded gets `SYNTH_STOP`, which ends MMDAgent-EX's own voice.
 */
import type { StopEverythingResult } from '../../common/agents.js';
import type { NoticeMsg } from '../../common/problems.js';

export interface StopEverythingParts {
  /** Ends every synthesis; how many were running. */
  stopSyntheses(): number;
  /** Ends every stream with SNDBRKS and drops the queues; how many ended. */
  stopStreams(): number;
  /** Connected agents. */
  agents(): number[];
  /** The model aliases this agent's scene has loaded (the configured alias when it knows none). */
  aliases(agentId: number): string[];
  sendLine(agentId: number, line: string): boolean;
  notice(msg: NoticeMsg): void;
}

export function stopEverything(parts: StopEverythingParts): StopEverythingResult {
  const syntheses = parts.stopSyntheses();
  const streams = parts.stopStreams();
  let voices = 0;
  const agents = parts.agents();
  for (const agentId of agents)
    for (const alias of parts.aliases(agentId)) if (parts.sendLine(agentId, `SYNTH_STOP|${alias}`)) voices++;
  parts.notice({ key: 'stoppedEverything', params: { streams, syntheses, voices, agents: agents.length } });
  return { ok: true, streams, syntheses, voices, agents: agents.length };
}
