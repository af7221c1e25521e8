import { describe, expect, it } from 'vitest';
import { exportText, formatCount, mdfSnippet } from '../../../renderer/lib/format.js';
import { entry } from '../../support/entries.js';

describe('format', () => {
  it('writes counts as toLocaleString does, with the same grouping', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_234_567, 200_000]) expect(formatCount(n)).toBe(n.toLocaleString());
    expect(formatCount(1_234_567)).toMatch(/^1\D?234\D?567$/);
  });

  it('builds the .mdf lines with 127.0.0.1 and the retry key', () => {
    expect(mdfSnippet({ state: 'listening', url: '', host: '127.0.0.1', port: 9001, path: '/chat' })).toBe(
      'Plugin_Remote_Websocket_Host=127.0.0.1\nPlugin_Remote_Websocket_Port=9001\nPlugin_Remote_Websocket_Directory=/chat\nPlugin_Remote_RetryCount=100000',
    );
  });

  it('exports the view as wire lines or JSON Lines', () => {
    const rows = [entry(1, 'A|1'), entry(2, 'B|2')];
    expect(exportText(rows, 'txt')).toBe('A|1\nB|2\n');
    expect(
      exportText(rows, 'jsonl')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).id),
    ).toEqual([1, 2]);
  });
});
