/**
 * Any engine's WAV to what MMDAgent-EX takes: 16 kHz mono s16le. Resampling is libsamplerate
 * (its WebAssembly port), the reference converter, rather than a hand-written filter. The
 * medium sinc converter: the fastest one leaves too little of the band below 8 kHz (28 dB
 * against sox on speech), the best one costs three times as long per sentence.
 */
import lsr from '@alexanderolsen/libsamplerate-js';
import { SAMPLE_RATE } from '../audio-packets.js';
import { decodeWav } from './wav.js';

type Converter = Awaited<ReturnType<typeof lsr.create>>;

/** One converter per input rate, made once (loading the module is the slow part). */
const converters = new Map<number, Promise<Converter>>();

function converter(rate: number): Promise<Converter> {
  let c = converters.get(rate);
  if (!c) {
    c = lsr.create(1, rate, SAMPLE_RATE, { converterType: lsr.ConverterType.SRC_SINC_MEDIUM_QUALITY });
    converters.set(rate, c);
    c.catch(() => converters.delete(rate));
  }
  return c;
}

/** Loads the resampler for the common engine rates ahead of the first Say. */
export function warmResampler(): void {
  for (const rate of [24_000, 22_050]) void converter(rate).catch(() => undefined);
}

/** Input per conversion: the library switches to a stateful path (which loses the tail) past about a million samples. */
const CHUNK = 480_000;
/** Context either side of a chunk, so the sinc filter sees the neighbouring audio and the seams vanish. */
const PAD = 4096;

/** Mono float samples at `rate` → 16 kHz float samples. */
export async function resampleTo16k(samples: Float32Array, rate: number): Promise<Float32Array> {
  if (rate === SAMPLE_RATE || samples.length === 0) return samples;
  const conv = await converter(rate);
  if (samples.length <= CHUNK) return conv.simple(samples);
  const ratio = SAMPLE_RATE / rate;
  /* Cut only where an input sample falls exactly on an output sample, or the pieces' phases differ. */
  const step = rate / gcd(rate, SAMPLE_RATE);
  const chunk = Math.ceil(CHUNK / step) * step;
  const pad = Math.ceil(PAD / step) * step;
  const parts: Float32Array[] = [];
  for (let start = 0; start < samples.length; start += chunk) {
    const from = Math.max(0, start - pad);
    const end = Math.min(samples.length, start + chunk);
    const out = conv.simple(samples.subarray(from, Math.min(samples.length, end + pad)));
    const skip = Math.round((start - from) * ratio);
    parts.push(out.subarray(skip, skip + Math.round(end * ratio) - Math.round(start * ratio)));
  }
  const joined = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  return joined;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export function toS16le(samples: Float32Array): Uint8Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i]!;
    out[i] = x >= 1 ? 32767 : x <= -1 ? -32768 : Math.round(x * 32767);
  }
  return new Uint8Array(out.buffer);
}

/** A WAV from any engine → 16 kHz mono s16le bytes, ready to packetize. */
export async function wavToPcm16k(wav: Uint8Array): Promise<Uint8Array> {
  const decoded = decodeWav(wav);
  return toS16le(await resampleTo16k(decoded.samples, decoded.sampleRate));
}
