/**
 * What the audio streamer keeps per agent: a file, the microphone, or a Say (segment by
 * segment), and how each shows in the UI's status.
 */
import type { AudioStatus, WhenBusy } from '../../common/audio.js';
import type { ReasonCode } from '../../common/problems.js';
import { lineProblem } from '../../common/wire-rules.js';
import { MAX_PAYLOAD, durationMs, sndPacket, type Pacer } from './audio-packets.js';
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
export function jobStatus(agentId: number, job: Job | undefined, queued: string[]): AudioStatus {
  if (!job) return { agentId: agentId, state: 'idle', queued };
  if (job.kind === 'mic') {
    return {
      agentId: agentId,
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
      agentId: agentId,
      state: 'speech',
      name: job.name,
      totalMs: job.totalMs,
      sentMs: job.doneMs + (job.pacer?.sentMs ?? 0),
      queued,
    };
  return {
    agentId: agentId,
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

const wallMs = (): number => performance.timeOrigin + performance.now();
/** How far the microphone may run ahead of real time before chunks are dropped. */
const MIC_SLACK_MS = 1000;

/**
 * One captured chunk of a microphone job, as SND packets through `send`; false when nothing went.
 * More audio than time has passed (plus a second of slack) is a backlog or a flood: MMDAgent-EX
 * would drop it anyway, so it is counted and dropped here.
 */
export function sendMicChunk(
  job: MicJob,
  pcm: Uint8Array,
  capturedAt: number,
  send: (packet: Uint8Array) => boolean,
): boolean {
  if (durationMs(job.bytes + pcm.length) > performance.now() - job.startedAt + MIC_SLACK_MS) {
    job.dropped++;
    return false;
  }
  for (let offset = 0; offset < pcm.length; offset += MAX_PAYLOAD) {
    const payload = pcm.subarray(offset, Math.min(pcm.length, offset + MAX_PAYLOAD));
    if (payload.length % 2) break;
    if (!send(sndPacket(payload))) return false;
    job.packets++;
    job.bytes += payload.length;
  }
  /* The page's clock and this process's agree to a few ms; a chunk cannot arrive before it was captured. */
  job.latencies.push(Math.max(0, wallMs() - capturedAt));
  if (job.latencies.length > 500) job.latencies.splice(0, job.latencies.length - 500);
  return true;
}

/** What a file or microphone stream sent, for the notice that it finished or stopped. */
export function streamParams(agentId: number, job: FileJob | MicJob): Record<string, string | number> {
  const sentMs = job.kind === 'file' ? (job.pacer?.sentMs ?? 0) : durationMs(job.bytes);
  return {
    what: job.kind === 'file' ? job.name : '',
    agentId,
    duration: Number((sentMs / 1000).toFixed(2)),
    bytes: job.kind === 'file' ? Math.round(sentMs * 32) : job.bytes,
    packets: job.kind === 'file' ? (job.pacer?.sentPackets ?? 0) : job.packets,
    dropped: job.kind === 'mic' ? job.dropped : 0,
  };
}

/** A Say's job, before its first sentence is in. */
export function newSpeechJob(req: SpeakRequest): SpeechJob {
  const { name, alias, onEnd } = req;
  return {
    kind: 'speech',
    name,
    alias,
    segments: [],
    next: 0,
    closed: false,
    ended: false,
    doneMs: 0,
    totalMs: 0,
    onEnd,
  };
}

/** A file as it starts streaming; seconds as a number, so each UI writes the unit in its own language. */
export function fileParams(agentId: number, job: FileJob, packets: number): Record<string, string | number> {
  const duration = Number((durationMs(job.pcm.length) / 1000).toFixed(2));
  return { name: job.name, agentId, duration, bytes: job.pcm.length, packets, model: job.alias };
}
