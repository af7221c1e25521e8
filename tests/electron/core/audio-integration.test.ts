/** Audio through the real server to the faithful fake MMDAgent-EX and its 8192-byte parser. */
import { describe, expect, it } from 'vitest';
import { FakeAgent } from '../../support/fake-agent.js';
import { tone } from '../../support/test-audio.js';
import { autoCleanup, type Harness } from '../../support/panel-harness.js';

const { cleanup, panel } = autoCleanup();

async function setup(): Promise<{ h: Harness; a: FakeAgent; id: number }> {
  const h = await panel();
  const a = await FakeAgent.connect(h.url, { onDrop: 'reconnect' });
  cleanup.push(() => a.quit());
  await h.waitFor(() => h.sessions().length === 1);
  return { h, a, id: h.sessions()[0]!.agentId };
}

describe('audio streaming to a faithful fake MMDAgent-EX', () => {
  it('sends preamble, mode, paced audio and SNDBRKS; bytes intact; 10 s arrive over 10 s ± 0.2 s', async () => {
    const { h, a, id } = await setup();
    const pcm = tone(10);
    expect(h.panel.audio.streamFile(id, { alias: '0', name: 'tone.wav', pcm, whenBusy: 'queue' })).toEqual({
      ok: true,
      queued: 0,
    });
    await a.waitFor(() => a.audioEvents.at(-1) === 'SNDBRKS', 15_000, 'SNDBRKS');
    expect(a.received).toEqual(['__AV_START', '__AV_SETMODEL,0']);
    expect(a.avatarStarted).toBe(true);
    expect(a.model).toBe('0');
    expect(a.audioEvents[0]).toBe('SNDFILE');
    expect(a.audioEvents.slice(1, -1).every((e) => e === 'audio')).toBe(true);
    expect(a.audio.length).toBe(2 * 160_000);
    expect(Buffer.compare(a.audio, Buffer.from(pcm))).toBe(0);
    expect(Math.max(...a.packetSizes)).toBeLessThanOrEqual(4096);
    expect(a.audioDropped).toBe(0);
    /* The first packets go out at once (up to 200 ms lead), the last at about 10 s − 200 ms. */
    const span = (a.packetTimes.at(-1)! - a.packetTimes[0]!) / 1000;
    expect(span).toBeGreaterThan(9.8 - 0.2);
    expect(span).toBeLessThan(10.2);
    expect(a.exitCode).toBeNull();
    /* The stream is three log entries and the control lines, not 250 packet rows. */
    await h.waitFor(() =>
      h.entries.some((e) => /Finished streaming "tone.wav".*10\.00 s, 320,000 bytes in 250 packets/.test(e.text)),
    );
    expect(h.entries.filter((e) => e.dir === 'out').map((e) => `${e.kind}:${e.text}:${e.delivery}`)).toEqual([
      'control:__AV_START:sent',
      'control:__AV_SETMODEL,0:sent',
      'control:SNDFILE:sent',
      'control:SNDBRKS:sent',
    ]);
  }, 20_000);

  it('sends the preamble again after the agent reconnects, and stops a stream whose agent left', async () => {
    const { h, a, id } = await setup();
    h.panel.audio.streamFile(id, { alias: '0', name: 'one.wav', pcm: tone(1), whenBusy: 'queue' });
    await a.waitFor(() => a.audioEvents.at(-1) === 'SNDBRKS', 3000);
    h.panel.audio.streamFile(id, { alias: '0', name: 'long.wav', pcm: tone(5), whenBusy: 'queue' });
    await a.waitFor(() => a.packetSizes.length > 30, 3000);
    expect(h.panel.server.disconnect(id, true)).toEqual({ ok: true });
    await h.waitFor(
      () => h.entries.some((e) => /Stopped streaming "long.wav" to agent #1 \(agent disconnected\)/.test(e.text)),
      3000,
    );
    await h.waitFor(() => h.sessions().length === 1 && h.sessions()[0]!.agentId !== id, 3000, 'reconnect');
    const id2 = h.sessions()[0]!.agentId;
    const before = a.received.length;
    h.panel.audio.streamFile(id2, { alias: '0', name: 'again.wav', pcm: tone(1), whenBusy: 'queue' });
    await a.waitFor(() => a.received.length >= before + 2, 3000);
    expect(a.received.slice(before)).toEqual(['__AV_START', '__AV_SETMODEL,0']);
  }, 15_000);

  it('streams the microphone with SNDSTRM and measures capture → wire latency', async () => {
    const { h, a, id } = await setup();
    expect(h.panel.audio.micStart(id, '0')).toEqual({ ok: true, queued: 0 });
    for (let i = 0; i < 25; i++)
      h.panel.audio.micChunk(id, new Uint8Array(1280).fill(i), performance.timeOrigin + performance.now() - 5);
    const [status] = h.panel.snapshot().audio;
    expect(status).toMatchObject({ agentId: id, state: 'mic' });
    /* Measured from when each chunk was captured, not from when it arrived; how low it is, the audio benchmark says. */
    expect(status!.latencyP50).toBeGreaterThanOrEqual(5);
    expect(status!.latencyP99).toBeGreaterThanOrEqual(status!.latencyP50!);
    h.panel.audio.micStop(id);
    await a.waitFor(() => a.audioEvents.at(-1) === 'SNDBRKS', 2000);
    expect(a.audioEvents[0]).toBe('SNDSTRM');
    expect(a.packetSizes).toEqual(Array(25).fill(1280));
    expect(a.audio.length).toBe(25 * 1280);
  });

  it("counts a capture time ahead of this process's clock (the page's clock differs by a few ms) as 0, never negative", async () => {
    const { h, id } = await setup();
    h.panel.audio.micStart(id, '0');
    for (let i = 0; i < 5; i++)
      h.panel.audio.micChunk(id, new Uint8Array(1280), performance.timeOrigin + performance.now() + 40);
    const [status] = h.panel.snapshot().audio;
    expect([status!.latencyP50, status!.latencyP99]).toEqual([0, 0]);
    h.panel.audio.micStop(id);
  });

  it('refuses audio for an agent that is not connected', async () => {
    const { h } = await setup();
    expect(h.panel.audio.streamFile(99, { alias: '0', name: 'x.wav', pcm: tone(1), whenBusy: 'queue' })).toEqual({
      ok: false,
      problem: { key: 'agentGone', agentId: 99 },
    });
  });
});
