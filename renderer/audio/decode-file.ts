/**
 * Any file Chromium can decode → 16 kHz mono Int16. Decoding inside a 16 kHz
 * OfflineAudioContext resamples once (about 40 dB SNR against sox); decoding at
 * 48 kHz and resampling again loses about 7 dB.
 */
import type { Words } from '../i18n';

export const SAMPLE_RATE = 16_000;

export interface DecodedAudio {
  pcm: Int16Array;
  durationMs: number;
  /** Peak magnitude (0..1) per bucket, for the waveform thumbnail. */
  peaks: Float32Array;
}

/** Why a file cannot be used, kept as words for the Speech card to say. */
export class AudioFileError extends Error {
  constructor(readonly words: Words) {
    super('audio file');
  }
}

export async function decodeAudioFile(
  file: Blob & { name?: string },
  maxSec: number,
  buckets = 240,
): Promise<DecodedAudio> {
  const name = file.name ?? '';
  if (file.size === 0) throw new AudioFileError({ key: 'audio.empty', params: { name } });
  const bytes = await file.arrayBuffer();
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 1, sampleRate: SAMPLE_RATE });
  let buffer: AudioBuffer;
  try {
    buffer = await ctx.decodeAudioData(bytes);
  } catch {
    throw new AudioFileError({ key: 'audio.undecodable', params: { name } });
  }
  if (buffer.length === 0) throw new AudioFileError({ key: 'audio.noAudio', params: { name } });
  const durationMs = (buffer.length / SAMPLE_RATE) * 1000;
  if (durationMs / 1000 > maxSec) {
    throw new AudioFileError({
      key: 'audio.tooLong',
      params: { name, min: (durationMs / 60000).toFixed(1), limit: (maxSec / 60).toFixed(1) },
    });
  }
  const pcm = toInt16(downmix(buffer));
  return { pcm, durationMs, peaks: peaksOf(pcm, buckets) };
}

export function downmix(buffer: AudioBuffer): Float32Array {
  if (buffer.numberOfChannels === 1) return buffer.getChannelData(0);
  const out = new Float32Array(buffer.length);
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const data = buffer.getChannelData(c);
    for (let i = 0; i < out.length; i++) out[i]! += data[i]!;
  }
  const scale = 1 / buffer.numberOfChannels;
  for (let i = 0; i < out.length; i++) out[i]! *= scale;
  return out;
}

/** Float → s16 with clipping. */
export function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    out[i] = Math.round(s < 0 ? s * 0x8000 : s * 0x7fff);
  }
  return out;
}

export function peaksOf(pcm: Int16Array, buckets: number): Float32Array {
  const peaks = new Float32Array(buckets);
  const per = Math.max(1, Math.floor(pcm.length / buckets));
  for (let b = 0; b < buckets; b++) {
    let max = 0;
    const end = Math.min(pcm.length, (b + 1) * per);
    for (let i = b * per; i < end; i++) max = Math.max(max, Math.abs(pcm[i]!));
    peaks[b] = max / 32768;
  }
  return peaks;
}
