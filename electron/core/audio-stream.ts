/**
 * Audio streams to agents: one at a time per agent, with the avatar preamble each
 * connection needs (MMDAgent-EX resets `__AV_*` state on every new connection).
 */
import type { AudioStatus, StreamFileRequest, StreamResult, WhenBusy } from '../../common/audio.js';
import type { NoticeMsg, ReasonCode } from '../../common/problems.js';
import {
  aliasOk,
  evenBytes,
  jobStatus,
  type FileJob,
  type Job,
  type MicJob,
  type Queued,
  type SpeakRequest,
  type SpeechHandle,
  type SpeechJob,
} from './audio-jobs.js';
import type { AvatarControl } from './avatar-control.js';
import { MAX_PAYLOAD, Pacer, durationMs, packetize, sndPacket, type PacerOptions } from './audio-packets.js';

export type { SpeakRequest, SpeechEnd, SpeechHandle } from './audio-jobs.js';

export interface AudioHost {
  /** Whether the agent is connected: audio goes to one agent that is. */
  has(session: number): boolean;
  /** Raw bytes for one frame (an SND packet). */
  sendBytes(session: number, bytes: Uint8Array): boolean;
  /** A control line (`__AV_START`, `SNDFILE`, …), sent and logged as control. */
  control(session: number, line: string): boolean;
  notice(msg: NoticeMsg, session: number, kind?: 'status' | 'error'): void;
  changed(): void;
}

const gone = (session: number): StreamResult => ({ ok: false, problem: { key: 'agentGone', id: session } });
const wallMs = (): number => performance.timeOrigin + performance.now();
const MIC_SLACK_MS = 1000;

export class AudioStreamer {
  private readonly active = new Map<number, Job>();
  private readonly queues = new Map<number, Queued[]>();
  /** When the audio already sent to each agent ends there: the next stream continues that timeline. */
  private readonly playsUntil = new Map<number, number>();
  maxDurationSec = 600;

  constructor(
    private readonly host: AudioHost,
    private readonly avatar: AvatarControl,
    private readonly pacerOptions: PacerOptions = {},
  ) {}

  /** The agent left: its stream ends and a reconnect starts from a blank avatar state. */
  sessionClosed(session: number): void {
    this.dropQueue(session, 'agentDisconnected');
    const job = this.active.get(session);
    if (job) this.finish(session, job, 'stopped', 'agentDisconnected');
    this.playsUntil.delete(session);
    this.host.changed();
  }

  streamFile(session: number, req: Omit<StreamFileRequest, 'target'>): StreamResult {
    if (!this.host.has(session)) return gone(session);
    if (!aliasOk(req.alias)) return { ok: false, problem: { key: 'badAlias' } };
    const pcm = evenBytes(req.pcm);
    if (pcm.length === 0) return { ok: false, problem: { key: 'audioEmpty', name: req.name } };
    const seconds = durationMs(pcm.length) / 1000;
    if (seconds > this.maxDurationSec) {
      return { ok: false, problem: { key: 'audioTooLong', name: req.name, seconds, limit: this.maxDurationSec } };
    }
    return this.begin(session, { kind: 'file', name: req.name, alias: req.alias, pcm }, req.whenBusy);
  }

  /** Starts (or queues) a Say whose first sentence is ready; the handle feeds the rest. */
  speak(session: number, req: SpeakRequest): { result: StreamResult; handle?: SpeechHandle } {
    if (!aliasOk(req.alias)) return { result: { ok: false, problem: { key: 'badAlias' } } };
    const job: SpeechJob = {
      kind: 'speech',
      name: req.name,
      alias: req.alias,
      segments: [],
      next: 0,
      closed: false,
      ended: false,
      doneMs: 0,
      totalMs: 0,
      onEnd: req.onEnd,
    };
    const first = evenBytes(req.first);
    if (first.length === 0) return { result: { ok: false, problem: { key: 'audioEmpty', name: req.name } } };
    job.segments.push(first);
    job.totalMs = durationMs(first.length);
    const result = this.begin(session, job, req.whenBusy);
    if (!result.ok) return { result };
    const handle: SpeechHandle = {
      push: (pcm) => {
        const even = evenBytes(pcm);
        if (job.ended) return false;
        if (even.length === 0) return true;
        job.segments.push(even);
        job.totalMs += durationMs(even.length);
        if (this.active.get(session) === job && !job.pacer) this.playSegment(session, job);
        this.host.changed();
        return true;
      },
      close: () => {
        job.closed = true;
        if (this.active.get(session) === job && !job.pacer) this.playSegment(session, job);
      },
    };
    return { result, handle };
  }

