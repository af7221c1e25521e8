/** The Panel (the core's one API) against real sockets on port 0 and the faithful fake MMDAgent-EX. */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { FakeAgent, type FakeAgentOptions } from '../../support/fake-agent.js';
import { autoCleanup } from '../../support/panel-harness.js';

const { cleanup, panel } = autoCleanup();

async function agent(url: string, options: FakeAgentOptions = {}): Promise<FakeAgent> {
  const a = await FakeAgent.connect(url, options);
  cleanup.push(() => a.quit());
  return a;
}

describe('Panel', () => {
  it('logs agent messages in order, one entry per line, with counts', async () => {
    const h = await panel();
    const a = await agent(h.url);
    for (let i = 0; i < 1000; i++) a.emit(`TEST_EVENT|${i}`);
    await h.waitFor(() => h.entries.filter((e) => e.dir === 'in').length === 1000, 5000, '1000 entries');
    expect(h.entries.filter((e) => e.dir === 'in').map((e) => e.text)).toEqual(
      Array.from({ length: 1000 }, (_, i) => `TEST_EVENT|${i}`),
    );
    await h.waitFor(() => h.sessions()[0]?.messagesIn === 1000);
  });

  it('rests its UI tick at rest, wakes for a message, and keeps ticking until an unanswered line is marked', async () => {
    const h = await panel({ overrides: { wsPort: 0, echoTimeoutSec: 0.5 } });
    await h.waitFor(() => !h.panel.tick.ticking, 2000, 'the tick at rest with no agent');
    /* The echo comes long after the timeout, so only the tick can mark the line. */
    const a = await agent(h.url, { frameMs: 3000 });
    await h.waitFor(() => h.sessions().length === 1);
    await h.waitFor(() => !h.panel.tick.ticking, 2000, 'the tick at rest after the agent came');
    a.emit('TEST_EVENT|alone');
    await h.waitFor(() => h.entries.some((e) => e.text === 'TEST_EVENT|alone'), 2000, 'the lone message');
    await h.waitFor(() => !h.panel.tick.ticking, 2000, 'the tick at rest after the message');
    const sentAt = Date.now();
    expect(h.panel.outbox.send(h.sessions()[0]!.agentId, 'MOTION_ADD|0|wave|motion/wave.vmd')).toMatchObject({
      ok: true,
    });
    await h.waitFor(() => h.entries.some((e) => e.dir === 'out' && e.delivery === 'no-echo'), 3000, 'no echo');
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(500);
    await h.waitFor(() => !h.panel.tick.ticking, 2000, 'the tick at rest once nothing waits');
  });

  it('sends exactly the line plus \\n, and the echo marks it delivered', async () => {
    const h = await panel();
    const a = await agent(h.url, { frameMs: 30 });
    await h.waitFor(() => h.sessions().length === 1);
    const id = h.sessions()[0]!.agentId;
    expect(h.panel.outbox.send(id, 'MOTION_ADD|0|wave|motion/wave.vmd')).toEqual({ ok: true, lines: 1, agents: 1 });
    await a.waitFor(() => a.received.length === 1);
    expect(a.frames.map(String)).toEqual(['MOTION_ADD|0|wave|motion/wave.vmd\n']);
    await h.waitFor(() => h.entries.some((e) => e.dir === 'out' && e.delivery === 'delivered'), 3000, 'delivery');
    const out = h.entries.find((e) => e.dir === 'out')!;
    expect(out.rtt).toBeGreaterThanOrEqual(25);
    /* The echo is not a second row in the UI, but it is on disk. */
    expect(h.entries.filter((e) => e.text === 'MOTION_ADD|0|wave|motion/wave.vmd')).toHaveLength(1);
    expect(h.disk().filter((r) => r.text === 'MOTION_ADD|0|wave|motion/wave.vmd')).toHaveLength(2);
  });

  it('gets a short S line through the real parser at once, thanks to padding', async () => {
    const h = await panel();
    const a = await agent(h.url);
    await h.waitFor(() => h.sessions().length === 1);
    h.panel.outbox.send('all', 'STOP');
    await a.waitFor(() => a.received.includes('STOP'), 2000, 'STOP to be parsed');
  });

  it('refuses bad input with a message and sends nothing', async () => {
    const h = await panel();
    const a = await agent(h.url);
    await h.waitFor(() => h.sessions().length === 1);
    expect(h.panel.outbox.send('all', 'X'.repeat(2048))).toEqual({
      ok: false,
      problem: { key: 'line', problem: { code: 'too-long', bytes: 2048, max: 2047 } },
    });
    expect(h.panel.outbox.send('all', 'A|1\nSNDFILE')).toEqual({
      ok: false,
      problem: { key: 'line', problem: { code: 'snd' }, line: 2 },
    });
    expect(h.panel.outbox.send(999, 'A|1')).toEqual({ ok: false, problem: { key: 'agentGone', agentId: 999 } });
    /* A line sent after the refused ones arrives first and alone: nothing refused went before it. */
    expect(h.panel.outbox.send('all', 'KEY|after')).toMatchObject({ ok: true });
    await a.waitFor(() => a.received.includes('KEY|after'), 3000, 'the line after the refused ones');
    expect(a.frames.map(String)).toEqual(['KEY|after\n']);
  });

  it('explains that nothing was sent when no agent is connected', async () => {
    const h = await panel();
    expect(h.panel.outbox.send('all', 'A|1')).toEqual({ ok: false, problem: { key: 'noAgent' } });
  });

  it('serves several agents at once; "all" reaches each', async () => {
    const h = await panel();
    const a = await agent(h.url);
    const b = await agent(h.url);
    await h.waitFor(() => h.sessions().length === 2);
    expect(h.panel.outbox.send('all', 'A|1\nB|2')).toEqual({ ok: true, lines: 2, agents: 2 });
    await a.waitFor(() => a.received.length === 2);
    await b.waitFor(() => b.received.length === 2);
    expect(b.received).toEqual(['A|1', 'B|2']);
  });

  it('reports an agent that misses pongs and never closes it', async () => {
    const h = await panel({ server: { heartbeatMs: 30, missedPongs: 2 } });
    const a = await agent(h.url, { answerPings: false });
    await h.waitFor(() => h.sessions()[0]?.responsive === false, 3000, 'unresponsive report');
    expect(h.entries.some((e) => /does not answer pings/.test(e.text))).toBe(true);
    const pings = a.pings;
    await a.waitFor(() => a.pings >= pings + 5, 3000, 'five more unanswered pings');
    expect(a.exitCode).toBeNull();
    expect(h.panel.server.count()).toBe(1);
  });

  it('turns a port in use into a clear status with a suggested port', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => void blocker.close());
    const port = (blocker.address() as { port: number }).port;
    const h = await panel({ overrides: { wsPort: port } });
    const status = h.panel.server.currentStatus;
    expect(status.state).toBe('error');
    expect(status.error).toMatchObject({ code: 'EADDRINUSE', host: '127.0.0.1', port });
    expect(status.error!.suggestedPort).toBeGreaterThan(port);
    await h.waitFor(
      () =>
        h.entries.some(
          (e) => e.kind === 'error' && e.msg?.key === 'notListening' && e.msg.params.code === 'EADDRINUSE',
        ),
      2000,
      'error entry',
    );
  });

  it('asks before a settings change that closes agents, then restarts the listener', async () => {
    const h = await panel();
    const a = await agent(h.url);
    await h.waitFor(() => h.sessions().length === 1);
    const ask = await h.panel.settingsApplier.update({ wsPath: '/chat2' });
    expect(ask).toEqual({ ok: false, needsConfirm: true, agents: 1, reason: 'move' });
    expect(a.exitCode).toBeNull();
    expect(await h.panel.settingsApplier.update({ wsPath: '/chat2' }, true)).toEqual({ ok: true });
    expect(h.url).toMatch(/\/chat2$/);
    await a.waitFor(() => a.exitCode !== null);
    const b = await agent(h.url);
    await h.waitFor(() => h.sessions().length === 1);
    expect(b.exitCode).toBeNull();
    await h.waitFor(
      () =>
        h.entries.some(
          (e) => /left: the panel stopped listening/.test(e.text) && e.msg?.params.reason === 'listenerStopped',
        ),
      2000,
      'closure entry',
    );
  });

  it('never closes agents without confirmation, even when settings changes overlap', async () => {
    const h = await panel();
    const a = await agent(h.url, { onDrop: 'reconnect' });
    await h.waitFor(() => h.sessions().length === 1);
    /* Two confirmed moves at once (one agent gone each time), then an unrelated change. */
    const [x, y] = await Promise.all([
      h.panel.settingsApplier.update({ wsPort: 0, wsPath: '/a' }, true),
      h.panel.settingsApplier.update({ wsPort: 0, wsPath: '/b' }, true),
    ]);
    expect([x, y]).toEqual([{ ok: true }, { ok: true }]);
    expect(h.panel.server.currentStatus).toMatchObject({ state: 'listening', path: '/b' });
    const b = await agent(h.url);
    await h.waitFor(() => h.panel.server.count() === 1);
    expect(await h.panel.settingsApplier.update({ echoTimeoutSec: 7 })).toEqual({ ok: true });
    expect(h.panel.outbox.send('all', 'KEY|still-here')).toMatchObject({ ok: true });
    await b.waitFor(() => b.received.includes('KEY|still-here'), 3000, 'a line after the change');
    expect(b.exitCode).toBeNull();
    expect(h.panel.server.count()).toBe(1);
    a.quit();
  });

  it('disconnects only with confirmation, with an empty close frame; a repaired build reconnects', async () => {
    const h = await panel();
    const a = await agent(h.url, { onDrop: 'reconnect' });
    await h.waitFor(() => h.sessions().length === 1);
    const id = h.sessions()[0]!.agentId;
    expect(h.panel.server.disconnect(id)).toMatchObject({ ok: false, needsConfirm: true });
    expect(h.panel.server.disconnect(id, true)).toEqual({ ok: true });
    await h.waitFor(() => h.sessions().length === 1 && h.sessions()[0]!.agentId !== id, 3000, 'reconnect');
    expect(a.dropReason).toBe('closed by the server');
    await a.waitFor(() => a.connections === 2, 2000, 'the client side of the reconnect');
  });

  it('writes every message, echo and notice to the disk log, flushed on shutdown', async () => {
    const h = await panel();
    const a = await agent(h.url, { startup: ['PLUGIN_EVENT_ENABLE|Variables', 'MODEL_EVENT_ADD|0'] });
    await h.waitFor(() => h.entries.filter((e) => e.dir === 'in').length === 2);
    h.panel.outbox.send('all', 'MODEL_ADD|1|x.pmd');
    await a.waitFor(() => a.received.length === 1);
    await h.waitFor(() => h.entries.some((e) => e.delivery === 'delivered'));
    const path = h.panel.logFile!;
    await h.close();
    cleanup.length = 0;
    a.quit();
    const { readJsonl } = await import('../../../electron/core/log-writer.js');
    const texts = readJsonl<{ text?: string; dir?: string }>(path).records.map((r) => `${r.dir}:${r.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        'in:PLUGIN_EVENT_ENABLE|Variables',
        'in:MODEL_EVENT_ADD|0',
        'out:MODEL_ADD|1|x.pmd',
        'in:MODEL_ADD|1|x.pmd',
      ]),
    );
  });

  it("reads an agent's full log: failure from an Error in its Sent line's tick, the scene from its messages, its errors and warnings counted", async () => {
    const h = await panel();
    const scenes: Record<number, { models: string[] }>[] = [];
    h.panel.on('scene:changed', (s) => scenes.push(s));
    const a = await agent(h.url, { allLog: true, frameMs: 30, startup: ['MODEL_EVENT_ADD|0', 'CURRENT_TIME|05|05'] });
    await h.waitFor(() => h.sessions()[0]?.warnings === 1, 3000, 'the start-up warning counted');
    const id = h.sessions()[0]!.agentId;
    expect(h.panel.outbox.send(id, 'MOTION_ADD|0|act|motions/action/nope.vmd|PART|ONCE')).toMatchObject({ ok: true });
    await h.waitFor(
      () => h.entries.some((e) => e.dir === 'out' && e.delivery === 'failed'),
      3000,
      'failed by the Error in the tick of its Sent line',
    );
    expect(h.entries.find((e) => e.dir === 'out')?.failure).toBe('addMotion: not found: motions/action/nope.vmd');
    expect(h.panel.outbox.send(id, 'MOTION_ADD|0|act|motions/action/ojigi.vmd|PART|ONCE')).toMatchObject({ ok: true });
    await h.waitFor(
      () => h.entries.some((e) => e.dir === 'out' && e.delivery === 'delivered'),
      3000,
      'delivered once its tick passed without an error',
    );
    await h.waitFor(() => h.sessions()[0]?.errors === 1, 3000, 'the error counted');
    expect(scenes.at(-1)?.[id]?.models).toEqual(['0']);
    const rows = h.entries.filter((e) => e.dir === 'in').map((e) => `${e.agent?.module}:${e.agent?.level}:${e.type}`);
    expect(rows).toEqual([
      'MMDAgent:Sent:MODEL_EVENT_ADD',
      'VIManager:Captured:MODEL_EVENT_ADD',
      'MMDAgent:Sent:CURRENT_TIME',
      'VIManager:Captured:CURRENT_TIME',
      'MMDAgent:Warning:Warning',
      'VIManager:Status:Status',
      'MMDAgent:Captured:MOTION_ADD',
      'MMDAgent:Error:Error',
      'MMDAgent:Captured:MOTION_ADD',
    ]);
    /* Messages only: the two start-up messages and the two echoes, not the log lines around them. */
    await h.waitFor(() => h.sessions()[0]?.messagesIn === 4, 2000, 'messages counted');
    expect(a.exitCode).toBeNull();
  });
});
