import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../common/log.js';
import { entryJson, entryJsonBound, extrasJson, writeEntryJson } from '../../../electron/core/entry-json.js';
import { JsonlWriter, readJsonl } from '../../../electron/core/log-writer.js';
import { entry } from '../../support/entries.js';

/** What the session log has always held for an entry: its fields, in this order, through JSON.stringify. */
function reference(e: LogEntry): string {
  const { id, t, dir, agentId, kind, type, text, binary, delivery, rtt, echoOf, notForwarded, msg, agent } = e;
  return JSON.stringify({
    id,
    t,
    dir,
    agentId,
    kind,
    type,
    text,
    binary,
    delivery,
    rtt,
    echoOf,
    notForwarded: notForwarded || undefined,
    msg,
    agent,
  });
}

const cases: LogEntry[] = [
  entry(1, 'RECOG_EVENT_STOP|こんにちは', { t: 1_764_400_000_123 }),
  entry(2, 'SYNTH_START|mei|mei_voice_normal|"quoted" and back\\slash', { agentId: null, dir: 'sys', kind: 'status' }),
  entry(3, 'tab\there,\u0001control\u001f and \u2028 separator', {
    dir: 'out',
    kind: 'command',
    delivery: 'delivered',
    rtt: 12,
  }),
  entry(4, 'emoji 😀 kept, lone \ud83d and \ude00 escaped', {
    dir: 'down',
    kind: 'control',
    echoOf: 3,
    notForwarded: true,
  }),
  entry(5, '(binary)', { binary: 1280, t: 0.5, id: 0 }),
  entry(6, '', { type: '', msg: { key: 'agentConnected', params: { agentId: 2, remote: '127.0.0.1:5000' } } }),
  entry(7, '[2026/11/29 10:00:00.000] [12] Remote: Sent: MOTION_ADD|mei|a', {
    agent: { time: '2026/11/29 10:00:00.000', tick: 12, module: 'Remote', level: 'Sent', text: 'MOTION_ADD|mei|a' },
  }),
  entry(8, 'x'.repeat(5000), { id: 2 ** 53 - 1, agentId: 65_535 }),
  entry(9, 'negative and fractional numbers', { t: -3.25, agentId: 7 }),
];

describe('entry JSON', () => {
  it('entryJson writes the same line as JSON.stringify of the fields, extras in order', () => {
    for (const e of cases) expect(entryJson(e)).toBe(reference(e));
  });

  it('writeEntryJson writes the same bytes as entryJson, within its bound', () => {
    for (const e of cases) {
      const extras = extrasJson(e);
      const bytes = entryJsonBound(e, extras);
      const buf = Buffer.alloc(bytes + 8, 0xee);
      const end = writeEntryJson(buf, 3, e, extras);
      expect(buf.subarray(3, end).toString('utf8')).toBe(entryJson(e));
      expect(end - 3).toBeLessThanOrEqual(bytes);
      expect(buf[end]).toBe(0xee);
    }
  });

  it('a writer fills its buffer with entries, flushes early when the next would not fit, and keeps them in order', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rp-entry-json-')), 'log.jsonl');
    const w = new JsonlWriter(path, { flushMs: 60_000, highWaterBytes: 4096 });
    const many = Array.from({ length: 300 }, (_, i) => cases[i % cases.length]!);
    for (const e of many) w.appendEntry(e);
    w.close();
    expect(readJsonl<unknown>(path).records).toEqual(many.map((e) => JSON.parse(reference(e))));
  });
});