  /** The agent's own voice takes over: what the panel streams to it, and all that waits, ends as replaced by `by`. */
  replaceAll(session: number, by: string): void {
    this.dropQueue(session, 'replaced');
    const current = this.active.get(session);
    if (current && current.kind !== 'mic') this.finish(session, current, 'stopped', 'replaced', false, by);
  }

  /** Stop speech: the agent's Say streams (playing and queued) end now; files are left alone. */
  stopSpeech(session: number): boolean {
    const queue = this.queues.get(session) ?? [];
    const queued = queue.filter((j): j is SpeechJob => j.kind === 'speech');
    for (const job of queued) this.end(session, job, 'operatorStop');
    const current = this.active.get(session);
    if (current?.kind === 'speech') this.finish(session, current, 'stopped', 'operatorStop');
    return queued.length > 0 || current?.kind === 'speech';
  }

  private begin(session: number, job: Queued, whenBusy: WhenBusy): StreamResult {
    const current = this.active.get(session);
    if (current?.kind === 'mic') return { ok: false, problem: { key: 'micBusy' } };
    if (current && whenBusy === 'queue') {
      const queue = this.queues.get(session) ?? [];
      queue.push(job);
      this.queues.set(session, queue);
      this.host.changed();
      return { ok: true, queued: queue.length };
    }
    if (current) this.finish(session, current, 'stopped', 'replaced', false, job.name);
    this.startJob(session, job);
    return { ok: true, queued: 0 };
  }

  /** Ends a speech job wherever it is: playing, or still waiting in the queue. */
  private end(session: number, job: SpeechJob, reason: ReasonCode): void {
    if (this.active.get(session) === job) return this.finish(session, job, 'stopped', reason);
    const queue = this.queues.get(session);
    const at = queue?.indexOf(job) ?? -1;
    if (queue && at >= 0) queue.splice(at, 1);
    if (queue?.length === 0) this.queues.delete(session);
    if (!job.ended) {
      job.ended = true;
      job.onEnd({ how: 'stopped', reason, sentMs: 0, segments: 0 });
    }
    this.host.changed();
  }

  /** Everything waiting behind the current stream is dropped; a waiting Say hears why. */
  private dropQueue(session: number, reason: ReasonCode): void {
    const queue = this.queues.get(session) ?? [];
    this.queues.delete(session);
    for (const job of queue) if (job.kind === 'speech') this.end(session, job, reason);
  }

  stop(session: number): StreamResult {
    if (!this.host.has(session)) return gone(session);
    const job = this.active.get(session);
    if (!job) return { ok: false, problem: { key: 'nothingStreaming' } };
    this.dropQueue(session, 'operatorStop');
    this.finish(session, job, 'stopped', 'operatorStop');
    return { ok: true, queued: 0 };
  }

  micStart(session: number, alias: string): StreamResult {
    if (!this.host.has(session)) return gone(session);
    if (!aliasOk(alias)) return { ok: false, problem: { key: 'badAlias' } };
    const current = this.active.get(session);
    if (current && current.kind !== 'mic') return { ok: false, problem: { key: 'fileBusy', name: current.name } };
    if (current?.kind === 'mic') return { ok: true, queued: 0 };
    this.ensurePreamble(session, alias);
    this.host.control(session, 'SNDSTRM');
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
    this.active.set(session, job);
    this.host.notice({ key: 'micStreaming', params: { id: session, model: alias } }, session);
    this.host.changed();
    return { ok: true, queued: 0 };
  }

