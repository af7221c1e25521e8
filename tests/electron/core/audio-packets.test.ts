import { describe, expect, it } from 'vitest';
import { MAX_LEAD_MS, PACKET_BYTES, Pacer, packetize, sndPacket } from '../../../electron/core/audio-packets.js';
import { FakeClock } from '../../support/fake-clock.js';

const pcm = (ms: number): Uint8Array => new Uint8Array(ms * 32).map((_, i) => i & 0xff);

describe('SND packets', () => {
  it('are SND + 4 decimal digits + the payload, no newline', () => {
    const p = sndPacket(new Uint8Array([1, 2, 3, 4]));
    expect(Buffer.from(p.subarray(0, 7)).toString('latin1')).toBe('SND0004');
    expect([...p.subarray(7)]).toEqual([1, 2, 3, 4]);
    expect(Buffer.from(sndPacket(new Uint8Array(1280)).subarray(0, 7)).toString()).toBe('SND1280');
  });

  it('refuse empty, odd or over-4096-byte payloads', () => {
    expect(() => sndPacket(new Uint8Array(0))).toThrow();
    expect(() => sndPacket(new Uint8Array(3))).toThrow(/even/);
    expect(() => sndPacket(new Uint8Array(4098))).toThrow(/4096/);
    expect(sndPacket(new Uint8Array(4096)).length).toBe(4103);
  });

  it('cut PCM into 1280-byte packets with a shorter last one, losing nothing', () => {
    const data = pcm(1010); // 32,320 bytes = 25 packets + 320 bytes
    const packets = packetize(data);
    expect(packets.map((p) => p.length - 7)).toEqual([...Array(25).fill(PACKET_BYTES), 320]);
    expect(Buffer.concat(packets.map((p) => p.subarray(7)))).toEqual(Buffer.from(data));
    expect(packets.every((p) => p.length < 8192)).toBe(true);
    expect(packetize(new Uint8Array(5)).map((p) => p.length - 7)).toEqual([4]);
  });
});

describe('Pacer', () => {
  function run(ms: number, clock = new FakeClock(), lead?: number) {
    const sends: { at: number; bytes: number }[] = [];
    let ended: string | null = null;
    let sentMs = 0;
    let maxLead = 0;
    const pacer = new Pacer(
      packetize(pcm(ms)),
      (p) => {
        sends.push({ at: clock.now(), bytes: p.length - 7 });
        sentMs += (p.length - 7) / 32;
        maxLead = Math.max(maxLead, sentMs - clock.now());
        return true;
      },
      (reason) => (ended = reason),
      { clock, ...(lead === undefined ? {} : { leadMs: lead }) },
    );
    return { pacer, clock, sends, ended: () => ended, maxLead: () => maxLead };
  }

  it('sends in real time, never more than 200 ms ahead, and ends on the last packet', () => {
    const r = run(10_000);
    r.pacer.start();
    expect(r.maxLead()).toBeLessThanOrEqual(MAX_LEAD_MS);
    expect(r.sends.length).toBe(5);
    r.clock.advance(5_000);
    expect(r.maxLead()).toBeLessThanOrEqual(MAX_LEAD_MS);
    expect(r.ended()).toBeNull();
    r.clock.advance(5_000);
    expect(r.ended()).toBe('done');
    expect(r.sends).toHaveLength(250);
    expect(r.sends.at(-1)!.at).toBeGreaterThanOrEqual(10_000 - MAX_LEAD_MS);
    expect(r.clock.pending()).toBe(0);
  });

  it('caps a larger requested lead at 200 ms of audio', () => {
    const r = run(2_000, new FakeClock(), 5_000);
    r.pacer.start();
    r.clock.advance(2_000);
    expect(r.maxLead()).toBeLessThanOrEqual(MAX_LEAD_MS);
  });

  it('corrects drift: late timers catch up against the start, not the last send', () => {
    const clock = new FakeClock();
    clock.lateBy = 7;
    const r = run(4_000, clock);
    r.pacer.start();
    clock.advance(4_000 + 50);
    expect(r.ended()).toBe('done');
    /* With per-interval scheduling 7 ms lateness ×100 would add 700 ms; here the end stays on time. */
    expect(r.sends.at(-1)!.at).toBeLessThanOrEqual(4_000 - 160 + 7);
    expect(r.maxLead()).toBeLessThanOrEqual(MAX_LEAD_MS);
  });

  it('stops at once and clears its timer', () => {
    const r = run(3_000);
    r.pacer.start();
    r.clock.advance(1_000);
    const before = r.sends.length;
    r.pacer.stop();
    r.clock.advance(3_000);
    expect(r.sends.length).toBe(before);
    expect(r.ended()).toBe('stopped');
    expect(r.clock.pending()).toBe(0);
  });

  it('ends with send-failed when the socket refuses', () => {
    const clock = new FakeClock();
    let ended = '';
    const p = new Pacer(
      packetize(pcm(400)),
      () => false,
      (r) => (ended = r),
      { clock },
    );
    p.start();
    expect(ended).toBe('send-failed');
  });
});
