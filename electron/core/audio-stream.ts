/**
 * Audio streams to agents: one at a time per agent, with the avatar preamble each
 * connection needs (MMDAgent-EX resets `__AV_*` state on every new connection).
 */
import type { StreamFileRequest, StreamResult } from '../../common/audio.js';
import {
  aliasOk,
  evenBytes,
  newSpeechJob,
  sendMicChunk,
  type MicJob,
  type SpeakRequest,
  type SpeechHandle,
  type SpeechJob,
} from './audio-jobs.js';
import { AudioLanes } from './audio-lanes.js';
import { durationMs } from './audio-packets.js';

export type { AudioHost } from './audio-lanes.js';
export type { SpeakRequest, SpeechEnd, SpeechHandle } from './audio-jobs.js';

const gone = (agentId: number): StreamResult => ({ ok: false, problem: { key: 'agentGone', agentId: agentId } });

export class AudioStreamer extends AudioLanes {
  maxDurationSec = 600;

  /** The agent left: its stream ends and a reconnect starts from a blank avatar state. */
  agentLeft(agentId: number): void {
    this.dropQueue(agentId, 'agentDisconnected');
    const job = this.active.get(agentId);
    if (job) this.finish(agentId, job, 'stopped', 'agentDisconnected');
    this.playsUntil.delete(agentId);
    this.host.changed();
  }

  streamFile(agentId: number, req: Omit<StreamFileRequest, 'agentId'>): StreamResult {
    if (!this.host.has(agentId)) return gone(agentId);
    if (!aliasOk(req.alias)) return { ok: false, problem: { key: 'badAlias' } };
    const pcm = evenBytes(req.pcm);
    if (pcm.length === 0) return { ok: false, problem: { key: 'audioEmpty', name: req.name } };
    const seconds = durationMs(pcm.length) / 1000;
    if (seconds > this.maxDurationSec) {
      return { ok: false, problem: { key: 'audioTooLong', name: req.name, seconds, limit: this.maxDurationSec } };
    }
    return this.begin(agentId, { kind: 'file', name: req.name, alias: req.alias, pcm }, req.whenBusy);
  }

  /** Starts (or queues) a Say whose first sentence is ready; the handle feeds the rest. */
  speak(agentId: number, req: SpeakRequest): { result: StreamResult; handle?: SpeechHandle } {
    if (!aliasOk(req.alias)) return { result: { ok: false, problem: { key: 'badAlias' } } };
    const job = newSpeechJob(req);
    const first = evenBytes(req.first);
    if (first.length === 0) return { result: { ok: false, problem: { key: 'audioEmpty', name: req.name } } };
    job.segments.push(first);
    job.totalMs = durationMs(first.length);
    const result = this.begin(agentId, job, req.whenBusy);
    if (!result.ok) return { result };
    const handle: SpeechHandle = {
      push: (pcm) => {
        const even = evenBytes(pcm);
        if (job.ended) return false;
        if (even.length === 0) return true;
        job.segments.push(even);
        job.totalMs += durationMs(even.length);
        if (this.active.get(agentId) === job && !job.pacer) this.playSegment(agentId, job);
        this.host.changed();
        return true;
      },
      close: () => {
        job.closed = true;
        if (this.active.get(agentId) === job && !job.pacer) this.playSegment(agentId, job);
      },
    };
    return { result, handle };
  }

  /** The agent's own voice takes over: what the panel streams to it, and all that waits, ends as replaced by `by`. */
  replaceAll(agentId: number, by: string): void {
    this.dropQueue(agentId, 'replaced');
    const current = this.active.get(agentId);
    if (current && current.kind !== 'mic') this.finish(agentId, current, 'stopped', 'replaced', false, by);
  }

  /** Stop speech: the agent's Say streams (playing and queued) end now; files are left alone. */
  stopSpeech(agentId: number): boolean {
    const queue = this.queues.get(agentId) ?? [];
    const queued = queue.filter((j): j is SpeechJob => j.kind === 'speech');
    for (const job of queued) this.end(agentId, job, 'operatorStop');
    const current = this.active.get(agentId);
    if (current?.kind === 'speech') this.finish(agentId, current, 'stopped', 'operatorStop');
    return queued.length > 0 || current?.kind === 'speech';
  }

  stop(agentId: number): StreamResult {
    if (!this.host.has(agentId)) return gone(agentId);
    const job = this.active.get(agentId);
    if (!job) return { ok: false, problem: { key: 'nothingStreaming' } };
    this.dropQueue(agentId, 'operatorStop');
    this.finish(agentId, job, 'stopped', 'operatorStop');
    return { ok: true, queued: 0 };
  }

  micStart(agentId: number, alias: string): StreamResult {
    if (!this.host.has(agentId)) return gone(agentId);
    if (!aliasOk(alias)) return { ok: false, problem: { key: 'badAlias' } };
    const current = this.active.get(agentId);
    if (current && current.kind !== 'mic') return { ok: false, problem: { key: 'fileBusy', name: current.name } };
    if (current?.kind === 'mic') return { ok: true, queued: 0 };
    this.ensurePreamble(agentId, alias);
    this.host.control(agentId, 'SNDSTRM');
    const job: MicJob = {
      kind: 'mic',
      name: 'Microphone',
      alias,
      startedAt: performance.now(),
      dropped: 0,
      bytes: 0,
      packets: 0,
      latencies: [],
    };
    this.active.set(agentId, job);
    this.host.notice({ key: 'micStreaming', params: { agentId, model: alias } }, agentId);
    this.host.changed();
    return { ok: true, queued: 0 };
  }

  /** One captured chunk: sent at once as its own packet(s); `capturedAt` is wall-clock ms. */
  micChunk(agentId: number, pcm: Uint8Array, capturedAt: number): void {
    const job = this.active.get(agentId);
    if (job?.kind !== 'mic' || pcm.length === 0) return;
    if (sendMicChunk(job, pcm, capturedAt, (packet) => this.host.sendBytes(agentId, packet))) this.host.changed();
  }

  micStop(agentId: number): StreamResult {
    const job = this.active.get(agentId);
    if (job?.kind !== 'mic') return { ok: false, problem: { key: 'micNotStreaming' } };
    this.finish(agentId, job, 'done');
    return { ok: true, queued: 0 };
  }
}
