/** The Speech card's helpers that need no audio device: sample conversion, peaks, and microphone errors in words. */
import { describe, expect, it } from 'vitest';
import { downmix, peaksOf, toInt16 } from '../../../renderer/audio/decode-file.js';
import { micProblem } from '../../../renderer/audio/mic-capture.js';

/** Just what `downmix` reads of an AudioBuffer. */
const buffer = (...channels: number[][]): AudioBuffer =>
  ({
    numberOfChannels: channels.length,
    length: channels[0]!.length,
    getChannelData: (c: number) => Float32Array.from(channels[c]!),
  }) as unknown as AudioBuffer;

describe('audio helpers', () => {
  it('converts float samples to s16 with clipping, full scale at both ends', () => {
    expect(Array.from(toInt16(Float32Array.from([0, 0.5, -0.5, 1, -1, 1.7, -3])))).toEqual([
      0, 16384, -16384, 32767, -32768, 32767, -32768,
    ]);
  });

  it('averages channels to mono and leaves mono as it is', () => {
    expect(Array.from(downmix(buffer([0.5, -1, 0.25], [0.5, 1, -0.25])))).toEqual([0.5, 0, 0]);
    expect(Array.from(downmix(buffer([0.25, -0.5])))).toEqual([0.25, -0.5]);
  });

  it('gives the peak of each bucket for the waveform, 0..1', () => {
    const pcm = Int16Array.from([0, 100, -16384, 0, 32767, -5, 0, 0]);
    expect(Array.from(peaksOf(pcm, 4))).toEqual([100 / 32768, 16384 / 32768, 32767 / 32768, 0]);
  });

  it('words a microphone failure by its cause, with how to allow access on this platform', () => {
    const named = (name: string, message = ''): Error => Object.assign(new Error(message), { name });
    expect(micProblem(named('NotAllowedError'), 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)')).toEqual({
      key: 'mic.blockedMac',
    });
    expect(micProblem(named('NotAllowedError'), 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toEqual({
      key: 'mic.blockedWindows',
    });
    expect(micProblem(named('SecurityError'), 'Mozilla/5.0 (X11; Linux x86_64)')).toEqual({ key: 'mic.blockedLinux' });
    expect(micProblem(named('NotFoundError'))).toEqual({ key: 'mic.notFound' });
    expect(micProblem(named('OverconstrainedError'))).toEqual({ key: 'mic.notFound' });
    expect(micProblem(named('NotReadableError'))).toEqual({ key: 'mic.busy' });
    expect(micProblem(named('AbortError', 'device lost'))).toEqual({
      key: 'mic.failed',
      params: { error: 'device lost' },
    });
  });
});