  /** One captured chunk: sent at once as its own packet(s); `capturedAt` is wall-clock ms. */
  micChunk(session: number, pcm: Uint8Array, capturedAt: number): void {
    const job = this.active.get(session);
    if (job?.kind !== 'mic' || pcm.length === 0) return;
    /* More audio than time has passed (plus a second of slack) is a backlog or a flood: MMDAgent-EX would drop it anyway. */
    if (durationMs(job.bytes + pcm.length) > performance.now() - job.startedAt + MIC_SLACK_MS) {
      job.dropped++;
      return;
    }
    for (let offset = 0; offset < pcm.length; offset += MAX_PAYLOAD) {
      const payload = pcm.subarray(offset, Math.min(pcm.length, offset + MAX_PAYLOAD));
      if (payload.length % 2) break;
      if (!this.host.sendBytes(session, sndPacket(payload))) return;
      job.packets++;
      job.bytes += payload.length;
    }
    /* The page's clock and this process's agree to a few ms; a chunk cannot arrive before it was captured. */
    job.latencies.push(Math.max(0, wallMs() - capturedAt));
    if (job.latencies.length > 500) job.latencies.splice(0, job.latencies.length - 500);
    this.host.changed();
  }

  micStop(session: number): StreamResult {
    const job = this.active.get(session);
    if (job?.kind !== 'mic') return { ok: false, problem: { key: 'micNotStreaming' } };
    this.finish(session, job, 'done');
    return { ok: true, queued: 0 };
  }

  /** What is playing to this agent now (a file or a Say), if anything: what a `replace` would cut off. */
  currentName(session: number): string | undefined {
    const job = this.active.get(session);
    return job && job.kind !== 'mic' ? job.name : undefined;
  }

  /** True while a file is being paced out (its progress changes without any event). */
  get streaming(): boolean {
    for (const job of this.active.values()) if (job.kind !== 'mic') return true;
    return false;
  }

  status(): AudioStatus[] {
    const sessions = new Set([...this.active.keys(), ...this.queues.keys()]);
    return [...sessions].map((session) =>
      jobStatus(
        session,
        this.active.get(session),
        (this.queues.get(session) ?? []).map((j) => j.name),
      ),
    );
  }

  /** Stops everything (quit, listener restart). */
  stopAll(): void {
    for (const session of [...this.queues.keys()]) this.dropQueue(session, 'panelStopped');
    for (const [session, job] of this.active) this.finish(session, job, 'stopped', 'panelStopped');
  }

  private startJob(session: number, job: Queued): void {
    if (job.kind === 'file') return this.startFile(session, job);
    this.active.set(session, job);
    this.playSegment(session, job);
  }

  /** The next sentence, if it is ready: otherwise the utterance waits (or ends, if it was the last). */
  private playSegment(session: number, job: SpeechJob): void {
    if (this.active.get(session) !== job || job.pacer) return;
    const pcm = job.segments[job.next];
    if (!pcm) {
      if (job.closed) this.finish(session, job, 'done');
      return;
    }
    job.next++;
    this.ensurePreamble(session, job.alias);
    this.host.control(session, 'SNDFILE');
    const pacer = new Pacer(
      packetize(pcm),
      (packet) => this.host.sendBytes(session, packet),
      (reason) => {
        if (reason === 'send-failed') return this.finish(session, job, 'stopped', 'connectionGone');
        if (reason !== 'done') return;
        job.doneMs += durationMs(pcm.length);
        job.pacer = undefined;
        this.playsUntil.set(session, pacer.endsAt);
        this.host.control(session, 'SNDBRKS');
        this.playSegment(session, job);
      },
      this.pacerOptions,
    );
    job.pacer = pacer;
    pacer.start(this.playsUntil.get(session));
    this.host.changed();
  }

