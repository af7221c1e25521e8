import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JsonlWriter, readJsonl } from '../../../electron/core/log-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'rp-writer-'));

describe('JsonlWriter', () => {
  afterEach(() => vi.useRealTimers());

  it('flushes on its timer without being closed, and not before', () => {
    vi.useFakeTimers();
    const path = join(dir, 'timer.jsonl');
    const w = new JsonlWriter(path, { flushMs: 250 });
    w.append({ a: 1 });
    vi.advanceTimersByTime(249);
    expect(readFileSync(path, 'utf8')).toBe('');
    vi.advanceTimersByTime(1);
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    w.append({ a: 2 });
    vi.advanceTimersByTime(250);
    expect(readJsonl(path).records).toEqual([{ a: 1 }, { a: 2 }]);
    w.close();
  });

  it('flushes early past the high-water mark and writes everything in order on close', () => {
    const path = join(dir, 'order.jsonl');
    const w = new JsonlWriter(path, { flushMs: 60_000, highWaterBytes: 100 });
    for (let i = 0; i < 50; i++) w.append({ i });
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(0);
    w.close();
    expect(readJsonl<{ i: number }>(path).records.map((r) => r.i)).toEqual([...Array(50).keys()]);
    expect(w.written).toBe(50);
  });

  it('keeps lines longer than its buffer, and any UTF-8, whole and in order among short ones', () => {
    const path = join(dir, 'long.jsonl');
    const w = new JsonlWriter(path, { flushMs: 60_000, highWaterBytes: 64 });
    const records = [
      { s: 'short' },
      { s: '日本語😀'.repeat(40) },
      { s: 'x' },
      { s: 'é'.repeat(21) },
      { s: 'y'.repeat(500) },
      { s: 'z' },
    ];
    for (const r of records) w.append(r);
    w.close();
    expect(readJsonl(path).records).toEqual(records);
    expect(w.written).toBe(records.length);
  });

  it('appends to an existing file', () => {
    const path = join(dir, 'append.jsonl');
    writeFileSync(path, '{"old":true}\n');
    const w = new JsonlWriter(path);
    w.append({ new: true });
    w.close();
    expect(readJsonl(path).records).toEqual([{ old: true }, { new: true }]);
  });
});

describe('readJsonl', () => {
  it('tolerates a truncated last line and rejects a broken line in the middle', () => {
    const path = join(dir, 'cut.jsonl');
    writeFileSync(path, '{"a":1}\n{"a":2}\n{"a":');
    expect(readJsonl(path)).toEqual({ records: [{ a: 1 }, { a: 2 }], truncated: true });
    appendFileSync(path, '\n{"a":4}\n');
    expect(() => readJsonl(path)).toThrow(/Line 3/);
  });
});
