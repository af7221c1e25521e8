/** Proxy mode against real sockets: a faithful fake MMDAgent-EX, the panel, and a fake dialogue server. */
import { describe, expect, it, vi } from 'vitest';
import { MessageLog } from '../../../electron/core/message-log.js';
import { FakeAgent } from '../../support/fake-agent.js';
import { FakeDialogueServer } from '../../support/fake-dialogue-server.js';
import { autoCleanup } from '../../support/panel-harness.js';

const env = autoCleanup();
const fast = { backoffMinMs: 50, backoffMaxMs: 200 };

async function setup(serverOptions = {}, upstream = fast) {
  const server = new FakeDialogueServer(serverOptions);
  await server.start();
  env.cleanup.push(() => server.stop());
  const h = await env.panel({ overrides: { wsPort: 0, upstreamUrl: server.url, upstreamEnabled: true }, upstream });
  return { server, h };
}

async function connectAgent(url: string, options = {}) {
  const agent = await FakeAgent.connect(url, options);
  env.cleanup.push(() => agent.quit());
  return agent;
}

/** An agent behind the panel, and a dialogue server that has started an audio stream of `packets` full packets. */
async function streaming(packets: number) {
  const { server, h } = await setup({ intervalMs: 0 });
  await connectAgent(h.url, { frameMs: 5 });
  await server.waitFor(() => server.open === 1, 3000, 'upstream');
  server.send('SNDSTRM\n', false);
  for (let i = 0; i < packets; i++) server.send(Buffer.concat([Buffer.from('SND1280'), Buffer.alloc(1280)]), true);
  /* The panel gets the packets after this moment. */
  return { server, h, sentAt: Date.now() };
}

const STARTUP = [
  'PLUGIN_EVENT_ENABLE|Variables',
  'PLUGIN_EVENT_ENABLE|Open_JTalk',
  'STAGE|images/floor_green.png,images/back_white.png',
  'MODEL_ADD|0|gene/Gene_light.pmd',
  'MODEL_EVENT_ADD|0',
  'MENU|ADD|Gene',
  'MOTION_ADD|0|base|motions/wait/01_Wait.vmd|FULL|LOOP|ON|OFF',
  'MOTION_EVENT_ADD|0|base',
  'PLUGIN_EVENT_ENABLE|Remote',
  'CURRENT_TIME|20|01',
];