  private startFile(session: number, job: FileJob): void {
    this.active.set(session, job);
    this.ensurePreamble(session, job.alias);
    this.host.control(session, 'SNDFILE');
    const packets = packetize(job.pcm);
    /* Seconds as a number: each UI writes the unit in its own language. */
    const seconds = Number((durationMs(job.pcm.length) / 1000).toFixed(2));
    this.host.notice(
      {
        key: 'fileStreaming',
        params: {
          name: job.name,
          id: session,
          duration: seconds,
          bytes: job.pcm.length,
          packets: packets.length,
          model: job.alias,
        },
      },
      session,
    );
    const pacer = new Pacer(
      packets,
      (packet) => this.host.sendBytes(session, packet),
      (reason) => {
        if (reason === 'done') {
          this.playsUntil.set(session, pacer.endsAt);
          this.finish(session, job, 'done');
        } else if (reason === 'send-failed') this.finish(session, job, 'stopped', 'connectionGone');
      },
      this.pacerOptions,
    );
    job.pacer = pacer;
    pacer.start(this.playsUntil.get(session));
    this.host.changed();
  }

  private finish(
    session: number,
    job: Job,
    how: 'done' | 'stopped',
    reason?: ReasonCode,
    next = true,
    replacedBy = '',
  ): void {
    if (this.active.get(session) !== job) return;
    this.active.delete(session);
    if (job.kind === 'speech') return this.finishSpeech(session, job, how, reason, replacedBy);
    if (job.kind === 'file') job.pacer?.stop();
    const sentMs = job.kind === 'file' ? (job.pacer?.sentMs ?? 0) : durationMs(job.bytes);
    const bytes = job.kind === 'file' ? Math.round(sentMs * 32) : job.bytes;
    const packets = job.kind === 'file' ? (job.pacer?.sentPackets ?? 0) : job.packets;
    /* End the segment so MMDAgent-EX plays what it has, unless the connection is already gone. */
    const gone = reason === 'agentDisconnected' || reason === 'connectionGone';
    if (!gone) this.host.control(session, 'SNDBRKS');
    const params = {
      what: job.kind === 'file' ? job.name : '',
      id: session,
      duration: Number((sentMs / 1000).toFixed(2)),
      bytes,
      packets,
      dropped: job.kind === 'mic' ? job.dropped : 0,
    };
    if (how === 'done' || !reason) this.host.notice({ key: 'streamFinished', params }, session);
    else
      this.host.notice(
        { key: 'streamStopped', params: { ...params, reason, name: replacedBy } },
        session,
        reason === 'agentDisconnected' ? 'error' : 'status',
      );
    if (next) this.startNext(session);
    this.host.changed();
  }

  /** A Say ends: a segment cut short gets its SNDBRKS, and the speaker writes the one log entry. */
  private finishSpeech(
    session: number,
    job: SpeechJob,
    how: 'done' | 'stopped',
    reason?: ReasonCode,
    replacedBy = '',
  ): void {
    const playing = job.pacer;
    const sentMs = job.doneMs + (playing?.sentMs ?? 0);
    playing?.stop();
    job.pacer = undefined;
    const gone = reason === 'agentDisconnected' || reason === 'connectionGone';
    if (playing && !gone) this.host.control(session, 'SNDBRKS');
    job.ended = true;
    job.onEnd({ how, reason, sentMs, segments: job.next, replacedBy });
    if (reason !== 'replaced') this.startNext(session);
    this.host.changed();
  }

  private startNext(session: number): void {
    const queue = this.queues.get(session);
    const following = queue?.shift();
    if (queue && queue.length === 0) this.queues.delete(session);
    if (following) this.startJob(session, following);
  }

  private ensurePreamble(session: number, alias: string): void {
    this.avatar.ensure(session, alias, (line) => this.host.control(session, line));
  }
}
