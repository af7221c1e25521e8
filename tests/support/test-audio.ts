/** Test speech made with espeak-ng and sox (Debian packages), and the measures the tests use. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = join(tmpdir(), 'remote-panel-test-audio');

function tool(cmd: string, args: string[]): void {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `${cmd} failed or is missing (install the Debian packages espeak-ng, sox and libsox-fmt-mp3): ${(error as Error).message}`,
      { cause: error },
    );
  }
}

export interface TestAudio {
  wav: string;
  mp3: string;
  /** sox's own 16 kHz s16le mono conversion of the WAV: the reference. */
  reference: Int16Array;
  mp3Seconds: number;
}

export function makeTestAudio(): TestAudio {
  mkdirSync(DIR, { recursive: true });
  const wav = join(DIR, 'speech.wav');
  const mp3 = join(DIR, 'speech.mp3');
  const raw = join(DIR, 'speech-16k.raw');
  if (!existsSync(wav))
    tool('espeak-ng', [
      '-v',
      'en-us',
      '-s',
      '150',
      '-w',
      wav,
      'Hello there. I am the avatar of MMDAgent-EX, and I speak with lip sync.',
    ]);
  if (!existsSync(mp3)) tool('sox', [wav, '-C', '128', mp3]);
  if (!existsSync(raw))
    tool('sox', [wav, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', raw]);
  const buf = readFileSync(raw);
  const mp3Seconds = Number(execFileSync('soxi', ['-D', mp3]).toString().trim());
  return { wav, mp3, reference: new Int16Array(buf.buffer, buf.byteOffset, buf.length / 2), mp3Seconds };
}

/** sox's 16 kHz mono s16le conversion of a WAV (an engine's answer): the reference the agent's audio is held to. */
export function soxReference(wav: Uint8Array): Int16Array {
  const dir = mkdtempSync(join(tmpdir(), 'rp-sox-ref-'));
  writeFileSync(join(dir, 'in.wav'), wav);
  tool('sox', [
    join(dir, 'in.wav'),
    '-r',
    '16000',
    '-c',
    '1',
    '-b',
    '16',
    '-e',
    'signed-integer',
    '-t',
    'raw',
    join(dir, 'ref.raw'),
  ]);
  const buf = readFileSync(join(dir, 'ref.raw'));
  return new Int16Array(buf.buffer, buf.byteOffset, buf.length / 2);
}

export function int16(bytes: Uint8Array): Int16Array {
  const copy = Uint8Array.from(bytes);
  return new Int16Array(copy.buffer, 0, copy.length >> 1);
}

/** Best SNR (dB) of `got` against `ref` over small alignment shifts (resamplers differ in delay). */
export function snrDb(ref: Int16Array, got: Int16Array, maxLag = 64): number {
  let best = -Infinity;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let signal = 0;
    let noise = 0;
    for (let i = 0; i < ref.length; i++) {
      const j = i + lag;
      const g = j >= 0 && j < got.length ? got[j]! : 0;
      signal += ref[i]! * ref[i]!;
      noise += (ref[i]! - g) ** 2;
    }
    best = Math.max(best, 10 * Math.log10(signal / Math.max(noise, 1e-9)));
  }
  return best;
}

/** RMS per 40 ms window, the windows starting `offset` samples in. */
export function envelope(samples: Int16Array | Float32Array, rate = 16000, windowMs = 40, offset = 0): number[] {
  const n = Math.round((rate * windowMs) / 1000);
  const out: number[] = [];
  for (let i = offset; i + n <= samples.length; i += n) {
    let sum = 0;
    for (let j = i; j < i + n; j++) sum += Number(samples[j]) ** 2;
    out.push(Math.sqrt(sum / n));
  }
  return out;
}

/**
 * Envelope correlation of `got` against `ref`, free of where the 40 ms windows happen to fall.
 * Whole-window shifts alone are not enough: the same audio delayed by half a window (20 ms) scores
 * only about 0.88, so `got`'s windows are also tried at 2.5 ms steps of phase.
 */
export function envelopeCorrelation(ref: Int16Array, got: Int16Array, rate = 16000, windowMs = 40): number {
  const a = envelope(ref, rate, windowMs);
  const n = Math.round((rate * windowMs) / 1000);
  const step = Math.max(1, Math.round(rate / 400));
  let best = -1;
  for (let offset = 0; offset < n; offset += step)
    best = Math.max(best, bestCorrelation(a, envelope(got, rate, windowMs, offset)));
  return best;
}

/** Highest Pearson correlation of two envelopes over shifts of `b` by up to `maxShift` windows. */
export function bestCorrelation(a: number[], b: number[], maxShift = 100): number {
  let best = -1;
  for (let shift = -maxShift; shift <= maxShift; shift++) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < a.length; i++) {
      const j = i + shift;
      if (j < 0 || j >= b.length) continue;
      xs.push(a[i]!);
      ys.push(b[j]!);
    }
    if (xs.length < a.length * 0.8) continue;
    const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
    const my = ys.reduce((s, v) => s + v, 0) / ys.length;
    let num = 0;
    let dx = 0;
    let dy = 0;
    for (let i = 0; i < xs.length; i++) {
      num += (xs[i]! - mx) * (ys[i]! - my);
      dx += (xs[i]! - mx) ** 2;
      dy += (ys[i]! - my) ** 2;
    }
    best = Math.max(best, num / Math.sqrt(dx * dy || 1));
  }
  return best;
}

/** A recognisable 16-bit 440 Hz tone at 16 kHz, so byte order and content can be checked too. */
export function tone(seconds: number): Uint8Array {
  const samples = new Int16Array(seconds * 16000);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 16000));
  return new Uint8Array(samples.buffer);
}
