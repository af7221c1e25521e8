/**
 * The lanes audio takes to each agent: one stream at a time per agent (a file, the microphone or
 * a Say), what waits behind it, and the pacing, preamble and endings they share. `AudioStreamer`
 * adds the ways in.
 */
import type { AudioStatus, StreamResult, WhenBusy } from '../../common/audio.js';
import type { NoticeMsg, ReasonCode } from '../../common/problems.js';
import {
  fileParams,
  jobStatus,
  streamParams,
  type FileJob,
  type Job,
  type Queued,
  type SpeechJob,
} from './audio-jobs.js';
import { Pacer, durationMs, packetize, type PacerOptions } from './audio-packets.js';
import type { AvatarControl } from './avatar-control.js';

export interface AudioHost {
  /** Whether the agent is connected: audio goes to one agent that is. */
  has(agentId: number): boolean;
  /** Raw bytes for one frame (an SND packet). */
  sendBytes(agentId: number, bytes: Uint8Array): boolean;
  /** A control line (`__AV_START`, `SNDFILE`, …), sent and logged as control. */
  control(agentId: number, line: string): boolean;
  notice(msg: NoticeMsg, agentId: number, kind?: 'status' | 'error'): void;
  changed(): void;
}

export class AudioLanes {
  protected readonly active = new Map<number, Job>();
  protected readonly queues = new Map<number, Queued[]>();
  /** When the audio already sent to each agent ends there: the next stream continues that timeline. */
  protected readonly playsUntil = new Map<number, number>();

  constructor(
    protected readonly host: AudioHost,
    protected readonly avatar: AvatarControl,
    protected readonly pacerOptions: PacerOptions = {},
  ) {}

  protected begin(agentId: number, job: Queued, whenBusy: WhenBusy): StreamResult {
    const current = this.active.get(agentId);
    if (current?.kind === 'mic') return { ok: false, problem: { key: 'micBusy' } };
    if (current && whenBusy === 'queue') {
      const queue = this.queues.get(agentId) ?? [];
      queue.push(job);
      this.queues.set(agentId, queue);
      this.host.changed();
      return { ok: true, queued: queue.length };
    }
    if (current) this.finish(agentId, current, 'stopped', 'replaced', false, job.name);
    this.startJob(agentId, job);
    return { ok: true, queued: 0 };
  }

  /** Ends a speech job wherever it is: playing, or still waiting in the queue. */
  protected end(agentId: number, job: SpeechJob, reason: ReasonCode): void {
    if (this.active.get(agentId) === job) return this.finish(agentId, job, 'stopped', reason);
    const queue = this.queues.get(agentId);
    const at = queue?.indexOf(job) ?? -1;
    if (queue && at >= 0) queue.splice(at, 1);
    if (queue?.length === 0) this.queues.delete(agentId);
    if (!job.ended) {
      job.ended = true;
      job.onEnd({ how: 'stopped', reason, sentMs: 0, segments: 0 });
    }
    this.host.changed();
  }

  /** Everything waiting behind the current stream is dropped; a waiting Say hears why. */
  protected dropQueue(agentId: number, reason: ReasonCode): void {
    const queue = this.queues.get(agentId) ?? [];
    this.queues.delete(agentId);
    for (const job of queue) if (job.kind === 'speech') this.end(agentId, job, reason);
  }

  /** What is playing to this agent now (a file or a Say), if anything: what a `replace` would cut off. */
  currentName(agentId: number): string | undefined {
    const job = this.active.get(agentId);
    return job && job.kind !== 'mic' ? job.name : undefined;
  }

  /** True while a file is being paced out (its progress changes without any event). */
  get streaming(): boolean {
    for (const job of this.active.values()) if (job.kind !== 'mic') return true;
    return false;
  }

  status(): AudioStatus[] {
    const agents = new Set([...this.active.keys(), ...this.queues.keys()]);
    return [...agents].map((agentId) =>
      jobStatus(
        agentId,
        this.active.get(agentId),
        (this.queues.get(agentId) ?? []).map((j) => j.name),
      ),
    );
  }

