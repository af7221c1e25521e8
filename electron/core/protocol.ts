/**
 * Plugin_Remote wire rules, as the real MMDAgent-EX applies them
 * (see docs/protocol.md). Pure functions, no sockets.
 */
import { Buffer } from 'node:buffer';
import type { EntryKind } from '../../common/log.js';
import { catalogKind } from '../../common/message-catalog.js';

export {
  AGENT_BUFFER_BYTES,
  MAX_TEXT_BYTES,
  S_HOLD_BYTES,
  lineProblem,
  messageType,
  parseMessage,
  splitCompose,
  utf8Length,
  wireLine,
  type ComposeResult,
  type ParsedMessage,
} from '../../common/wire-rules.js';

/** A partial line longer than this is logged as it stands instead of waiting forever. */
export const MAX_PENDING_BYTES = 1 << 20;

/** What kind of entry a line is, from the catalog where it is documented. */
export function classify(type: string, dir: 'in' | 'out'): EntryKind {
  if (type.startsWith('__AV') || type.startsWith('SND')) return 'control';
  if (type.startsWith('__peer_disconnected__')) return 'status';
  const known = catalogKind(type);
  if (known) return known;
  if (type.includes('_EVENT_')) return 'event';
  return dir === 'in' ? 'event' : 'command';
}

/**
 * The line MMDAgent-EX will send back for an injected line, or null when it sends
 * none (`__AV*` and `SND*` control lines are not echoed; `__AV_MESSAGE,X` echoes as `X`).
 */
export function expectedEcho(line: string): string | null {
  if (line.startsWith('__AV_MESSAGE,')) return line.slice('__AV_MESSAGE,'.length);
  if (line.startsWith('__AV') || /^SND(STRM|FILE|BRKS)$/.test(line)) return null;
  return line;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 that never throws: invalid bytes are shown as `\xNN`, not silently replaced. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return decodeLenient(bytes);
  }
}

/** Valid runs are decoded in bulk; each invalid byte becomes \xNN. Linear, so hostile input stays cheap. */
function decodeLenient(bytes: Uint8Array): string {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const len = sequenceLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    if (i > runStart) out += view.toString('utf8', runStart, i);
    out += `\\x${bytes[i]!.toString(16).padStart(2, '0').toUpperCase()}`;
    i += 1;
    runStart = i;
  }
  if (runStart < bytes.length) out += view.toString('utf8', runStart);
  return out;
}

/** Length of the valid UTF-8 sequence at `i` (1–4), or 0 if the byte there starts none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number): boolean => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0;
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Hex preview of a binary frame: the first bytes, then an ellipsis. */
export function hexPreview(bytes: Uint8Array, max = 32): string {
  const shown = Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0'));
  return shown.join(' ') + (bytes.length > max ? ' …' : '');
}

/**
 * Splits an incoming byte stream into lines on `\n` (dropping a `\r` before it),
 * keeping a partial line until its end arrives. Works on bytes, so a UTF-8
 * character cut between two frames is joined before decoding.
 */
export class LineSplitter {
  /** Pieces of a line still waiting for its newline, kept apart so many tiny frames cost no copying. */
  private pieces: Uint8Array[] = [];
  private pendingLength = 0;

  /** Bytes of a line still waiting for its newline. */
  get pendingBytes(): number {
    return this.pendingLength;
  }

  push(chunk: Uint8Array): string[] {
    const out: string[] = [];
    this.each(chunk, (line) => out.push(line));
    return out;
  }

  /** Hands each whole line in `chunk` to `emit`, in order: the agent socket's path, with no array per frame. */
  each(chunk: Uint8Array, emit: (line: string) => void): void {
    if (chunk.indexOf(0x0a) < 0) {
      if (chunk.length > 0) {
        this.pieces.push(chunk.slice());
        this.pendingLength += chunk.length;
      }
      if (this.pendingLength <= MAX_PENDING_BYTES) return;
      /* A peer that never ends its line must not grow memory without bound. */
      emit(decodeUtf8(this.takePending()));
      return;
    }
    const data = this.pendingLength ? concat(this.takePending(), chunk) : chunk;
    /* Fast path (nearly every frame from MMDAgent-EX): whole lines, decoded once. A U+FFFD in the
       result means invalid bytes (or a real U+FFFD): the careful path below shows those as \xNN. */
    if (data[data.length - 1] === 0x0a) {
      const text = (Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)).toString(
        'utf8',
      );
      if (!text.includes('\uFFFD')) {
        let start = 0;
        for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
          const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
          if (end > start) emit(text.slice(start, end));
          start = nl + 1;
        }
        return;
      }
    }
    /* The partial line is kept before any line is handed on, so the state is whole whatever `emit` does. */
    const tail = data.lastIndexOf(0x0a) + 1;
    if (tail < data.length) {
      this.pieces = [data.slice(tail)];
      this.pendingLength = data.length - tail;
    }
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl >= 0; nl = data.indexOf(0x0a, start)) {
      const end = nl > start && data[nl - 1] === 0x0d ? nl - 1 : nl;
      if (end > start) emit(decodeUtf8(data.subarray(start, end)));
      start = nl + 1;
    }
  }

  /** The partial line, if any, taken out (for a connection that ended mid-line). */
  flush(): string | null {
    if (this.pendingLength === 0) return null;
    return decodeUtf8(this.takePending());
  }

  private takePending(): Uint8Array {
    const whole = this.pieces.length === 1 ? this.pieces[0]! : Buffer.concat(this.pieces, this.pendingLength);
    this.pieces = [];
    this.pendingLength = 0;
    return whole;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The one line a text frame carries, when it is exactly one (MMDAgent-EX sends one message per frame); else null. */
export function singleLine(data: Buffer): string | null {
  const n = data.length;
  if (n < 2 || data[n - 1] !== 0x0a || data.indexOf(0x0a) !== n - 1) return null;
  return data.toString('utf8', 0, data[n - 2] === 0x0d ? n - 2 : n - 1);
}
