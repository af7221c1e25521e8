/**
 * Frames on the browser-mode bridge socket, which carries the same contract as Electron IPC.
 * Text frames are JSON. A request or post whose argument carries `pcm` (audio) is one binary
 * frame instead: a 4-byte little-endian header length, the JSON header, then the raw bytes,
 * which become `arg.pcm` again on the other side. One module for both ends, so they cannot drift.
 */
import type { BridgeFrame } from './contract.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Requests and posts travel with their argument; `arg.pcm`, if it is bytes, goes raw. */
export function encodeBridgeFrame(frame: BridgeFrame): string | Uint8Array {
  const arg = 'arg' in frame ? frame.arg : undefined;
  const pcm = arg && typeof arg === 'object' ? (arg as { pcm?: unknown }).pcm : undefined;
  if (!(pcm instanceof Uint8Array)) return JSON.stringify(frame);
  const header = encoder.encode(JSON.stringify({ ...frame, arg: { ...(arg as object), pcm: undefined } }));
  const out = new Uint8Array(4 + header.length + pcm.length);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  out.set(pcm, 4 + header.length);
  return out;
}

/** A frame from the other end, or null for anything malformed (never throws: the peer is untrusted). */
export function decodeBridgeFrame(data: string | Uint8Array, isBinary: boolean): BridgeFrame | null {
  try {
    if (!isBinary) return asFrame(JSON.parse(typeof data === 'string' ? data : decoder.decode(data)));
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    if (bytes.length < 4) return null;
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
    if (headerLength > bytes.length - 4) return null;
    const frame = asFrame(JSON.parse(decoder.decode(bytes.subarray(4, 4 + headerLength))));
    if (!frame || (frame.t !== 'req' && frame.t !== 'post') || !frame.arg || typeof frame.arg !== 'object') return null;
    (frame.arg as Record<string, unknown>).pcm = bytes.subarray(4 + headerLength);
    return frame;
  } catch {
    return null;
  }
}

function asFrame(value: unknown): BridgeFrame | null {
  if (!value || typeof value !== 'object') return null;
  const t = (value as { t?: unknown }).t;
  return t === 'req' || t === 'res' || t === 'evt' || t === 'post' ? (value as BridgeFrame) : null;
}
