/**
 * An entry's JSONL line, as the session log stores it. `writeEntryJson` puts it straight into the
 * log writer's buffer: a flood writes every message to disk, and building a string per line first
 * made over a third of the core's garbage (about 0.8 KB a message), whose collection slowed a burst.
 */
import type { LogEntry } from '../../common/log.js';

/** JSON for an entry, built by hand: about twice as fast as JSON.stringify of the object. */
export function entryJson(e: LogEntry): string {
  return `{"id":${e.id},"t":${e.t},"dir":"${e.dir}","agentId":${e.agentId},"kind":"${e.kind}","type":${JSON.stringify(e.type)},"text":${JSON.stringify(e.text)}${extrasJson(e)}}`;
}

/** The optional fields, in the order `entryJson` has always written them ('' for most entries). */
export function extrasJson(e: LogEntry): string {
  let s = '';
  if (e.binary !== undefined) s += `,"binary":${e.binary}`;
  if (e.delivery !== undefined) s += `,"delivery":"${e.delivery}"`;
  if (e.rtt !== undefined) s += `,"rtt":${e.rtt}`;
  if (e.failure !== undefined) s += `,"failure":${JSON.stringify(e.failure)}`;
  if (e.echoOf !== undefined) s += `,"echoOf":${e.echoOf}`;
  if (e.notForwarded) s += ',"notForwarded":true';
  if (e.msg) s += `,"msg":${JSON.stringify(e.msg)}`;
  if (e.agent) s += `,"agent":${JSON.stringify(e.agent)}`;
  return s;
}

const ascii = (s: string): Buffer => Buffer.from(s, 'latin1');
const OPEN_ID = ascii('{"id":');
const T = ascii(',"t":');
const TEXT = ascii(',"text":');
const NULL = ascii('null');
/** `,"dir":"in","session":` and `,"kind":"event","type":`, made once per value: each line copies a few such pieces. */
const dirPieces = new Map<string, Buffer>();
const kindPieces = new Map<string, Buffer>();
const dirSession = (dir: string): Buffer =>
  dirPieces.get(dir) ?? (dirPieces.set(dir, ascii(`,"dir":"${dir}","agentId":`)), dirPieces.get(dir)!);
const kindType = (kind: string): Buffer =>
  kindPieces.get(kind) ?? (kindPieces.set(kind, ascii(`,"kind":"${kind}","type":`)), kindPieces.get(kind)!);
/** Everything but the strings and the extras: the pieces, three numbers of at most 24 bytes, the brace. */
const FIXED_BYTES = 6 + 5 + 40 + 40 + 8 + 3 * 24 + 1;
/** A string JSON writes as it is between quotes: no quote, backslash, control character or surrogate (a lone one is escaped). */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** At most how many bytes `writeEntryJson` writes for `e` with these extras (6 per UTF-16 unit covers `\u001f`). */
export function entryJsonBound(e: LogEntry, extras: string): number {
  return FIXED_BYTES + 6 * (e.type.length + e.text.length + 2) + 3 * extras.length;
}

/** Writes `entryJson(e)` as UTF-8 at `at` (the buffer holds `entryJsonBound(e, extras)` bytes from there); returns where it ended. */
export function writeEntryJson(buf: Buffer, at: number, e: LogEntry, extras: string): number {
  at = put(buf, at, OPEN_ID);
  at = putNumber(buf, at, e.id);
  at = put(buf, at, T);
  at = putNumber(buf, at, e.t);
  at = put(buf, at, dirSession(e.dir));
  at = e.agentId === null ? put(buf, at, NULL) : putNumber(buf, at, e.agentId);
  at = put(buf, at, kindType(e.kind));
  at = putString(buf, at, e.type);
  at = put(buf, at, TEXT);
  at = putString(buf, at, e.text);
  if (extras) at += buf.write(extras, at);
  buf[at] = 0x7d;
  return at + 1;
}

function put(buf: Buffer, at: number, bytes: Buffer): number {
  buf.set(bytes, at);
  return at + bytes.length;
}

/** Digits written one by one for the usual case, a whole number (ids, sessions, times in ms). */
function putNumber(buf: Buffer, at: number, n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) return at + buf.write(String(n), at, 'latin1');
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  for (let i = at + digits - 1, x = n; i >= at; i--, x = Math.floor(x / 10)) buf[i] = 48 + (x % 10);
  return at + digits;
}

function putString(buf: Buffer, at: number, s: string): number {
  if (!PLAIN.test(s)) return at + buf.write(JSON.stringify(s), at);
  buf[at] = 0x22;
  at += 1 + buf.write(s, at + 1);
  buf[at] = 0x22;
  return at + 1;
}
