/**
 * Append-only JSON Lines session log. Lines are handed to the OS at least every
 * `flushMs` (default 250 ms), so a crash or `kill -9` loses at most that much.
 * Writes are synchronous: they go to the page cache in well under a millisecond,
 * and keep the file in order even when the process is quitting.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LogWriterOptions {
  flushMs?: number;
  /** Pending bytes that trigger an early flush, so a flood cannot grow memory. */
  highWaterBytes?: number;
  onError?: (error: Error) => void;
}

export class JsonlWriter {
  private fd: number | null;
  private chunks: string[] = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | null;
  private failed = false;
  private linesWritten = 0;

  constructor(
    readonly path: string,
    private readonly options: LogWriterOptions = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
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

  appendJson(json: string): void {
    if (this.fd === null) return;
    const line = json + '\n';
    this.chunks.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= (this.options.highWaterBytes ?? 1 << 20)) this.flush();
  }

  flush(): void {
    if (this.chunks.length === 0 || this.fd === null) return;
    const count = this.chunks.length;
    const data = this.chunks.join('');
    this.chunks = [];
    this.pendingBytes = 0;
    try {
      writeSync(this.fd, data);
      this.linesWritten += count;
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
    this.options.onError?.(error);
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
