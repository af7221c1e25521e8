/** Untrusted peers on real sockets: fuzz, storms, half-open sockets, origins, floods. Loopback only, bounded. */
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FakeAgent } from '../../support/fake-agent.js';
import { fuzz } from '../../support/fuzz.js';
import { autoCleanup, type Harness } from '../../support/panel-harness.js';

const { cleanup, panel } = autoCleanup();

const port = (h: Harness): number => Number(new URL(h.url).port);
const resources = (): Record<string, number> =>
  process.getActiveResourcesInfo().reduce<Record<string, number>>((acc, r) => ((acc[r] = (acc[r] ?? 0) + 1), acc), {});

/** The fuzz marker an entry carries: from the text of a line, or from the hex preview of a binary frame. */
function markerOf(record: Record<string, unknown>): string | null {
  const text = String(record.text ?? '');
  const ascii =
    record.binary !== undefined
      ? Buffer.from(text.replace(/ …$/, '').split(' ').join(''), 'hex').toString('latin1')
      : text;
  return /^(SND1280)?F[ZB]\|\d+\|\d+\|/.exec(ascii)?.[0] ?? null;
}

describe('hostile peers', () => {
  /* How fast the normal agent is answered, and the heap after the fuzz, are measured by `npm run bench:reliability`. */
  it('survives 10,000 random frames: answers a normal agent right after, every accepted frame on disk once', async () => {
    const maxPayload = 256 * 1024;
    const h = await panel({ server: { maxPayload } });
    const result = await fuzz(h.url, 10_000, 5, maxPayload);
    expect(result.refusedOversize).toBeGreaterThan(0);
    await h.waitFor(() => h.panel.server.count() === 0, 5000, 'the fuzz clients gone');

    /* A normal agent right after: connected, its event logged, and our line delivered. */
    const agent = await FakeAgent.connect(h.url, { frameMs: 0 });
    cleanup.push(() => agent.quit());
    agent.emit('MODEL_EVENT_ADD|0');
    await h.waitFor(() => h.entries.some((e) => e.text === 'MODEL_EVENT_ADD|0'), 3000, 'the agent event');
    const id =
      h.sessions().find((s) => s.isMMDAgent && s.messagesIn > 0)?.agentId ?? h.panel.agentList().at(-1)!.agentId;
    h.panel.outbox.send(id, 'MOTION_ADD|0|wave|motion/wave.vmd');
    await agent.waitFor(() => agent.received.length === 1, 3000, 'the line');
    agent.quit();

    expect(h.entries.filter((e) => /frame larger than the limit/.test(e.text)).length).toBe(result.refusedOversize);

    const counts = new Map<string, number>();
    for (const r of h.disk()) {
      if (r.dir !== 'in') continue;
      const m = markerOf(r);
      if (m) counts.set(m, (counts.get(m) ?? 0) + 1);
    }
    const missing = result.accepted.filter((m) => counts.get(m) !== 1);
    expect(missing).toEqual([]);
    expect(counts.size).toBe(result.accepted.length);
  }, 60_000);

  it('leaks no sessions, sockets or timers after 1,000 connect/disconnect cycles and 200 half-open sockets', async () => {
    const h = await panel({ server: { handshakeTimeoutMs: 500 } });
    const before = resources();
    for (let round = 0; round < 50; round++) {
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const ws = new WebSocket(h.url, { headers: { 'X-App-Type': 'MMDAgent' } });
          ws.on('error', () => undefined);
          await new Promise((r) => ws.once('open', r));
          ws.terminate();
        }),
      );
    }
    const halfOpen: Socket[] = [];
    for (let i = 0; i < 200; i++) {
      const s = connect(port(h), '127.0.0.1');
      s.on('error', () => undefined);
      s.write('GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n');
      halfOpen.push(s);
    }
    await h.waitFor(() => halfOpen.every((s) => s.destroyed || s.readableEnded), 5000, 'half-open sockets dropped');
    await h.waitFor(() => h.panel.server.count() === 0, 3000, 'sessions gone');
    const count = (key: string): number => h.entries.filter((e) => e.msg?.key === key).length;
    await h.waitFor(() => count('agentLeft') >= 1000, 3000, 'every closure logged');
    /* One more agent, closed last: a closure logged twice would be logged before its own. */
    const last = new WebSocket(h.url, { headers: { 'X-App-Type': 'MMDAgent' } });
    last.on('error', () => undefined);
    await new Promise((r) => last.once('open', r));
    last.terminate();
    await h.waitFor(() => count('agentLeft') >= 1001, 3000, 'the last closure logged');
    expect(count('agentConnected')).toBe(1001);
    expect(count('agentLeft')).toBe(1001);
    expect(h.sessions()).toEqual([]);
    const after = resources();
    expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0);
    expect(after.Timeout ?? 0).toBeLessThanOrEqual((before.Timeout ?? 0) + 2);
  }, 60_000);

  it('refuses a web page (Origin) with 403 unless its origin is allowed', async () => {
    const h = await panel();
    const refused = new WebSocket(h.url, { headers: { Origin: 'https://evil.example' } });
    const status = await new Promise<number>((r) =>
      refused.once('unexpected-response', (_q, res) => r(res.statusCode!)),
    );
    expect(status).toBe(403);
    await h.waitFor(
      () =>
        h.entries.some(
          (e) =>
            /refused: a web page \(Origin: https:\/\/evil\.example\) tried to connect \(403\)/.test(e.text) &&
            e.msg?.params.reason === 'webOrigin',
        ),
      2000,
      'log entry',
    );
    expect(await h.panel.settingsApplier.update({ allowedOrigins: ['http://localhost:3000'] })).toEqual({ ok: true });
    const allowed = new WebSocket(h.url, { headers: { Origin: 'http://localhost:3000' } });
    cleanup.push(() => allowed.terminate());
    await new Promise((r) => allowed.once('open', r));
    expect(h.panel.server.count()).toBe(1);
  });

  it('rate-limits what one agent puts in the UI, never what goes to disk', async () => {
    const h = await panel({ uiRatePerSec: 1000 });
    const agent = await FakeAgent.connect(h.url);
    cleanup.push(() => agent.quit());
    for (let i = 0; i < 5000; i++) agent.emit(`FLOOD|${i}`);
    await h.waitFor(
      () => h.disk().filter((r) => String(r.text).startsWith('FLOOD|')).length === 5000,
      5000,
      'all on disk',
    );
    await h.waitFor(
      () => h.entries.some((e) => /messages from agent #1 were not shown/.test(e.text)),
      3000,
      'the marker',
    );
    const shown = h.entries.filter((e) => e.text.startsWith('FLOOD|')).length;
    expect(shown).toBeGreaterThanOrEqual(2000);
    expect(shown).toBeLessThan(5000);
    expect(agent.exitCode).toBeNull();
    /* The marker came from the tick alone (the flood was over); with nothing left to report, it rests. */
    await h.waitFor(() => !h.panel.tick.ticking, 3000, 'the tick at rest');
  });
});
