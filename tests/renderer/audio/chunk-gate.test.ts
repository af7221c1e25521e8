/** The microphone worklet's gate: what leaves the audio thread, when, and with which capture time. */
import { describe, expect, it } from 'vitest';
import type { MicChunk } from '../../../common/audio.js';
import { ChunkGate, type ChunkSink } from '../../../renderer/audio/chunk-gate.js';

function sink(): ChunkSink & { got: MicChunk[]; transferred: unknown[] } {
  const got: MicChunk[] = [];
  const transferred: unknown[] = [];
  return {
    got,
    transferred,
    postMessage(message, transfer) {
      got.push(message);
      transferred.push(...transfer);
    },
  };
}

const pcm = (v: number): Uint8Array => new Uint8Array(1280).fill(v);

describe('ChunkGate', () => {
  it('sends nothing without a sink or while closed', () => {
    const gate = new ChunkGate();
    gate.configure({ kind: 'open', open: true });
    gate.configure({ kind: 'clock', origin: 1000 });
    gate.chunk(pcm(1), 0.04);
    const out = sink();
    gate.configure({ kind: 'sink', target: 3 }, out);
    gate.configure({ kind: 'open', open: false });
    gate.chunk(pcm(2), 0.08);
    expect(out.got).toEqual([]);
    gate.configure({ kind: 'open', open: true });
    gate.chunk(pcm(3), 0.12);
    expect(out.got.map((c) => [c.agentId, c.pcm[0], c.capturedAt])).toEqual([[3, 3, 1120]]);
  });

  it("transfers each chunk's buffer instead of copying it", () => {
    const gate = new ChunkGate();
    const out = sink();
    gate.configure({ kind: 'sink', target: 1 }, out);
    gate.configure({ kind: 'open', open: true });
    gate.configure({ kind: 'clock', origin: 0 });
    const chunk = pcm(9);
    gate.chunk(chunk, 1);
    expect(out.transferred).toEqual([chunk.buffer]);
  });

  it('ignores a sink message that brought no port', () => {
    const gate = new ChunkGate();
    gate.configure({ kind: 'sink', target: 1 });
    gate.configure({ kind: 'open', open: true });
    gate.configure({ kind: 'clock', origin: 0 });
    expect(() => gate.chunk(pcm(1), 1)).not.toThrow();
  });

  it('holds the first chunks until the clock is known, at most a second of them, then sends them in order', () => {
    const gate = new ChunkGate();
    const out = sink();
    gate.configure({ kind: 'sink', target: 2 }, out);
    gate.configure({ kind: 'open', open: true });
    for (let i = 0; i < 30; i++) gate.chunk(pcm(i), (i + 1) * 0.04);
    expect(out.got).toEqual([]);
    gate.configure({ kind: 'clock', origin: 5000 });
    expect(out.got.map((c) => c.pcm[0])).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(out.got[0]!.capturedAt).toBeCloseTo(5040, 6);
    expect(out.got[24]!.capturedAt).toBeCloseTo(6000, 6);
  });

  it('drops what it held when the microphone closes before the clock came', () => {
    const gate = new ChunkGate();
    const out = sink();
    gate.configure({ kind: 'sink', target: 2 }, out);
    gate.configure({ kind: 'open', open: true });
    gate.chunk(pcm(1), 0.04);
    gate.configure({ kind: 'open', open: false });
    gate.configure({ kind: 'clock', origin: 0 });
    gate.configure({ kind: 'open', open: true });
    expect(out.got).toEqual([]);
  });

  it('stamps with the smallest origin of the last twenty samples, so a late sample does not move capture times later', () => {
    const gate = new ChunkGate();
    const out = sink();
    gate.configure({ kind: 'sink', target: 1 }, out);
    gate.configure({ kind: 'open', open: true });
    gate.configure({ kind: 'clock', origin: 1010 });
    gate.configure({ kind: 'clock', origin: 1000 });
    gate.configure({ kind: 'clock', origin: 1025 });
    gate.chunk(pcm(1), 1);
    expect(out.got.at(-1)!.capturedAt).toBe(2000);
    /* Twenty later samples push the 1000 out of the window: the clocks drifted. */
    for (let i = 0; i < 20; i++) gate.configure({ kind: 'clock', origin: 1003 + (i % 4) });
    gate.chunk(pcm(2), 1);
    expect(out.got.at(-1)!.capturedAt).toBe(2003);
  });
});
