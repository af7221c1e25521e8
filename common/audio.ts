/** Audio streamed to an agent: files, the microphone, and their status. */
import type { Problem } from './problems.js';

export type WhenBusy = 'queue' | 'replace';

export interface StreamFileRequest {
  agentId: number;
  alias: string;
  name: string;
  /** 16 kHz s16le mono PCM, decoded by the renderer, sent once. */
  pcm: Uint8Array;
  whenBusy: WhenBusy;
}

export type StreamResult = { ok: true; queued: number } | { ok: false; problem: Problem };

export interface AudioStatus {
  agentId: number;
  /** `speech`: a Say, streamed sentence by sentence. */
  state: 'idle' | 'file' | 'mic' | 'speech';
  name?: string;
  totalMs?: number;
  sentMs?: number;
  /** Names of files waiting behind the current one. */
  queued: string[];
  /** Microphone capture → wire latency, ms (measured per chunk). */
  latencyP50?: number;
  latencyP99?: number;
}

export interface MicChunk {
  agentId: number;
  pcm: Uint8Array;
  /** Wall-clock ms when the chunk's last sample was captured (on the audio context's clock). */
  capturedAt: number;
}