describe('proxy mode', () => {
  it('connects upstream as MMDAgent-EX would and forwards frames both ways byte-exact, in order, text and binary kept', async () => {
    const { server, h } = await setup({ intervalMs: 0 });
    const agent = await connectAgent(h.url);
    await server.waitFor(() => server.open === 1, 3000, 'the upstream connection');
    expect(server.upgrades).toEqual([{ path: '/chat', appType: 'MMDAgent' }]);

    const up = ['RECOG_EVENT_STOP|こんにちは', 'KEY|a', 'TAPPED|10|20', 'CURRENT_TIME|14|05'];
    for (const line of up) agent.emit(line);
    await server.waitFor(() => server.frames.length === up.length, 3000, 'the agent frames');
    expect(server.frames.map((f) => f.data.toString('utf8'))).toEqual(up.map((l) => `${l}\n`));
    expect(server.frames.every((f) => !f.binary)).toBe(true);
    const blob = Buffer.from([0x00, 0xff, 0x53, 0x4e, 0x44, 0x0a, 0x80]);
    agent.sendFrame(blob, true);
    await server.waitFor(() => server.frames.length === up.length + 1, 3000, 'the binary frame');
    expect(server.frames.at(-1)).toMatchObject({ binary: true, data: blob });

    const pcm = Buffer.alloc(1280);
    for (let i = 0; i < pcm.length; i++) pcm[i] = (i * 37) & 0xff;
    const down: [Buffer, boolean][] = [
      [Buffer.from('MOTION_ADD|0|bow|motion/bow.vmd|PART|ONCE\n'), false],
      [Buffer.from('__AV_START\n__AV_SETMODEL,0\nSNDFILE\n'), false],
      [Buffer.concat([Buffer.from('SND1280'), pcm]), true],
      [Buffer.from('SNDBRKS\n'), false],
      [Buffer.from('SYNTH_START|0|mei_voice_normal|テスト\n'), false],
    ];
    const before = agent.frames.length;
    for (const [data, binary] of down) server.send(data, binary);
    await agent.waitFor(() => agent.frames.length === before + down.length, 3000, 'the server frames');
    expect(agent.frames.slice(before)).toEqual(down.map(([d]) => d));
    expect(agent.audio.equals(pcm)).toBe(true);
    expect(agent.received).toContain('SYNTH_START|0|mei_voice_normal|テスト');

    /* The log names each direction; the audio is one summarised stream, not a row per packet. */
    await h.waitFor(
      () => h.entries.some((e) => e.dir === 'down' && e.type === '(audio)' && e.text.includes('ended')),
      3000,
      'the audio summary',
    );
    expect(h.entries.filter((e) => e.dir === 'down' && e.type === 'MOTION_ADD')).toHaveLength(1);
    expect(h.entries.filter((e) => e.dir === 'in' && e.type === 'RECOG_EVENT_STOP')).toHaveLength(1);
    expect(h.entries.find((e) => e.type === '(audio)' && e.text.includes('ended'))!.text).toMatch(
      /0\.04 s of audio in 1 packets/,
    );
    expect(agent.exitCode).toBeNull();
  });

  it("forwards the agent's start-up burst, sent the instant it connects, complete and in order", async () => {
    const { server, h } = await setup({ intervalMs: 0 });
    await connectAgent(h.url, { startup: STARTUP });
    await server.waitFor(() => server.lines.length >= STARTUP.length, 3000, 'the start-up burst');
    expect(server.lines).toEqual(STARTUP);
  });

  it('holds the start-up burst while the dialogue server is still starting, then forwards it in order', async () => {
    const server = new FakeDialogueServer({ intervalMs: 0 });
    await server.start();
    const port = server.port;
    await server.stop();
    env.cleanup.push(() => server.stop());
    const h = await env.panel({
      overrides: { wsPort: 0, upstreamUrl: server.url, upstreamEnabled: true },
      upstream: fast,
    });
    const agent = await connectAgent(h.url, { startup: STARTUP });
    await h.waitFor(
      () =>
        h.entries.filter((e) => e.dir === 'in').length >= STARTUP.length &&
        (h.panel.agentList()[0]?.upstream?.retries ?? 0) >= 1,
      3000,
      'the burst held while the link retries',
    );
    await server.start(port);
    await server.waitFor(() => server.lines.length >= STARTUP.length, 4000, 'the held burst');
    expect(server.lines).toEqual(STARTUP);
    expect(agent.exitCode).toBeNull();
  });

  it('gives up a hold after its bound and logs the lines as not forwarded', async () => {
    const server = new FakeDialogueServer({ intervalMs: 0 });
    await server.start();
    await server.stop();
    const h = await env.panel({
      overrides: { wsPort: 0, upstreamUrl: server.url, upstreamEnabled: true },
      upstream: { ...fast, holdMs: 300 },
    });
    const agent = await connectAgent(h.url, { startup: STARTUP.slice(0, 3) });
    await h.waitFor(
      () => h.entries.some((e) => /3 frames the agent sent .* were not forwarded/.test(e.text)),
      3000,
      'the give-up notice',
    );
    agent.emit('KEY|x');
    await h.waitFor(() => h.entries.some((e) => e.type === 'KEY'), 3000, 'KEY');
    expect(h.entries.find((e) => e.type === 'KEY')!.notForwarded).toBe(true);
    expect(h.panel.agentList()[0]!.upstream).toMatchObject({
      state: expect.stringMatching(/retrying|connecting/),
      notForwarded: 4,
    });
  });

  it('re-cuts a 20,000-byte frame from upstream into frames of at most 4096 bytes with the same bytes', async () => {
    const { server, h } = await setup({ intervalMs: 0 });
    const agent = await connectAgent(h.url);
    await server.waitFor(() => server.open === 1, 3000, 'upstream');
    let text = '';
    for (let i = 0; text.length < 20_000; i++) text += `MESSAGE_${String(i).padStart(5, '0')}|${'x'.repeat(40)}\n`;
    /* Exactly 20,000 bytes (ASCII), ending in a newline. */
    const whole = Buffer.from(`${text.slice(0, 19_999)}\n`);
    expect(whole.length).toBe(20_000);
    server.send(whole, false);
    await agent.waitFor(() => Buffer.concat(agent.frames).length >= whole.length, 3000, 'the re-cut frames');
    expect(agent.frames.every((f) => f.length <= 4096)).toBe(true);
    expect(agent.frames.length).toBe(Math.ceil(whole.length / 4096));
    expect(Buffer.concat(agent.frames).equals(whole)).toBe(true);
    expect(agent.exitCode).toBeNull();
    await h.waitFor(() => h.entries.some((e) => /re-cut into 5 frames/.test(e.text)), 2000, 'the re-cut notice');
  });

  it('survives five restarts of the dialogue server during traffic: the agent is never closed, forwarding resumes, the gap is logged', async () => {
    const { server, h } = await setup({ intervalMs: 100 });
    const agent = await connectAgent(h.url);
    let n = 0;
    const traffic = setInterval(() => agent.emit(`CURRENT_TIME|${n++}`), 20);
    env.cleanup.push(() => clearInterval(traffic));
    for (let restart = 1; restart <= 5; restart++) {
      await server.waitFor(() => server.open === 1, 4000, `connection ${restart}`);
      const seen = server.frames.length;
      await server.waitFor(() => server.frames.length > seen + 3, 3000, 'forwarding');
      const down = h.entries.filter((e) => e.msg?.key === 'upstreamDown').length;
      await server.stop();
      await h.waitFor(
        () => h.entries.filter((e) => e.msg?.key === 'upstreamDown').length > down,
        3000,
        'the link seen down',
      );
      await server.start();
    }
    await server.waitFor(() => server.open === 1, 4000, 'the last reconnect');
    const seen = server.frames.length;
    await server.waitFor(() => server.frames.length > seen + 3, 3000, 'forwarding after the last restart');
    clearInterval(traffic);
    expect(agent.exitCode).toBeNull();
    expect(agent.connections).toBe(1);
    expect(server.connections).toBe(6);
    await h.waitFor(
      () => h.entries.filter((e) => /reconnected after/.test(e.text)).length === 5,
      3000,
      'five gap notices',
    );
    expect(h.entries.filter((e) => /went down/.test(e.text))).toHaveLength(5);
    expect(h.entries.some((e) => e.dir === 'in' && e.notForwarded)).toBe(true);
    /* Nothing is replayed: every line the server got is distinct. */
    const got = server.lines.filter((l) => l.startsWith('CURRENT_TIME'));
    expect(new Set(got).size).toBe(got.length);
    expect(h.entries.filter((e) => e.dir === 'down' && e.type === 'TEST_MESSAGE').length).toBeGreaterThan(5);
  });

  it('sends an injected line only to the side it is addressed to', async () => {
    const { server, h } = await setup({ intervalMs: 0 });
    const agent = await connectAgent(h.url);
    await server.waitFor(() => server.open === 1, 3000, 'upstream');
    const id = h.panel.agentList()[0]!.agentId;

    expect(h.panel.outbox.send(id, 'RECOG_EVENT_STOP|こんにちは', 'server')).toMatchObject({ ok: true });
    await server.waitFor(() => server.frames.length === 1, 2000, 'the injected event');
    expect(server.frames[0]!.data.toString('utf8')).toBe('RECOG_EVENT_STOP|こんにちは\n');
    expect(server.frames[0]!.binary).toBe(false);

    expect(h.panel.outbox.send(id, 'MOTION_ADD|0|bow|motion/bow.vmd|PART|ONCE', 'agent')).toMatchObject({ ok: true });
    await h.waitFor(() => h.entries.some((e) => e.dir === 'out' && e.delivery === 'delivered'), 3000, 'the echo');
    agent.emit('MOTION_EVENT_ADD|0|bow');
    /* The motion's event reached the server after the motion's echo would have: nothing else is on its way. */
    await server.waitFor(() => server.frames.length === 2, 2000, 'the event the motion caused');
    expect(agent.received).toEqual(['MOTION_ADD|0|bow|motion/bow.vmd|PART|ONCE']);
    expect(server.lines).toEqual(['RECOG_EVENT_STOP|こんにちは', 'MOTION_EVENT_ADD|0|bow']);
    expect(h.entries.filter((e) => e.dir === 'up').map((e) => e.text)).toEqual(['RECOG_EVENT_STOP|こんにちは']);

    /* The same protocol checks apply both ways. */
    expect(h.panel.outbox.send(id, 'SNDFAKE', 'server')).toMatchObject({ ok: false });
    expect(h.panel.outbox.send(id, 'x'.repeat(3000), 'server')).toMatchObject({ ok: false });
  });

  it("keeps the echo of the panel's own line from the dialogue server in the full log too, and forwards the rest of the log", async () => {
    const { server, h } = await setup({ intervalMs: 0 });
    await connectAgent(h.url, { allLog: true });
    await server.waitFor(() => server.open === 1, 3000, 'upstream');
    const id = h.panel.agentList()[0]!.agentId;
    expect(h.panel.outbox.send(id, 'MOTION_ADD|0|act|motions/action/nope.vmd|PART|ONCE')).toMatchObject({ ok: true });
    await h.waitFor(() => h.entries.some((e) => e.dir === 'out' && e.delivery === 'failed'), 3000, 'the echo, failed');
    await server.waitFor(() => server.lines.some((l) => l.includes('Error: addMotion')), 2000, 'the error forwarded');
    expect(server.lines.filter((l) => l.includes('Remote: Sent:'))).toEqual([]);
    expect(server.lines.filter((l) => l.includes('MMDAgent: Captured: MOTION_ADD|0|act'))).toHaveLength(1);
  });

  it("closes the upstream connection when the agent leaves, and an agent's frames never wait on a slow log", async () => {
    const { server, h } = await setup({ intervalMs: 0 });
    const agent = await connectAgent(h.url);
    await server.waitFor(() => server.open === 1, 3000, 'upstream');
    agent.quit();
    await server.waitFor(() => server.open === 0 && server.closedByPeer === 1, 3000, 'the upstream close');
    await h.waitFor(() => h.panel.agentList().length === 0, 2000, 'the session to end');
    expect(server.connections).toBe(1);
  });

  it('ends a half-sent audio stream as a reconnect would when the dialogue server dies mid-packet', async () => {
    const { server, h } = await setup({ intervalMs: 0 });
    const agent = await connectAgent(h.url, { frameMs: 5 });
    await server.waitFor(() => server.open === 1, 3000, 'upstream');
    server.send('__AV_START\n__AV_SETMODEL,0\nSNDSTRM\n', false);
    /* A packet header and a little of its payload, then the server process dies. */
    server.send(Buffer.concat([Buffer.from('SND6000'), Buffer.alloc(640, 1)]), true);
    await agent.waitFor(() => agent.frames.length === 2, 2000, 'the half packet');
    await server.stop();
    await agent.waitFor(() => agent.audioEvents.at(-1) === 'SNDBRKS' && !agent.avatarStarted, 3000, 'the reset');
    expect(agent.packetSizes).toEqual([6000]);
    /* The silence that completes it comes in frames the agent's 8,192-byte buffer takes. */
    expect(Math.max(...agent.frames.map((f) => f.length))).toBeLessThanOrEqual(4096);
    /* The panel's own line after that parses as a line again, not as audio. */
    expect(h.panel.outbox.send(h.panel.agentList()[0]!.agentId, 'MOTION_ADD|0|x|x.vmd', 'agent')).toMatchObject({
      ok: true,
    });
    await agent.waitFor(() => agent.received.includes('MOTION_ADD|0|x|x.vmd'), 2000, 'the next line');
    expect(agent.exitCode).toBeNull();
  });

  it("turns on and off from settings for agents already connected, and refuses the panel's own endpoint as upstream", async () => {
    const server = new FakeDialogueServer({ intervalMs: 0 });
    await server.start();
    env.cleanup.push(() => server.stop());
    const h = await env.panel({ upstream: fast });
    const agent = await connectAgent(h.url);
    await h.waitFor(() => h.panel.agentList().length === 1, 2000, 'the agent');
    expect(h.panel.agentList()[0]!.upstream).toBeUndefined();
    expect(await h.panel.settingsApplier.update({ upstreamUrl: h.url, upstreamEnabled: true })).toEqual({
      ok: false,
      problem: { key: 'upstreamLoop', url: h.url },
    });
    expect(await h.panel.settingsApplier.update({ upstreamUrl: server.url, upstreamEnabled: true })).toEqual({
      ok: true,
    });
    await server.waitFor(() => server.open === 1, 3000, 'the link for the connected agent');
    expect(h.panel.agentList()[0]!.upstream?.state).toBe('open');
    expect(await h.panel.settingsApplier.update({ upstreamEnabled: false })).toEqual({ ok: true });
    await server.waitFor(() => server.open === 0, 3000, 'the link to close');
    expect(h.panel.agentList()[0]!.upstream).toBeUndefined();
    expect(agent.exitCode).toBeNull();
  });

  it('holds at most the bounded number of frames for the first connection; the rest are logged as not forwarded', async () => {
    const server = new FakeDialogueServer({ intervalMs: 0 });
    await server.start();
    const port = server.port;
    await server.stop();
    env.cleanup.push(() => server.stop());
    const h = await env.panel({
      overrides: { wsPort: 0, upstreamUrl: server.url, upstreamEnabled: true },
      upstream: { ...fast, holdFrames: 3 },
    });
    const agent = await connectAgent(h.url, { startup: ['A|1', 'A|2', 'A|3', 'A|4', 'A|5'] });
    await h.waitFor(() => h.entries.filter((e) => e.type === 'A').length === 5, 2000, 'the burst in the log');
    await server.start(port);
    await server.waitFor(() => server.lines.length === 3, 4000, 'the held frames');
    /* A line after the held ones reaches the server right behind them: the two dropped never follow. */
    agent.emit('B|after');
    await server.waitFor(() => server.lines.includes('B|after'), 3000, 'a line after the held ones');
    expect(server.lines).toEqual(['A|1', 'A|2', 'A|3', 'B|after']);
    expect(h.entries.filter((e) => e.type === 'A' && e.notForwarded).map((e) => e.text)).toEqual(['A|4', 'A|5']);
  });

  it('keeps forwarding, and keeps the agent, when logging a line fails', async () => {
    const { server, h } = await setup({ intervalMs: 0 });
    const agent = await connectAgent(h.url);
    await server.waitFor(() => server.open === 1, 3000, 'upstream');
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(MessageLog.prototype, 'incoming').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    for (let i = 0; i < 5; i++) agent.emit(`KEY|${i}`);
    await server.waitFor(() => server.lines.length === 5, 3000, 'the frames, forwarded regardless');
    expect(server.lines).toEqual(['KEY|0', 'KEY|1', 'KEY|2', 'KEY|3', 'KEY|4']);
    expect(agent.exitCode).toBeNull();
    expect(quiet).toHaveBeenCalledTimes(1);
    quiet.mockRestore();
  });

  it('summarises an audio stream from upstream as start and end rows, not packet by packet', async () => {
    const { server, h } = await streaming(25);
    server.send('SNDBRKS\n', false);
    await h.waitFor(() => h.entries.some((e) => e.type === '(audio)' && /ended/.test(e.text)), 3000, 'the summary');
    const rows = h.entries.filter((e) => e.dir === 'down');
    expect(rows.map((e) => e.type)).toEqual(['(audio)', '(audio)']);
    expect(rows[1]!.text).toMatch(/ended \(SNDBRKS\): 1\.00 s of audio in 25 packets \(32,000 bytes\)/);
    expect(rows[1]!.msg).toMatchObject({ key: 'downAudioEnd', params: { packets: 25, bytes: 32000 } });
  });

  it('ends an audio stream the dialogue server stops feeding after a second without packets, then rests', async () => {
    const { h, sentAt } = await streaming(5);
    await h.waitFor(() => h.entries.filter((e) => e.dir === 'down').length === 1, 2000, 'the start row');
    /* Nothing more comes from anyone: only the tick can see that the stream went quiet. */
    await h.waitFor(() => h.entries.filter((e) => e.dir === 'down').length === 2, 4000, 'the end row');
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1000);
    expect(h.entries.filter((e) => e.dir === 'down')[1]!.msg).toMatchObject({
      key: 'downAudioEnd',
      params: { reason: 'streamIdle', packets: 5, bytes: 6400 },
    });
    await h.waitFor(() => !h.panel.tick.ticking, 2000, 'the tick at rest');
  });

  it('turning proxy mode off mid-stream gives the agent the reset a reconnect would, and keeps it', async () => {
    const { server, h } = await setup({ intervalMs: 0 });
    const agent = await connectAgent(h.url, { frameMs: 5 });
    await server.waitFor(() => server.open === 1, 3000, 'upstream');
    server.send('__AV_START\n__AV_SETMODEL,0\nSNDSTRM\n', false);
    server.send(Buffer.concat([Buffer.from('SND1280'), Buffer.alloc(100, 1)]), true);
    await agent.waitFor(() => agent.frames.length === 2 && agent.avatarStarted, 2000, 'the half packet');
    expect(await h.panel.settingsApplier.update({ upstreamEnabled: false })).toEqual({ ok: true });
    await agent.waitFor(() => agent.audioEvents.at(-1) === 'SNDBRKS' && !agent.avatarStarted, 3000, 'the reset');
    await server.waitFor(() => server.open === 0, 3000, 'the upstream link to close');
    expect(agent.packetSizes).toEqual([1280]);
    expect(agent.exitCode).toBeNull();
  });

  it("does not hold the panel's own lines forever behind a line the dialogue server left unfinished", async () => {
    const { server, h } = await setup({ intervalMs: 0 });
    const agent = await connectAgent(h.url, { frameMs: 5 });
    await server.waitFor(() => server.open === 1, 3000, 'upstream');
    server.send('MOTION_ADD|0|half', false);
    await agent.waitFor(() => agent.frames.length === 1, 2000, 'the half line');
    /* Held behind the half line: sent in its middle, the agent would read MOTION_ADD|0|halfKEY|mine. */
    expect(h.panel.outbox.send(h.panel.agentList()[0]!.agentId, 'KEY|mine')).toMatchObject({ ok: true });
    await agent.waitFor(() => agent.received.includes('KEY|mine'), 4000, "the panel's line");
    expect(agent.received).toEqual(['MOTION_ADD|0|half', 'KEY|mine']);
    expect(h.entries.some((e) => /left an item unfinished/.test(e.text))).toBe(true);
  });
});
