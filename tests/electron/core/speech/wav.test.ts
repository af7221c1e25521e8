import { describe, expect, it } from 'vitest';
import { WavError, decodeWav, encodeWav } from '../../../../electron/core/speech/wav.js';

/** A WAV with any format tag and sample layout, built by hand. */
function wav(
  format: number,
  bits: number,
  channels: number,
  rate: number,
  data: Uint8Array,
  opts: { dataSize?: number; extensible?: boolean; extraChunk?: boolean } = {},
): Uint8Array {
  const fmtSize = opts.extensible ? 40 : 16;
  const extra = opts.extraChunk ? 8 + 5 + 1 : 0;
  const out = new Uint8Array(12 + 8 + fmtSize + extra + 8 + data.length);
  const v = new DataView(out.buffer);
  const ascii = (at: number, s: string): void => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  v.setUint32(4, out.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, fmtSize, true);
  v.setUint16(20, opts.extensible ? 0xfffe : format, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, (rate * channels * bits) / 8, true);
  v.setUint16(32, (channels * bits) / 8, true);
  v.setUint16(34, bits, true);
  if (opts.extensible) {
    v.setUint16(36, 22, true);
    v.setUint16(44, format, true);
  }
  let at = 20 + fmtSize;
  if (opts.extraChunk) {
    ascii(at, 'LIST');
    v.setUint32(at + 4, 5, true);
    at += 8 + 5 + 1;
  }
  ascii(at, 'data');
  v.setUint32(at + 4, opts.dataSize ?? data.length, true);
  out.set(data, at + 8);
  return out;
}

describe('reading engine WAVs', () => {
  it('reads 16-bit PCM as written by encodeWav', () => {
    const d = decodeWav(encodeWav(Int16Array.from([0, 16384, -32768, 32767]), 24000));
    expect(d.sampleRate).toBe(24000);
    expect([...d.samples]).toEqual([0, 0.5, -1, 32767 / 32768]);
  });

  it('reads 8-, 24- and 32-bit PCM and 32/64-bit float, and WAVE_FORMAT_EXTENSIBLE', () => {
    expect([...decodeWav(wav(1, 8, 1, 8000, Uint8Array.from([128, 192, 0]))).samples]).toEqual([0, 0.5, -1]);
    expect([...decodeWav(wav(1, 24, 1, 48000, Uint8Array.from([0, 0, 0x40, 0, 0, 0xc0]))).samples]).toEqual([
      0.5, -0.5,
    ]);
    const i32 = new Uint8Array(Int32Array.from([1 << 30]).buffer);
    expect([...decodeWav(wav(1, 32, 1, 16000, i32)).samples]).toEqual([0.5]);
    const f32 = new Uint8Array(Float32Array.from([0.25, -0.75]).buffer);
    expect([...decodeWav(wav(3, 32, 1, 22050, f32)).samples]).toEqual([0.25, -0.75]);
    const f64 = new Uint8Array(Float64Array.from([0.125]).buffer);
    expect([...decodeWav(wav(3, 64, 1, 22050, f64)).samples]).toEqual([0.125]);
    expect([
      ...decodeWav(wav(1, 16, 1, 16000, new Uint8Array(Int16Array.from([8192]).buffer), { extensible: true })).samples,
    ]).toEqual([0.25]);
  });

  it('mixes stereo down to mono and skips chunks it does not know', () => {
    const stereo = new Uint8Array(Int16Array.from([16384, 0, -16384, -16384]).buffer);
    const d = decodeWav(wav(1, 16, 2, 44100, stereo, { extraChunk: true }));
    expect(d.channels).toBe(2);
    expect([...d.samples]).toEqual([0.25, -0.5]);
  });

  it('a streamed WAV (sizes 0xFFFFFFFF, 0, or larger than the bytes) runs to the end of the data', () => {
    const data = new Uint8Array(Int16Array.from([1000, 2000, 3000]).buffer);
    for (const dataSize of [0xffffffff, 0x7ffff000])
      expect(decodeWav(wav(1, 16, 1, 24000, data, { dataSize })).samples).toHaveLength(3);
    const zero = wav(1, 16, 1, 24000, data, { dataSize: 0 });
    new DataView(zero.buffer).setUint32(4, 0xffffffff, true);
    expect(decodeWav(zero).samples).toHaveLength(3);
    /* A real empty data chunk (the RIFF size is honest) is empty, not "to the end". */
    expect(decodeWav(wav(1, 16, 1, 24000, data, { dataSize: 0 })).samples).toHaveLength(0);
  });

  it('refuses what is not a WAV with words that say what came instead', () => {
    expect(() => decodeWav(new TextEncoder().encode('{"detail":"Internal Server Error"}'))).toThrow(
      /Not a WAV file: "\{"detail":"Internal Server Error"\}"/,
    );
    expect(() => decodeWav(new Uint8Array(0))).toThrow(WavError);
    expect(() => decodeWav(Uint8Array.from([0xff, 0xfb, 0x90, 0x64, 1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(
      /Not a WAV file \(12 bytes, starting ff fb 90 64\)/,
    );
    expect(() => decodeWav(wav(2, 4, 1, 16000, new Uint8Array(4)))).toThrow(
      /Unsupported WAV encoding \(format 2, 4-bit\)/,
    );
    expect(() => decodeWav(wav(1, 16, 0, 16000, new Uint8Array(4)))).toThrow(/0 channels/);
    const cut = wav(1, 16, 1, 16000, new Uint8Array(4), { extensible: true }).subarray(0, 40);
    expect(() => decodeWav(cut)).toThrow(/cut short/);
    const noData = encodeWav(new Int16Array(0), 16000).subarray(0, 36);
    expect(() => decodeWav(noData)).toThrow(/no audio data/);
  });
});
