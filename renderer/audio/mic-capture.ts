/**
 * Microphone → 16 kHz AudioContext → AudioWorklet → 40 ms Int16 chunks.
 */
import workletUrl from './pcm-worklet.ts?worker&url';
import type { Words } from '../i18n';

export interface MicOptions {
  deviceId?: string;
  echoCancellation: boolean;
  noiseSuppression: boolean;
  autoGainControl: boolean;
  onChunk(pcm: Uint8Array, capturedAt: number): void;
  onLevel(rms: number, peak: number): void;
  /** The device went away or the track ended for another reason. */
  onEnded(reason: Words): void;
}

export class MicCapture {
  private ctx: AudioContext | null = null;
  private stream: MediaStream | null = null;
  private node: AudioWorkletNode | null = null;

  async start(options: MicOptions): Promise<void> {
    /* The audio graph is ready before the device opens, so the first words are not lost. */
    const ctx = new AudioContext({ sampleRate: 16_000, latencyHint: 'interactive' });
    this.ctx = ctx;
    await ctx.audioWorklet.addModule(workletUrl);
    const node = new AudioWorkletNode(ctx, 'pcm-chunker', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' });
    this.node = node;
    node.port.onmessage = (e: MessageEvent<{ pcm: ArrayBuffer; rms: number; peak: number; endTime: number }>) => {
      /* Back-date to when the chunk was complete in the audio graph, so the hop to this thread counts too. */
      const sinceCapture = Math.max(0, (ctx.currentTime - e.data.endTime) * 1000);
      const capturedAt = performance.timeOrigin + performance.now() - sinceCapture;
      options.onLevel(e.data.rms, e.data.peak);
      options.onChunk(new Uint8Array(e.data.pcm), capturedAt);
    };
    if (ctx.state === 'suspended') await ctx.resume();
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        ...(options.deviceId ? { deviceId: { exact: options.deviceId } } : {}),
        channelCount: 1,
        echoCancellation: options.echoCancellation,
        noiseSuppression: options.noiseSuppression,
        autoGainControl: options.autoGainControl,
      },
    });
    ctx.createMediaStreamSource(this.stream).connect(node);
    for (const track of this.stream.getAudioTracks()) {
      track.addEventListener('ended', () => options.onEnded({ key: 'mic.ended' }));
    }
  }

  async stop(): Promise<void> {
    this.node?.port.close();
    this.node?.disconnect();
    this.stream?.getTracks().forEach((t) => t.stop());
    await this.ctx?.close().catch(() => undefined);
    this.node = null;
    this.stream = null;
    this.ctx = null;
  }
}

/** Words for a getUserMedia failure, with how to allow access on this platform. */
export function micProblem(error: unknown, userAgent?: string): Words {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    const platform = userAgent ?? navigator.userAgent;
    if (/Mac/.test(platform)) return { key: 'mic.blockedMac' };
    if (/Windows/.test(platform)) return { key: 'mic.blockedWindows' };
    return { key: 'mic.blockedLinux' };
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return { key: 'mic.notFound' };
  if (name === 'NotReadableError') return { key: 'mic.busy' };
  return { key: 'mic.failed', params: { error: (error as Error).message ?? String(error) } };
}
