/** kill -9 of browser mode in the middle of a flood: the log holds everything up to the last second. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readJsonl } from '../../../electron/core/log-writer.js';
import { startWebPanel } from '../../support/web-panel.js';

describe('crash safety', () => {
  it('keeps every message but at most the last second after SIGKILL mid-flood', async () => {
    const web = await startWebPanel();
    const ws = new WebSocket(web.agentUrl, { headers: { 'X-App-Type': 'MMDAgent' }, perMessageDeflate: false });
    ws.on('error', () => undefined);
    await new Promise((r) => ws.once('open', r));
    /* 10,000 msg/s, stamped with the send time. */
    const rate = 10_000;
    const sentAt: number[] = [];
    const start = performance.now();
    let killedAt = 0;
    await new Promise<void>((resolve) => {
      const tick = (): void => {
        const due = Math.floor(((performance.now() - start) / 1000) * rate);
        while (sentAt.length < due && ws.readyState === WebSocket.OPEN) {
          ws.send(`FLOOD|${sentAt.length}\n`);
          sentAt.push(performance.now());
        }
        if (!killedAt && performance.now() - start > 2500) {
          killedAt = performance.now();
          web.proc.kill('SIGKILL');
        }
        if (performance.now() - start > 3000 || ws.readyState !== WebSocket.OPEN) resolve();
        // eslint-disable-next-line no-restricted-syntax -- the flood's own pace, not a wait
        else setTimeout(tick, 2);
      };
      tick();
    });
    /* It may already have exited while the flood loop was still running. */
    if (web.proc.exitCode === null && web.proc.signalCode === null) await new Promise((r) => web.proc.once('exit', r));
    ws.terminate();
    const dir = join(web.dataDir, 'logs');
    const file = join(dir, readdirSync(dir)[0]!);
    const { records, truncated } = readJsonl<{ text?: string; dir?: string }>(file);
    const got = records
      .filter((r) => r.dir === 'in' && r.text?.startsWith('FLOOD|'))
      .map((r) => Number(r.text!.slice(6)));
    /* In order, no duplicates, no holes. */
    expect(got).toEqual(Array.from({ length: got.length }, (_, i) => i));
    const sentBeforeKill = sentAt.filter((t) => t <= killedAt).length;
    const sentOneSecondBefore = sentAt.filter((t) => t <= killedAt - 1000).length;
    expect(got.length).toBeGreaterThanOrEqual(sentOneSecondBefore);
    expect(got.length).toBeLessThanOrEqual(sentBeforeKill);
    /* A cut last line is the only damage a crash may leave: reading reports it exactly when the file does not end a line. */
    expect(truncated).toBe(!readFileSync(file, 'utf8').endsWith('\n'));
  }, 30_000);
});
