/**
 * Reads a byte stream bound for an agent the way MMDAgent-EX's parser does (docs/protocol.md:
 * the S-hold rule, SND packets, newline framing), so proxy mode can log what a dialogue server
 * sends and knows when the stream stands between two items (safe to interleave the panel's own).
 */
import { decodeUtf8 } from './protocol.js';

export type AudioTag = 'SNDSTRM' | 'SNDFILE' | 'SNDBRKS';

export type AgentInput =
  { kind: 'line'; text: string } | { kind: 'mode'; tag: AudioTag } | { kind: 'audio'; bytes: number };

const MODE_TAGS = new Set(['STRM', 'FILE', 'BRKS']);
const SND = Buffer.from('SND');
/** A text item that long without its newline is logged as it is (MMDAgent-EX's buffer is 8192). */
const MAX_PENDING = 8192;

export class AgentInputReader {
  private pending: Buffer = Buffer.alloc(0);
  /** Payload bytes of the current SND packet still to come. */
  private audioLeft = 0;

  /**
   * True when no line, header or packet is half-read. A short line starting with `S` that
   * already has its newline (MMDAgent-EX waits for 7 bytes before reading it) is complete:
   * the next sender's bytes only release it.
   */
  get atBoundary(): boolean {
    if (this.audioLeft > 0) return false;
    if (this.pending.length === 0) return true;
    return (
      this.pending[0] === 0x53 &&
      !this.pending.subarray(0, 3).equals(SND) &&
      this.pending[this.pending.length - 1] === 0x0a
    );
  }

  push(data: Uint8Array): AgentInput[] {
    const out: AgentInput[] = [];
    let offset = 0;
    if (this.audioLeft > 0) {
      offset = Math.min(this.audioLeft, data.length);
      this.audioLeft -= offset;
    }
    if (offset >= data.length) return out;
    let buf = this.pending.length
      ? Buffer.concat([this.pending, data.subarray(offset)])
      : Buffer.from(data.buffer, data.byteOffset + offset, data.length - offset);
    this.pending = Buffer.alloc(0);
    for (;;) {
      if (buf.length === 0) return out;
      if (buf[0] === 0x53 /* S */ && buf.length < 7) break;
      if (buf[0] === 0x53 && buf[1] === 0x4e && buf[2] === 0x44 /* SND */) {
        const tag = buf.toString('latin1', 3, 7);
        if (MODE_TAGS.has(tag)) {
          let used = 7;
          if (buf[7] === 0x0a) used = 8;
          else if (buf[7] === 0x0d && buf[8] === 0x0a) used = 9;
          out.push({ kind: 'mode', tag: `SND${tag}` as AudioTag });
          buf = buf.subarray(used);
          continue;
        }
        const size = /^\d{4}$/.test(tag) ? Number(tag) : 0;
        out.push({ kind: 'audio', bytes: size });
        const have = Math.min(size, buf.length - 7);
        this.audioLeft = size - have;
        buf = buf.subarray(7 + have);
        if (this.audioLeft > 0) return out;
        continue;
      }
      const nl = buf.indexOf(0x0a);
      if (nl < 0) {
        if (buf.length > MAX_PENDING) {
          out.push({ kind: 'line', text: decodeUtf8(buf) });
          return out;
        }
        break;
      }
      const end = nl > 0 && buf[nl - 1] === 0x0d ? nl - 1 : nl;
      if (end > 0) out.push({ kind: 'line', text: decodeUtf8(buf.subarray(0, end)) });
      buf = buf.subarray(nl + 1);
    }
    this.pending = Buffer.from(buf);
    return out;
  }

  /**
   * Bytes that finish a half-read item harmlessly (silence for a packet, a newline for a
   * line), for when its sender vanished mid-item; null when the stream is at a boundary.
   */
  completion(): Buffer | null {
    if (this.atBoundary) return null;
    let tail: Buffer;
    if (this.pending.length > 0) {
      const p = this.pending.toString('latin1');
      if (p.startsWith('SND') || 'SND'.startsWith(p)) {
        const header = ('SND' + '0000').slice(0, 7);
        const missing = header.slice(p.length);
        /* A header cut short is completed with zeros: at most a packet of silence. */
        const padded = (p + missing).slice(0, 7);
        const size = /^SND\d{4}$/.test(padded) ? Number(padded.slice(3)) : 0;
        tail = Buffer.concat([Buffer.from(missing, 'latin1'), Buffer.alloc(size)]);
      } else {
        const need = Math.max(1, 7 - this.pending.length);
        tail = Buffer.from('\n'.repeat(p.startsWith('S') ? need : 1), 'latin1');
      }
    } else {
      tail = Buffer.alloc(this.audioLeft);
    }
    this.pending = Buffer.alloc(0);
    this.audioLeft = 0;
    return tail;
  }
}