  /** Stops every stream and drops what waits (quit, listener restart, Stop everything); returns how many ended. */
  stopAll(reason: ReasonCode = 'panelStopped'): number {
    let ended = 0;
    for (const [agentId, queue] of [...this.queues]) {
      ended += queue.length;
      this.dropQueue(agentId, reason);
    }
    for (const [agentId, job] of [...this.active]) {
      ended++;
      this.finish(agentId, job, 'stopped', reason);
    }
    return ended;
  }

  protected startJob(agentId: number, job: Queued): void {
    if (job.kind === 'file') return this.startFile(agentId, job);
    this.active.set(agentId, job);
    this.playSegment(agentId, job);
  }

  /** The next sentence, if it is ready: otherwise the utterance waits (or ends, if it was the last). */
  protected playSegment(agentId: number, job: SpeechJob): void {
    if (this.active.get(agentId) !== job || job.pacer) return;
    const pcm = job.segments[job.next];
    if (!pcm) {
      if (job.closed) this.finish(agentId, job, 'done');
      return;
    }
    job.next++;
    this.pace(agentId, job, packetize(pcm), () => {
      job.doneMs += durationMs(pcm.length);
      job.pacer = undefined;
      this.host.control(agentId, 'SNDBRKS');
      this.playSegment(agentId, job);
    });
  }

  protected startFile(agentId: number, job: FileJob): void {
    this.active.set(agentId, job);
    const packets = packetize(job.pcm);
    this.host.notice({ key: 'fileStreaming', params: fileParams(agentId, job, packets.length) }, agentId);
    this.pace(agentId, job, packets, () => this.finish(agentId, job, 'done'));
  }

  /**
   * One segment (`SNDFILE` … `SNDBRKS`), paced at real time and continuing the timeline of what
   * this agent already plays; `done` runs once every packet is out.
   */
  protected pace(agentId: number, job: FileJob | SpeechJob, packets: Uint8Array[], done: () => void): void {
    this.ensurePreamble(agentId, job.alias);
    this.host.control(agentId, 'SNDFILE');
    const pacer = new Pacer(
      packets,
      (packet) => this.host.sendBytes(agentId, packet),
      (reason) => {
        if (reason === 'send-failed') return this.finish(agentId, job, 'stopped', 'connectionGone');
        if (reason !== 'done') return;
        this.playsUntil.set(agentId, pacer.endsAt);
        done();
      },
      this.pacerOptions,
    );
    job.pacer = pacer;
    pacer.start(this.playsUntil.get(agentId));
    this.host.changed();
  }

  protected finish(
    agentId: number,
    job: Job,
    how: 'done' | 'stopped',
    reason?: ReasonCode,
    next = true,
    replacedBy = '',
  ): void {
    if (this.active.get(agentId) !== job) return;
    this.active.delete(agentId);
    if (job.kind === 'speech') return this.finishSpeech(agentId, job, how, reason, replacedBy);
    if (job.kind === 'file') job.pacer?.stop();
    /* End the segment so MMDAgent-EX plays what it has, unless the connection is already gone. */
    const gone = reason === 'agentDisconnected' || reason === 'connectionGone';
    if (!gone) this.host.control(agentId, 'SNDBRKS');
    const params = streamParams(agentId, job);
    if (how === 'done' || !reason) this.host.notice({ key: 'streamFinished', params }, agentId);
    else
      this.host.notice(
        { key: 'streamStopped', params: { ...params, reason, name: replacedBy } },
        agentId,
        reason === 'agentDisconnected' ? 'error' : 'status',
      );
    if (next) this.startNext(agentId);
    this.host.changed();
  }

  /** A Say ends: a segment cut short gets its SNDBRKS, and the speaker writes the one log entry. */
  protected finishSpeech(
    agentId: number,
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
    if (playing && !gone) this.host.control(agentId, 'SNDBRKS');
    job.ended = true;
    job.onEnd({ how, reason, sentMs, segments: job.next, replacedBy });
    if (reason !== 'replaced') this.startNext(agentId);
    this.host.changed();
  }

  protected startNext(agentId: number): void {
    const queue = this.queues.get(agentId);
    const following = queue?.shift();
    if (queue && queue.length === 0) this.queues.delete(agentId);
    if (following) this.startJob(agentId, following);
  }

  protected ensurePreamble(agentId: number, alias: string): void {
    this.avatar.ensure(agentId, alias, (line) => this.host.control(agentId, line));
  }
}
