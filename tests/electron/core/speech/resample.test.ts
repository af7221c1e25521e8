/** The resampler against sox, the reference: a 24 kHz WAV (VOICEVOX's and OpenAI's rate) to 16 kHz. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resampleTo16k, toS16le, wavToPcm16k } from '../../../../electron/core/speech/resample.js';
import { int16, snrDb } from '../../../support/test-audio.js';

function soxFiles(): { wav24: string; ref16: Int16Array } {
  const dir = mkdtempSync(join(tmpdir(), 'rp-resample-'));
  const speech = join(dir, 'speech.wav');
  const wav24 = join(dir, 'speech-24k.wav');
  const raw = join(dir, 'ref.raw');
  execFileSync('espeak-ng', ['-v', 'en-us', '-w', speech, 'The quick brown fox jumps over the lazy dog. こんにちは.']);
  execFileSync('sox', [speech, '-r', '24000', wav24]);
  execFileSync('sox', [wav24, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', raw]);
  const buf = readFileSync(raw);
  return { wav24, ref16: new Int16Array(buf.buffer, buf.byteOffset, buf.length / 2) };
}

describe('resampling to 16 kHz', () => {
  it('matches sox at ≥ 30 dB SNR on a 24 kHz WAV, with the same length', async () => {
    const { wav24, ref16 } = soxFiles();
    const ours = int16(await wavToPcm16k(new Uint8Array(readFileSync(wav24))));
    expect(Math.abs(ours.length - ref16.length)).toBeLessThanOrEqual(2);
    const snr = snrDb(ref16, ours);
    expect(snr).toBeGreaterThanOrEqual(30);
  });

  it('keeps a tone below 8 kHz and removes one above it (no aliasing)', async () => {
    const tone = (f: number): Float32Array =>
      Float32Array.from({ length: 24000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * f * i) / 24000));
    const rms = (x: Float32Array): number =>
      Math.sqrt(x.slice(1000, -1000).reduce((s, v) => s + v * v, 0) / (x.length - 2000));
    expect(rms(await resampleTo16k(tone(1000), 24000))).toBeGreaterThan(0.34);
    expect(rms(await resampleTo16k(tone(10_000), 24000))).toBeLessThan(0.02);
  });

  it('a long sentence (30 s at 48 kHz) comes out whole and seamless', async () => {
    const rate = 48_000;
    const x = Float32Array.from({ length: 30 * rate }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / rate));
    const y = await resampleTo16k(x, rate);
    expect(Math.abs(y.length - 30 * 16000)).toBeLessThanOrEqual(2);
    /* Against the ideal tone at 16 kHz, every 10 ms window, the seams between pieces included. */
    let worst = 0;
    for (let w = 100; w + 160 < y.length - 100; w += 160) {
      let err = 0;
      for (let i = w; i < w + 160; i++)
        err = Math.max(err, Math.abs(y[i]! - 0.5 * Math.sin((2 * Math.PI * 440 * i) / 16000)));
      worst = Math.max(worst, err);
    }
    expect(worst).toBeLessThan(0.01);
  });

  it('passes 16 kHz through and clips to 16 bits', async () => {
    const x = Float32Array.from([0, 0.5, -1, 1.5, -2]);
    expect(await resampleTo16k(x, 16000)).toBe(x);
    expect([...int16(toS16le(x))]).toEqual([0, 16384, -32768, 32767, -32768]);
  });
});
