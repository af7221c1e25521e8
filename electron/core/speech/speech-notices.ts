/** What a Say writes to the log: one entry for the whole utterance, with its engine's problem, if any. */
import type { NoticeMsg, Problem, ReasonCode } from '../../../common/problems.js';
import type { SpeechEngine } from '../../../common/speech.js';
import type { SpeechEnd } from '../audio-stream.js';
import { EngineError } from './engine-error.js';

export function problemOf(error: unknown, engine: SpeechEngine): Problem {
  if (error instanceof EngineError) return error.problem;
  return { key: 'engineFailed', engine, detail: (error as Error).message };
}

export type Story = {
  agentId: number;
  engine: SpeechEngine;
  voice: string;
  text: string;
  engineMs?: number;
  panelMs?: number;
};

export interface Synthesized {
  pcm: Uint8Array;
  /** Time inside the engine (its HTTP calls, or its program), ms. */
  engineMs: number;
}

export const round1 = (ms: number): number => Math.round(ms * 10) / 10;

/** The utterance's one log entry: said, stopped (and why), or failed part-way with the engine's problem. */
export function endNotice(story: Story, end: SpeechEnd, failure: Problem | null): NoticeMsg {
  const base = { ...story, duration: Number((end.sentMs / 1000).toFixed(2)), sentences: end.segments };
  if (failure) return { key: 'speechFailed', params: { ...base, ...flatProblem(failure) } };
  if (end.how === 'done') return { key: 'said', params: base };
  const reason: ReasonCode = end.reason ?? 'operatorStop';
  return { key: 'speechStopped', params: { ...base, reason, name: end.replacedBy ?? '' } };
}

/** A problem's fields as notice values (`why` is its key), so a UI can word it again. */
export function flatProblem(p: Problem): Record<string, string | number> {
  const out: Record<string, string | number> = { why: p.key };
  for (const [k, v] of Object.entries(p))
    if (k !== 'key' && (typeof v === 'string' || typeof v === 'number')) out[k === 'engine' ? 'failedEngine' : k] = v;
  return out;
}
