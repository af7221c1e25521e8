/**
 * Microphone → 16 kHz AudioContext → AudioWorklet → 40 ms Int16 chunks, posted by the audio
 * thread to the sink port; this thread only sees the level.
 */
import workletUrl from './pcm-worklet.ts?worker&url';
import type { GateMessage } from './chunk-gate';
import type { Words } from '../i18n';

/** How often the audio thread is told where the context clock stands against the wall clock. */
const CLOCK_EVERY_MS = 100;

export interface MicOptions {
  deviceId?: string;
  echoCancellation: boolean;
  noiseSuppression: boolean;
  autoGainControl: boolean;
  /** Where the chunks go, as `MicChunk` posts for `target`; transferred to the audio thread. */
  sink: MessagePort;
  target: number;
  /** Whether chunks go out now (not muted, push-to-talk held); see `setOpen`. */
  open: boolean;
  onLevel(rms: number, peak: number): void;
  /** The device went away or the track ended for another reason. */
  onEnded(reason: Words): void;
}

export class MicCapture {
  private ctx: AudioContext | null = null;
  private stream: MediaStream | null = null;
  private node: AudioWorkletNode | null = null;
  private clockTimer: ReturnType<typeof setInterval> | null = null;
  /** Kept here too: a change while the worklet loads is posted once the node exists. */
  private open = false;

  async start(options: MicOptions): Promise<void> {
    this.open = options.open;
    /* The audio graph is ready before the device opens, so the first words are not lost. */
    const ctx = new AudioContext({ sampleRate: 16_000, latencyHint: 'interactive' });
    this.ctx = ctx;
    await ctx.audioWorklet.addModule(workletUrl);
    const node = new AudioWorkletNode(ctx, 'pcm-chunker', {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      channelCount: 1,
      channelCountMode: 'explicit',
    });
    this.node = node;
    node.port.onmessage = (e: MessageEvent<{ rms: number; peak: number }>) => options.onLevel(e.data.rms, e.data.peak);
    this.post({ kind: 'sink', target: options.target }, [options.sink]);
    this.post({ kind: 'open', open: this.open });
    if (ctx.state === 'suspended') await ctx.resume();
    const clock = (): void =>
      this.post({ kind: 'clock', origin: performance.timeOrigin + performance.now() - ctx.currentTime * 1000 });
    clock();
    this.clockTimer = setInterval(clock, CLOCK_EVERY_MS);
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

  /** Mute and push-to-talk: the audio thread drops chunks while closed. */
  setOpen(open: boolean): void {
    this.open = open;
    this.post({ kind: 'open', open });
  }

  private post(message: GateMessage, transfer: Transferable[] = []): void {
    this.node?.port.postMessage(message, transfer);
  }

  async stop(): Promise<void> {
    if (this.clockTimer) clearInterval(this.clockTimer);
    this.clockTimer = null;
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
