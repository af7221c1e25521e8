/**
 * AudioWorklet: collects the 16 kHz input into 640-sample (40 ms) Int16 chunks. Each chunk goes
 * from this audio thread straight to the sink port (to the core, past the page's main thread,
 * which may be busy drawing a flood), stamped with its capture time; the level goes to the page.
 */
import { ChunkGate, type GateMessage } from './chunk-gate';

declare const sampleRate: number;
declare const currentTime: number;
declare function registerProcessor(name: string, ctor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

const CHUNK = 640;

class PcmChunker extends AudioWorkletProcessor {
  private chunk = new Int16Array(CHUNK);
  private filled = 0;
  private sumSquares = 0;
  private peak = 0;
  private readonly gate = new ChunkGate();

  constructor() {
    super();
    this.port.onmessage = (e: MessageEvent<GateMessage>) => this.gate.configure(e.data, e.ports[0]);
  }

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true;
    const frames = channels[0]!.length;
    for (let i = 0; i < frames; i++) {
      let s = 0;
      for (const ch of channels) s += ch[i]!;
      s /= channels.length;
      const clipped = Math.max(-1, Math.min(1, s));
      this.sumSquares += clipped * clipped;
      this.peak = Math.max(this.peak, Math.abs(clipped));
      this.chunk[this.filled++] = Math.round(clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff);
      if (this.filled === CHUNK) {
        /* When the chunk's last sample passed through the graph, on the context clock. */
        this.gate.chunk(new Uint8Array(this.chunk.buffer), currentTime + (i + 1) / sampleRate);
        this.port.postMessage({ rms: Math.sqrt(this.sumSquares / CHUNK), peak: this.peak });
        this.chunk = new Int16Array(CHUNK);
        this.filled = 0;
        this.sumSquares = 0;
        this.peak = 0;
      }
    }
    return true;
  }
}

registerProcessor('pcm-chunker', PcmChunker);
