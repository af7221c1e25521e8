/**
 * SND packets and real-time pacing for audio sent to MMDAgent-EX
 * (16 kHz, s16le, mono; `SND` + 4-digit decimal length + payload; see docs/protocol.md).
 */

export const SAMPLE_RATE = 16_000;
export const BYTES_PER_MS = (SAMPLE_RATE * 2) / 1000;
/** 40 ms of audio: the documented sweet spot. */
export const PACKET_BYTES = 1280;
/** MMDAgent-EX's own limit for one packet's payload. */
export const MAX_PAYLOAD = 4096;
/** Audio is never sent more than this far ahead of real time (the agent drops what its 60 s buffer cannot hold). */
export const MAX_LEAD_MS = 200;

/** One packet: `SND` + 4 decimal digits + the raw bytes (no newline after audio). */
export function sndPacket(payload: Uint8Array): Uint8Array {
  if (payload.length === 0 || payload.length > MAX_PAYLOAD)
    throw new Error(`An SND packet carries 1–${MAX_PAYLOAD} bytes, not ${payload.length}.`);
  if (payload.length % 2 !== 0) throw new Error('16-bit audio has an even number of bytes.');
  const out = new Uint8Array(7 + payload.length);
  out.set([0x53, 0x4e, 0x44], 0);
  const digits = String(payload.length).padStart(4, '0');
  for (let i = 0; i < 4; i++) out[3 + i] = digits.charCodeAt(i);
  out.set(payload, 7);
  return out;
}

/** Cuts PCM into packets of `size` bytes (the last may be shorter). */
export function packetize(pcm: Uint8Array, size = PACKET_BYTES): Uint8Array[] {
  if (size <= 0 || size > MAX_PAYLOAD || size % 2 !== 0)
    throw new Error(`Packet size must be even and at most ${MAX_PAYLOAD}.`);
  const packets: Uint8Array[] = [];
  const usable = pcm.length - (pcm.length % 2);
  for (let offset = 0; offset < usable; offset += size)
    packets.push(sndPacket(pcm.subarray(offset, Math.min(offset + size, usable))));
  return packets;
}

export const durationMs = (bytes: number): number => bytes / BYTES_PER_MS;

export interface Clock {
  /** Monotonic milliseconds. */
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, Math.max(0, ms)),
  clearTimer: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface PacerOptions {
  /** How far ahead of real time a packet may start being sent; with 40 ms packets 160 keeps the lead ≤ 200 ms. */
  leadMs?: number;
  clock?: Clock;
}

/**
 * Sends packets against a monotonic clock: packet i goes out once its start time
 * is within `leadMs` of the time elapsed since the first one. Every deadline is
 * computed from the start, so a late timer catches up instead of drifting.
 */
export class Pacer {
  private next = 0;
  private audioSentMs = 0;
  private t0 = 0;
  private timer: unknown = null;
  private finished = false;
  private readonly clock: Clock;
  private readonly leadMs: number;

  constructor(
    private readonly packets: readonly Uint8Array[],
    private readonly send: (packet: Uint8Array) => boolean,
    private readonly onEnd: (reason: 'done' | 'stopped' | 'send-failed') => void,
    options: PacerOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.leadMs = Math.min(options.leadMs ?? MAX_LEAD_MS - 40, MAX_LEAD_MS - 40);
  }

  get sentPackets(): number {
    return this.next;
  }

  /** Milliseconds of audio handed to the socket. */
  get sentMs(): number {
    return this.audioSentMs;
  }

  /** Audio sent minus time elapsed: how far ahead of real time the stream is. */
  leadNow(): number {
    return this.audioSentMs - (this.clock.now() - this.t0);
  }

  /**
   * Starts pacing. `notBefore` continues an earlier stream's timeline (when its audio is still
   * playing at the agent), so back-to-back segments never add their leads together.
   */
  start(notBefore = 0): void {
    this.t0 = Math.max(this.clock.now(), notBefore);
    this.pump();
  }

  /** When this stream's audio ends at the agent, on the pacing clock (valid once started). */
  get endsAt(): number {
    return this.t0 + this.packets.reduce((ms, p) => ms + durationMs(p.length - 7), 0);
  }

  stop(): void {
    this.end('stopped');
  }

  private pump(): void {
    this.timer = null;
    if (this.finished) return;
    const elapsed = this.clock.now() - this.t0;
    while (this.next < this.packets.length && this.audioSentMs <= elapsed + this.leadMs) {
      const packet = this.packets[this.next]!;
      if (!this.send(packet)) return this.end('send-failed');
      this.next++;
      this.audioSentMs += durationMs(packet.length - 7);
    }
    if (this.next >= this.packets.length) return this.end('done');
    this.timer = this.clock.setTimer(() => this.pump(), this.t0 + this.audioSentMs - this.leadMs - this.clock.now());
  }

  private end(reason: 'done' | 'stopped' | 'send-failed'): void {
    if (this.finished) return;
    this.finished = true;
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.onEnd(reason);
  }
}
