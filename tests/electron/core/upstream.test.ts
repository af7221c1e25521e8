import { describe, expect, it } from 'vitest';
import { UpstreamLink, type UpstreamHost } from '../../../electron/core/upstream.js';
import { FakeDialogueServer } from '../../support/fake-dialogue-server.js';
import { waitUntil } from '../../support/wait.js';

function recorder() {
  const events: string[] = [];
  const delays: number[] = [];
  let link: UpstreamLink | null = null;
  const host: UpstreamHost = {
    toAgent: () => undefined,
    opened: (first) => events.push(first ? 'opened-first' : 'opened'),
    lost: (why) => events.push(`lost:${why}`),
    gaveUp: (n) => events.push(`gave-up:${n}`),
    recut: () => undefined,
    changed: () => {
      const info = link?.info;
      if (info?.state === 'retrying' && info.nextRetryAt !== undefined) delays.push(info.nextRetryAt - Date.now());
    },
  };
  return { events, delays, host, bind: (l: UpstreamLink) => (link = l) };
}

const until = (p: () => boolean, ms = 5000) => waitUntil(p, ms);

describe('UpstreamLink', () => {
  it('retries with backoff doubling from the minimum to the maximum, forever', async () => {
    const server = new FakeDialogueServer({ intervalMs: 0 });
    await server.start();
    await server.stop();
    const r = recorder();
    const link = new UpstreamLink(server.url, r.host, { backoffMinMs: 20, backoffMaxMs: 100, holdMs: 10_000 });
    r.bind(link);
    await until(() => r.delays.length >= 7);
    link.close();
    const rounded = r.delays.slice(0, 7).map((d) => Math.round(d / 10) * 10);
    expect(rounded).toEqual([20, 40, 80, 100, 100, 100, 100]);
    expect(link.info.retries).toBeGreaterThanOrEqual(7);
  });

  it('"Retry now" skips the wait, and a link that opens forwards what it held', async () => {
    const server = new FakeDialogueServer({ intervalMs: 0 });
    await server.start();
    const port = server.port;
    await server.stop();
    const r = recorder();
    const link = new UpstreamLink(server.url, r.host, { backoffMinMs: 60_000, backoffMaxMs: 60_000 });
    r.bind(link);
    expect(link.forward(Buffer.from('A|1\n'), false)).toBe('held');
    await until(() => link.info.state === 'retrying');
    await server.start(port);
    expect(link.retryNow()).toBe(true);
    await until(() => server.lines.length === 1);
    expect(server.lines).toEqual(['A|1']);
    expect(r.events).toEqual(['opened-first']);
    expect(link.forward(Buffer.from('B|2\n'), false)).toBe('sent');
    await until(() => server.lines.length === 2);
    link.close();
    await until(() => server.open === 0);
    await server.stop();
  });
});
