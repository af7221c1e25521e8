/**
 * Reads the WAV files speech engines return, into mono float samples. Engines differ: VOICEVOX
 * sends 24 kHz (or what the query asked), OpenAI 24 kHz, espeak-ng 22,050 Hz, and a streamed
 * WAV may carry 0xFFFFFFFF or 0 as its sizes. So sizes are trusted only as far as the bytes go,
 * and any PCM or float layout (and WAVE_FORMAT_EXTENSIBLE) is read, stereo mixed down.
 */

export class WavError extends Error {}

export interface DecodedWav {
  sampleRate: number;
  channels: number;
  /** Mono, -1…1. */
  samples: Float32Array;
}

const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;

export function decodeWav(bytes: Uint8Array): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number): string => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new WavError(describe(bytes));
  let at = 12;
  let fmt: { format: number; channels: number; rate: number; bits: number } | null = null;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const declared = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (declared < 16 || body + 16 > bytes.length) throw new WavError('The WAV format block is cut short.');
      let format = view.getUint16(body, true);
      if (format === EXTENSIBLE) {
        if (declared < 40 || body + 26 > bytes.length) throw new WavError('The WAV format block is cut short.');
        format = view.getUint16(body + 24, true);
      }
      fmt = {
        format,
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!fmt) throw new WavError('The WAV has audio before its format block.');
      /* A streamed WAV does not know its length (0, 0xFFFFFFFF, or more than was sent): the data runs to the end. */
      const riff = view.getUint32(4, true);
      const streamed =
        declared === 0xffffffff ||
        body + declared > bytes.length ||
        (declared === 0 && (riff === 0 || riff >= 0x7fff0000));
      const end = streamed ? bytes.length : body + declared;
      return { sampleRate: fmt.rate, channels: fmt.channels, samples: toMono(view, body, end, fmt) };
    }
    at = body + declared + (declared % 2);
  }
  throw new WavError('The WAV has no audio data.');
}

function toMono(
  view: DataView,
  start: number,
  end: number,
  f: { format: number; channels: number; rate: number; bits: number },
): Float32Array {
  const width = f.bits / 8;
  if (f.channels < 1 || f.channels > 16 || f.rate < 1000 || f.rate > 384_000)
    throw new WavError(`Unusable WAV: ${f.channels} channels at ${f.rate} Hz.`);
  const read = reader(f.format, f.bits);
  if (!read) throw new WavError(`Unsupported WAV encoding (format ${f.format}, ${f.bits}-bit).`);
  const frame = width * f.channels;
  const frames = Math.floor((end - start) / frame);
  const out = new Float32Array(frames);
  for (let i = 0, p = start; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < f.channels; c++, p += width) sum += read(view, p);
    out[i] = sum / f.channels;
  }
  return out;
}

type Read = (view: DataView, at: number) => number;

function reader(format: number, bits: number): Read | null {
  if (format === PCM) {
    if (bits === 8) return (v, p) => (v.getUint8(p) - 128) / 128;
    if (bits === 16) return (v, p) => v.getInt16(p, true) / 32768;
    if (bits === 24) return (v, p) => (v.getUint8(p) | (v.getUint8(p + 1) << 8) | (v.getInt8(p + 2) << 16)) / 8388608;
    if (bits === 32) return (v, p) => v.getInt32(p, true) / 2147483648;
  }
  if (format === FLOAT) {
    if (bits === 32) return (v, p) => v.getFloat32(p, true);
    if (bits === 64) return (v, p) => v.getFloat64(p, true);
  }
  return null;
}

/** What came back instead of a WAV, for the message: JSON, HTML, or bytes. */
function describe(bytes: Uint8Array): string {
  const head = new TextDecoder().decode(bytes.subarray(0, 120)).replace(/\s+/g, ' ').trim();
  if (bytes.length === 0) return 'The response was empty.';
  if (/^[\x20-\x7e]/.test(head) && !head.startsWith('RIFF')) return `Not a WAV file: "${head.slice(0, 80)}"`;
  return `Not a WAV file (${bytes.length} bytes, starting ${[...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}).`;
}

/** 16-bit PCM WAV bytes (tests and fakes). */
export function encodeWav(samples: Int16Array, sampleRate: number, channels = 1): Uint8Array {
  const data = samples.length * 2;
  const out = new Uint8Array(44 + data);
  const v = new DataView(out.buffer);
  const ascii = (at: number, s: string): void => [...s].forEach((ch, i) => v.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + data, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, PCM, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * channels * 2, true);
  v.setUint16(32, channels * 2, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, data, true);
  out.set(new Uint8Array(samples.buffer, samples.byteOffset, data), 44);
  return out;
}
