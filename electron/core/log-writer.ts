/**
 * Append-only JSON Lines session log. Lines are handed to the OS at least every
 * `flushMs` (default 250 ms), so a crash or `kill -9` loses at most that much.
 * Writes are synchronous: they go to the page cache in well under a millisecond,
 * and keep the file in order even when the process is quitting. Lines wait as UTF-8
 * in a reused buffer, not as strings, so a flood leaves no garbage per line behind.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogEntry } from '../../common/log.js';
import { entryJson, entryJsonBound, extrasJson, writeEntryJson } from './entry-json.js';

export interface LogWriterOptions {
  flushMs?: number;
  /** Pending bytes that trigger an early flush, so a flood cannot grow memory. */
  highWaterBytes?: number;
}

export class JsonlWriter {
  private fd: number | null;
  private buffer: Buffer;
  private used = 0;
  private errorListener: ((error: Error) => void) | null = null;
  private lines = 0;
  private timer: NodeJS.Timeout | null;
  private failed = false;
  private linesWritten = 0;

  constructor(
    readonly path: string,
    options: LogWriterOptions = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
    this.buffer = Buffer.allocUnsafe(options.highWaterBytes ?? 1 << 20);
    this.timer = setInterval(() => this.flush(), options.flushMs ?? 250);
    this.timer.unref();
  }

  /** Lines handed to the OS so far. */
  get written(): number {
    return this.linesWritten;
  }

  append(record: object): void {
    this.appendJson(JSON.stringify(record));
  }

  /** An entry written straight into the buffer (see entry-json): the flood path, no string per line. */
  appendEntry(e: LogEntry): void {
    if (this.fd === null) return;
    const extras = extrasJson(e);
    const bytes = entryJsonBound(e, extras);
    if (this.used + bytes + 1 > this.buffer.length) {
      this.flush();
      if (bytes + 1 > this.buffer.length) return this.appendJson(entryJson(e));
    }
    this.used = writeEntryJson(this.buffer, this.used, e, extras);
    this.buffer[this.used++] = 0x0a;
    this.lines++;
  }

  appendJson(json: string): void {
    if (this.fd === null) return;
    /* A UTF-16 unit is at most 3 UTF-8 bytes; a line that could not fit even an empty buffer goes on its own. */
    if (this.used + json.length * 3 + 1 > this.buffer.length) {
      this.flush();
      if (json.length * 3 + 1 > this.buffer.length) {
        this.write(Buffer.from(json + '\n'), 1);
        return;
      }
    }
    this.used += this.buffer.write(json, this.used);
    this.buffer[this.used++] = 0x0a;
    this.lines++;
  }

  flush(): void {
    if (this.used === 0 || this.fd === null) return;
    const lines = this.lines;
    const data = this.buffer.subarray(0, this.used);
    this.used = 0;
    this.lines = 0;
    this.write(data, lines);
  }

  private write(data: Uint8Array, lines: number): void {
    try {
      let done = 0;
      while (done < data.length) done += writeSync(this.fd!, data, done);
      this.linesWritten += lines;
    } catch (error) {
      this.fail(error as Error);
    }
  }

  /** Writes everything and closes the file (quit, shutdown). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.errorListener?.(error);
  }

  /** Who hears the first write error: the writer stops writing after it, once. */
  onError(listener: (error: Error) => void): void {
    this.errorListener = listener;
  }
}

/** Reads a JSONL log, tolerating a last line cut short by a crash. */
export function readJsonl<T>(path: string): { records: T[]; truncated: boolean } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const records: T[] = [];
  let truncated = false;
  lines.forEach((line, i) => {
    if (!line) return;
    try {
      records.push(JSON.parse(line) as T);
    } catch (error) {
      if (i === lines.length - 1) truncated = true;
      else throw new Error(`Line ${i + 1} of ${path} is not valid JSON`, { cause: error });
    }
  });
  return { records, truncated };
}
