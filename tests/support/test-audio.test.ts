import { describe, expect, it } from 'vitest';
import { envelopeCorrelation, makeTestAudio } from './test-audio';

describe('envelopeCorrelation', () => {
  const { reference } = makeTestAudio();
  const delayed = (samples: number): Int16Array => {
    const out = new Int16Array(reference.length + samples);
    out.set(reference, samples);
    return out;
  };

  it('scores the same speech as a match wherever the 40 ms windows fall', () => {
    for (const lag of [0, 160, 320, 480, 8000 + 320])
      expect(envelopeCorrelation(reference, delayed(lag))).toBeGreaterThan(0.99);
  });

  it('still tells different audio apart', () => {
    expect(envelopeCorrelation(reference, reference.slice().reverse())).toBeLessThan(0.9);
    const gapped = delayed(0);
    gapped.fill(0, 16000, 40000);
    expect(envelopeCorrelation(reference, gapped)).toBeLessThan(0.95);
  });
});
