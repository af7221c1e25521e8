/**
 * Audio streams to agents: one at a time per agent, with the avatar preamble each
 * connection needs (MMDAgent-EX resets `__AV_*` state on every new connection).
 */
import type { AudioStatus, NoticeMsg, ReasonCode, StreamFileRequest, StreamResult } from '../../common/contract.js';
import { MAX_PAYLOAD, Pacer, durationMs, packetize, sndPacket, type PacerOptions } from './audio-packets.js';
import { lineProblem } from '../../common/wire-rules.js';
import { percentile } from './stats.js';

export interface AudioHost {
  /** Raw bytes for one frame (an SND packet). */
  sendBytes(session: number, bytes: Uint8Array): boolean;
  /** A control line (`__AV_START`, `SNDFILE`, …), sent and logged as control. */
  control(session: number, line: string): boolean;
  notice(msg: NoticeMsg, session: number, kind?: 'status' | 'error'): void;
  changed(): void;
}

interface Preamble {
  started: boolean;
  model: string | null;
}

interface FileJob {
  kind: 'file';
  name: string;
  alias: string;
  pcm: Uint8Array;
  pacer?: Pacer;
}

interface MicJob {
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

type Job = FileJob | MicJob;

const wallMs = (): number => performance.timeOrigin + performance.now();
const MIC_SLACK_MS = 1000;

export class AudioStreamer {
  private readonly preambles = new Map<number, Preamble>();
  private readonly active = new Map<number, Job>();
  private readonly queues = new Map<number, FileJob[]>();
  maxDurationSec = 600;

  constructor(
    private readonly host: AudioHost,
    private readonly pacerOptions: PacerOptions = {},
  ) {}

  /** Keeps preamble state true when the operator types control lines by hand. */
  noteControl(session: number, line: string): void {
    const p = this.preamble(session);
    if (line === '__AV_START') p.started = true;
    else if (line === '__AV_END') Object.assign(p, { started: false, model: null });
    else if (line.startsWith('__AV_SETMODEL,')) p.model = line.slice('__AV_SETMODEL,'.length);
  }

  /** The agent left: its stream ends and a reconnect starts from a blank avatar state. */
  sessionClosed(session: number): void {
    this.queues.delete(session);
    const job = this.active.get(session);
    if (job) this.finish(session, job, 'stopped', 'agentDisconnected');
    this.preambles.delete(session);
    this.host.changed();
  }

  streamFile(session: number, req: Omit<StreamFileRequest, 'target'>): StreamResult {
    if (!aliasOk(req.alias)) return { ok: false, problem: { key: 'badAlias' } };
    const pcm = req.pcm.length % 2 ? req.pcm.subarray(0, req.pcm.length - 1) : req.pcm;
    if (pcm.length === 0) return { ok: false, problem: { key: 'audioEmpty', name: req.name } };
    const seconds = durationMs(pcm.length) / 1000;
    if (seconds > this.maxDurationSec) {
      return { ok: false, problem: { key: 'audioTooLong', name: req.name, seconds, limit: this.maxDurationSec } };
    }
    const job: FileJob = { kind: 'file', name: req.name, alias: req.alias, pcm };
    const current = this.active.get(session);
    if (current?.kind === 'mic') return { ok: false, problem: { key: 'micBusy' } };
    if (current && req.whenBusy === 'queue') {
      const queue = this.queues.get(session) ?? [];
      queue.push(job);
      this.queues.set(session, queue);
      this.host.changed();
      return { ok: true, queued: queue.length };
    }
    if (current) this.finish(session, current, 'stopped', 'replaced', false, req.name);
    this.startFile(session, job);
    return { ok: true, queued: 0 };
  }

  stop(session: number): StreamResult {
    const job = this.active.get(session);
    if (!job) return { ok: false, problem: { key: 'nothingStreaming' } };
    this.queues.delete(session);
    this.finish(session, job, 'stopped', 'operatorStop');
    return { ok: true, queued: 0 };
  }

  micStart(session: number, alias: string): StreamResult {
    if (!aliasOk(alias)) return { ok: false, problem: { key: 'badAlias' } };
    const current = this.active.get(session);
    if (current?.kind === 'file') return { ok: false, problem: { key: 'fileBusy', name: current.name } };
    if (current?.kind === 'mic') return { ok: true, queued: 0 };
    this.ensurePreamble(session, alias);
    this.host.control(session, 'SNDSTRM');
    const job: MicJob = { kind: 'mic', name: 'Microphone', alias, startedAt: performance.now(), dropped: 0, bytes: 0, packets: 0, latencies: [] };
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
    job.latencies.push(wallMs() - capturedAt);
    if (job.latencies.length > 500) job.latencies.splice(0, job.latencies.length - 500);
    this.host.changed();
  }

