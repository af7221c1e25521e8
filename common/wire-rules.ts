/**
 * Plugin_Remote wire rules for one text line, as the real MMDAgent-EX applies them
 * (docs/protocol.md). Pure, with no node or DOM imports: the core enforces them and
 * the renderer checks composed lines and quick commands with the very same code.
 */
import type { LineProblem, Problem } from './problems.js';

/** MMDAgent-EX's receive buffer per connection; a frame this large kills it. */
export const AGENT_BUFFER_BYTES = 8192;
/** Type and arguments are copied into 2048-byte buffers inside MMDAgent-EX. */
export const MAX_TEXT_BYTES = 2047;
/** A stream starting with `S` is held until this many bytes are buffered. */
export const S_HOLD_BYTES = 7;

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

export function lineProblem(text: string): LineProblem | null {
  if (text.length === 0) return { code: 'empty' };
  if (/[\r\n]/.test(text)) return { code: 'line-break' };
  if (text.startsWith('SND')) return { code: 'snd' };
  const bytes = utf8Length(text);
  if (bytes > MAX_TEXT_BYTES) return { code: 'too-long', bytes, max: MAX_TEXT_BYTES };
  return null;
}

/**
 * The exact bytes to put on the wire for one line: the text, `\n`, and for a short
 * line starting with `S` extra `\n` up to 7 bytes, so MMDAgent-EX does not hold it.
 */
export function wireLine(text: string): string {
  let wire = text + '\n';
  if (text.startsWith('S')) {
    const short = S_HOLD_BYTES - utf8Length(wire);
    if (short > 0) wire += '\n'.repeat(short);
  }
  return wire;
}

export type ComposeResult = { ok: true; lines: string[] } | { ok: false; problem: Extract<Problem, { key: 'line' }> };

/** Compose input → one message per non-empty line, every line checked before any is sent. */
export function splitCompose(input: string): ComposeResult {
  const lines = input.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length === 0) return { ok: false, problem: { key: 'line', problem: { code: 'empty' } } };
  for (let i = 0; i < lines.length; i++) {
    const problem = lineProblem(lines[i]!);
    if (problem)
      return {
        ok: false,
        problem: lines.length === 1 ? { key: 'line', problem } : { key: 'line', problem, line: i + 1 },
      };
  }
  return { ok: true, lines };
}

export interface ParsedMessage {
  type: string;
  args: string[];
}

/** `TYPE|a|b` → type and arguments; Plugin_Remote control lines split on the first comma. */
export function parseMessage(line: string): ParsedMessage {
  const type = messageType(line);
  if (type.length === line.length) return { type, args: [] };
  return { type, args: line.slice(type.length + 1).split(line.startsWith('__AV') ? ',' : '|') };
}

/** The type alone, without splitting the arguments (every incoming line needs it). */
export function messageType(line: string): string {
  const cut = line.indexOf(line.startsWith('__AV') ? ',' : '|');
  return cut < 0 ? line : line.slice(0, cut);
}

/** `messageType(line) === type`, without making the type's string (the log's batches ask it of every line). */
export function isMessageType(line: string, type: string): boolean {
  const cut = line.indexOf(line.startsWith('__AV') ? ',' : '|');
  return (cut < 0 ? line.length : cut) === type.length && line.startsWith(type);
}
