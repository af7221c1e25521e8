/** Stop everything, through the real Panel to two faithful fake MMDAgent-EX on port 0. */
import { describe, expect, it } from 'vitest';
import { FakeAgent } from '../../support/fake-agent.js';
import { tone } from '../../support/test-audio.js';
import { autoCleanup } from '../../support/panel-harness.js';
import { expectQuiet } from '../../support/wait.js';

const { cleanup, panel } = autoCleanup();

describe('Stop everything', () => {
  it("ends every agent's streams and queues with SNDBRKS, and stops each model's voice, at once", async () => {
    const h = await panel();
    const left = await FakeAgent.connect(`${h.url}/left`, { startup: ['MODEL_EVENT_ADD|mei', 'MODEL_EVENT_ADD|0'] });
    const right = await FakeAgent.connect(`${h.url}/right`);
    cleanup.push(
      () => left.quit(),
      () => right.quit(),
    );
    await h.waitFor(() => h.sessions().length === 2, 3000, 'two agents');
    await h.waitFor(() => (h.panel.snapshot().scene[1]?.models.length ?? 0) === 2, 3000, "the left agent's models");
    const [l, r] = h.sessions().map((s) => s.agentId) as [number, number];
    h.panel.audio.streamFile(l, { alias: 'mei', name: 'long.wav', pcm: tone(20), whenBusy: 'queue' });
    h.panel.audio.streamFile(l, { alias: 'mei', name: 'next.wav', pcm: tone(2), whenBusy: 'queue' });
    h.panel.audio.micStart(r, '0');
    h.panel.audio.micChunk(r, tone(1).subarray(0, 1280), Date.now());
    await left.waitFor(() => left.packetTimes.length >= 5, 3000, 'the file streaming');
    await right.waitFor(() => right.packetTimes.length >= 1, 3000, 'the microphone streaming');

    const told: unknown[] = [];
    h.panel.on('panel:stopped', (result) => told.push(result));
    const pressed = performance.now();
    expect(h.panel.stopEverything()).toEqual({ ok: true, streams: 3, syntheses: 0, voices: 3, agents: 2 });
    /* Every window hears it, to end what it runs itself (sequences, its microphone's capture). */
    expect(told).toEqual([{ ok: true, streams: 3, syntheses: 0, voices: 3, agents: 2 }]);
    /* SYNTH_STOP goes out after SNDBRKS on the same socket: once it is in, so is everything before it. */
    await left.waitFor(() => left.received.includes('SYNTH_STOP|0'), 3000, 'SYNTH_STOP for each model');
    await right.waitFor(() => right.received.includes('SYNTH_STOP|0'), 3000, 'SYNTH_STOP for the configured alias');
    expect(left.received.filter((x) => x.startsWith('SYNTH_STOP'))).toEqual(['SYNTH_STOP|mei', 'SYNTH_STOP|0']);
    expect(left.audioEvents.at(-1)).toBe('SNDBRKS');
    expect(right.audioEvents.at(-1)).toBe('SNDBRKS');
    const lastPacket = Math.max(left.packetTimes.at(-1)!, right.packetTimes.at(-1)!);
    expect(lastPacket - pressed).toBeLessThan(150);
    const counts = [left.packetTimes.length, right.packetTimes.length];
    h.panel.audio.micChunk(r, tone(1).subarray(0, 1280), Date.now());
    await expectQuiet(
      400,
      'audio packet after Stop everything (the queued file, the next pacing step, a late microphone chunk)',
      () => left.packetTimes.length > counts[0]! || right.packetTimes.length > counts[1]!,
    );
    expect(h.panel.audio.status()).toEqual([]);
    expect(h.entries.some((e) => e.msg?.key === 'stoppedEverything')).toBe(true);
    expect([left.exitCode, right.exitCode]).toEqual([null, null]);
  });

  it('sends SYNTH_STOP even when nothing streams, and reports that nothing else was running', async () => {
    const h = await panel();
    const a = await FakeAgent.connect(h.url);
    cleanup.push(() => a.quit());
    await h.waitFor(() => h.sessions().length === 1);
    expect(h.panel.stopEverything()).toEqual({ ok: true, streams: 0, syntheses: 0, voices: 1, agents: 1 });
    await a.waitFor(() => a.received.includes('SYNTH_STOP|0'));
  });
});