  micStop(session: number): StreamResult {
    const job = this.active.get(session);
    if (job?.kind !== 'mic') return { ok: false, problem: { key: 'micNotStreaming' } };
    this.finish(session, job, 'done');
    return { ok: true, queued: 0 };
  }

  /** True while a file is being paced out (its progress changes without any event). */
  get streaming(): boolean {
    for (const job of this.active.values()) if (job.kind === 'file') return true;
    return false;
  }

  status(): AudioStatus[] {
    const sessions = new Set([...this.active.keys(), ...this.queues.keys()]);
    return [...sessions].map((session) => {
      const job = this.active.get(session);
      const queued = (this.queues.get(session) ?? []).map((j) => j.name);
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
      return { session, state: 'file', name: job.name, totalMs: durationMs(job.pcm.length), sentMs: job.pacer?.sentMs ?? 0, queued };
    });
  }

  /** Stops everything (quit, listener restart). */
  stopAll(): void {
    for (const [session, job] of this.active) this.finish(session, job, 'stopped', 'panelStopped');
    this.queues.clear();
  }

  private startFile(session: number, job: FileJob): void {
    this.active.set(session, job);
    this.ensurePreamble(session, job.alias);
    this.host.control(session, 'SNDFILE');
    const packets = packetize(job.pcm);
    /* Seconds as a number: each UI writes the unit in its own language. */
    const seconds = Number((durationMs(job.pcm.length) / 1000).toFixed(2));
    this.host.notice({ key: 'fileStreaming', params: { name: job.name, id: session, duration: seconds, bytes: job.pcm.length, packets: packets.length, model: job.alias } }, session);
    job.pacer = new Pacer(
      packets,
      (packet) => this.host.sendBytes(session, packet),
      (reason) => {
        if (reason === 'done') this.finish(session, job, 'done');
        else if (reason === 'send-failed') this.finish(session, job, 'stopped', 'connectionGone');
      },
      this.pacerOptions,
    );
    job.pacer.start();
    this.host.changed();
  }

  private finish(session: number, job: Job, how: 'done' | 'stopped', reason?: ReasonCode, next = true, replacedBy = ''): void {
    if (this.active.get(session) !== job) return;
    this.active.delete(session);
    if (job.kind === 'file') job.pacer?.stop();
    const sentMs = job.kind === 'file' ? (job.pacer?.sentMs ?? 0) : durationMs(job.bytes);
    const bytes = job.kind === 'file' ? Math.round(sentMs * 32) : job.bytes;
    const packets = job.kind === 'file' ? (job.pacer?.sentPackets ?? 0) : job.packets;
    /* End the segment so MMDAgent-EX plays what it has, unless the connection is already gone. */
    const gone = reason === 'agentDisconnected' || reason === 'connectionGone';
    if (!gone) this.host.control(session, 'SNDBRKS');
    const params = { what: job.kind === 'file' ? job.name : '', id: session, duration: Number((sentMs / 1000).toFixed(2)), bytes, packets, dropped: job.kind === 'mic' ? job.dropped : 0 };
    if (how === 'done' || !reason) this.host.notice({ key: 'streamFinished', params }, session);
    else this.host.notice({ key: 'streamStopped', params: { ...params, reason, name: replacedBy } }, session, reason === 'agentDisconnected' ? 'error' : 'status');
    const queue = this.queues.get(session);
    const following = next ? queue?.shift() : undefined;
    if (queue && queue.length === 0) this.queues.delete(session);
    if (following) this.startFile(session, following);
    this.host.changed();
  }

  private ensurePreamble(session: number, alias: string): void {
    const p = this.preamble(session);
    if (!p.started) {
      this.host.control(session, '__AV_START');
      p.started = true;
    }
    if (p.model !== alias) {
      this.host.control(session, `__AV_SETMODEL,${alias}`);
      p.model = alias;
    }
  }

  private preamble(session: number): Preamble {
    let p = this.preambles.get(session);
    if (!p) this.preambles.set(session, (p = { started: false, model: null }));
    return p;
  }

}

/** A model alias `__AV_SETMODEL,<alias>` can carry: not empty, no separators, within the line limit. */
function aliasOk(alias: string): boolean {
  return alias.trim() !== '' && !/[,|]/.test(alias) && lineProblem(`__AV_SETMODEL,${alias}`) === null;
}
