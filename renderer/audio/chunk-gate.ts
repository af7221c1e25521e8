/**
 * Where the microphone worklet's chunks go: to the sink port while the microphone is open (not
 * muted, push-to-talk held), each stamped with its wall-clock capture time. The audio thread has
 * no wall clock, so the page samples the context clock's origin (wall time minus context time)
 * ten times a second. The page's `currentTime` only moves when the audio thread renders, so a
 * sample taken later in a render period comes out late: the smallest of the last two seconds'
 * samples is the one taken nearest a render, and the window follows the clocks' slow drift.
 */
import { assertNever } from '../../common/assert-never';
import type { MicChunk } from '../../common/audio';

export type GateMessage =
  /** The sink port travels with this message; `target` is the agent the chunks are for. */
  | { kind: 'sink'; target: number }
  | { kind: 'open'; open: boolean }
  /** Wall-clock ms at context time 0, as the page sampled it. */
  | { kind: 'clock'; origin: number };

/** Origin samples kept: two seconds' worth. */
const CLOCK_SAMPLES = 20;

/** Chunks kept while the clock is not yet known (about a second): the first words are not lost. */
const MAX_WAITING = 25;

export interface ChunkSink {
  postMessage(message: MicChunk, transfer: Transferable[]): void;
}

export class ChunkGate {
  private sink: ChunkSink | null = null;
  private target = -1;
  private open = false;
  private origin: number | null = null;
  private samples: number[] = [];
  private waiting: { pcm: Uint8Array; endTime: number }[] = [];

  configure(message: GateMessage, port?: ChunkSink): void {
    switch (message.kind) {
      case 'sink':
        if (!port) return;
        this.sink = port;
        this.target = message.target;
        return;
      case 'open':
        this.open = message.open;
        if (!this.open) this.waiting = [];
        return;
      case 'clock':
        this.samples.push(message.origin);
        if (this.samples.length > CLOCK_SAMPLES) this.samples.shift();
        this.origin = Math.min(...this.samples);
        for (const w of this.waiting.splice(0)) this.forward(w.pcm, w.endTime);
        return;
      default:
        assertNever(message);
    }
  }

  /** One chunk whose last sample was at `endTime` (seconds, context clock). */
  chunk(pcm: Uint8Array, endTime: number): void {
    if (!this.open || !this.sink) return;
    if (this.origin === null) {
      if (this.waiting.length < MAX_WAITING) this.waiting.push({ pcm, endTime });
      return;
    }
    this.forward(pcm, endTime);
  }

  private forward(pcm: Uint8Array, endTime: number): void {
    this.sink!.postMessage({ agentId: this.target, pcm, capturedAt: this.origin! + endTime * 1000 }, [pcm.buffer]);
  }
}
