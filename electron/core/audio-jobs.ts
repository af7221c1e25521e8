/**
 * What the audio streamer keeps per agent: a file, the microphone, or a Say (segment by
 * segment), and how each shows in the UI's status.
 */
import type { AudioStatus, WhenBusy } from '../../common/audio.js';
import type { ReasonCode } from '../../common/problems.js';
import { lineProblem } from '../../common/wire-rules.js';
import { durationMs, type Pacer } from './audio-packets.js';
import { percentile } from './stats.js';

export interface FileJob {
  kind: 'file';
  name: string;
  alias: string;
  pcm: Uint8Array;
  pacer?: Pacer;
}

export interface MicJob {
  kind: 'mic';
  name: string;
  alias: string;
  startedAt: number;
  /** Chunks dropped for running ahead of real time (a live microphone cannot). */
  dropped: number;
  bytes: number;
  packets: number;
  latencies: number[];
}

/** A Say: one SNDFILE…SNDBRKS segment per sentence, each pushed as soon as it is synthesized. */
export interface SpeechJob {
  kind: 'speech';
  name: string;
  alias: string;
  segments: Uint8Array[];
  /** Segments started so far. */
  next: number;
  /** No more segments will come. */
  closed: boolean;
  ended: boolean;
  pacer?: Pacer;
  /** Audio of the segments already finished, ms. */
  doneMs: number;
  totalMs: number;
  onEnd(end: SpeechEnd): void;
}

export interface SpeechEnd {
  how: 'done' | 'stopped';
  reason?: ReasonCode;
  sentMs: number;
  segments: number;
  /** With reason `replaced`: what took its place. */
  replacedBy?: string;
}

/** The speaker's hold on its utterance while later sentences are still being synthesized. */
export interface SpeechHandle {
  /** The next sentence's audio: it plays right after the one before. False once the utterance is over. */
  push(pcm: Uint8Array): boolean;
  /** No more sentences: the utterance ends after the last one. */
  close(): void;
}

export interface SpeakRequest {
  name: string;
  alias: string;
  /** The first sentence's audio: nothing goes out before it exists. */
  first: Uint8Array;
  whenBusy: WhenBusy;
  onEnd(end: SpeechEnd): void;
}

export type Queued = FileJob | SpeechJob;
export type Job = Queued | MicJob;

/** What one agent's audio looks like to the UI now. */
export function jobStatus(session: number, job: Job | undefined, queued: string[]): AudioStatus {
  if (!job) return { session, state: 'idle', queued };
  if (job.kind === 'mic') {
    return {
      session,
      state: 'mic',
      name: job.name,
      sentMs: durationMs(job.bytes),
      queued,
      latencyP50: percentile(job.latencies, 50),
      latencyP99: percentile(job.latencies, 99),
    };
  }
  if (job.kind === 'speech')
    return {
      session,
      state: 'speech',
      name: job.name,
      totalMs: job.totalMs,
      sentMs: job.doneMs + (job.pacer?.sentMs ?? 0),
      queued,
    };
  return {
    session,
    state: 'file',
    name: job.name,
    totalMs: durationMs(job.pcm.length),
    sentMs: job.pacer?.sentMs ?? 0,
    queued,
  };
}

export const evenBytes = (pcm: Uint8Array): Uint8Array => (pcm.length % 2 ? pcm.subarray(0, pcm.length - 1) : pcm);

/** A model alias `__AV_SETMODEL,<alias>` can carry: not empty, no separators, within the line limit. */
export function aliasOk(alias: string): boolean {
  return alias.trim() !== '' && !/[,|]/.test(alias) && lineProblem(`__AV_SETMODEL,${alias}`) === null;
}
