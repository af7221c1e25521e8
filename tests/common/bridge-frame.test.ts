/** The browser bridge's frames, encoded by one end and decoded by the other with the same module. */
import { describe, expect, it } from 'vitest';
import { decodeBridgeFrame, encodeBridgeFrame } from '../../common/bridge-frame.js';
import type { BridgeFrame } from '../../common/contract.js';

const roundTrip = (frame: BridgeFrame): BridgeFrame | null => {
  const wire = encodeBridgeFrame(frame);
  return decodeBridgeFrame(wire, typeof wire !== 'string');
};

describe('bridge frames', () => {
  it('carries requests, answers, events and posts as JSON text', () => {
    const frames: BridgeFrame[] = [
      { t: 'req', id: 7, ch: 'message:send', arg: { target: 'all', text: 'MOTION_ADD|0|wave|w.vmd', to: 'agent' } },
      { t: 'res', id: 7, ok: true, result: { ok: false, problem: { key: 'noAgent' } } },
      { t: 'res', id: 8, ok: false, error: 'The message must be text.' },
      { t: 'evt', ch: 'agents:changed', payload: [] },
    ];
    for (const frame of frames) {
      expect(typeof encodeBridgeFrame(frame)).toBe('string');
      expect(roundTrip(frame)).toEqual(frame);
    }
  });

  it('sends audio raw in one binary frame, and gives back the same bytes and the other arguments', () => {
    const pcm = new Uint8Array(2560).map((_, i) => (i * 7) & 0xff);
    const frame: BridgeFrame = { t: 'post', ch: 'audio:mic-chunk', arg: { target: 2, pcm, capturedAt: 1234.5 } };
    const wire = encodeBridgeFrame(frame);
    expect(wire).toBeInstanceOf(Uint8Array);
    /* Header length, JSON header, then exactly the PCM bytes: no base64, no JSON arrays. */
    expect((wire as Uint8Array).length).toBeLessThan(pcm.length + 200);
    const back = decodeBridgeFrame(wire, true) as Extract<BridgeFrame, { t: 'post' }>;
    const arg = back.arg as { target: number; capturedAt: number; pcm: Uint8Array };
    expect([back.t, back.ch, arg.target, arg.capturedAt]).toEqual(['post', 'audio:mic-chunk', 2, 1234.5]);
    expect(Array.from(arg.pcm)).toEqual(Array.from(pcm));
  });

  it('reads a binary frame that sits inside a larger buffer (as Node hands them over)', () => {
    const wire = encodeBridgeFrame({
      t: 'req',
      id: 1,
      ch: 'audio:stream-file',
      arg: { target: 1, alias: '0', name: 'a.wav', pcm: new Uint8Array([1, 2, 3, 4]), whenBusy: 'queue' },
    }) as Uint8Array;
    const pool = new Uint8Array(wire.length + 16);
    pool.set(wire, 9);
    const back = decodeBridgeFrame(pool.subarray(9, 9 + wire.length), true) as Extract<BridgeFrame, { t: 'req' }>;
    expect(Array.from((back.arg as { pcm: Uint8Array }).pcm)).toEqual([1, 2, 3, 4]);
  });

  it('answers malformed input with null, never a throw', () => {
    const header = new TextEncoder().encode('{"t":"post","ch":"audio:mic-chunk","arg":{}}');
    const tooLong = new Uint8Array(4 + header.length);
    new DataView(tooLong.buffer).setUint32(0, header.length + 1, true);
    tooLong.set(header, 4);
    const binaryEvent = new Uint8Array(4 + 2);
    new DataView(binaryEvent.buffer).setUint32(0, 2, true);
    binaryEvent.set(new TextEncoder().encode('{}'), 4);
    for (const [data, binary] of [
      ['not json', false],
      ['{"t":"nope"}', false],
      ['[1,2]', false],
      ['null', false],
      [new Uint8Array([1, 2]), true],
      [tooLong, true],
      [binaryEvent, true],
    ] as const) {
      expect(decodeBridgeFrame(data, binary), String(data)).toBeNull();
    }
  });
});
