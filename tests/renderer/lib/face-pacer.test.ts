import { describe, expect, it } from 'vitest';
import { FacePacer, type FaceBatch } from '../../../renderer/lib/face-pacer';

function setup() {
  const sent: FaceBatch[] = [];
  let frames: (() => void)[] = [];
  const pacer = new FacePacer({ send: (b) => sent.push(b), requestFrame: (cb) => frames.push(cb) });
  const frame = (): void => {
    const run = frames;
    frames = [];
    run.forEach((cb) => cb());
  };
  return { sent, pacer, frame, frames: () => frames.length };
}

describe('FacePacer', () => {
  it('sends the first move at once, then at most one batch a frame per model, the last value always', () => {
    const { sent, pacer, frame, frames } = setup();
    pacer.push('1|0', 'm', 'a', 0.1);
    expect(sent).toEqual([{ model: '1|0', morphs: { a: 0.1 }, exmorph: {} }]);
    pacer.push('1|0', 'm', 'a', 0.2);
    pacer.push('1|0', 'm', 'a', 0.3);
    pacer.push('1|0', 'x', 'wink', 1);
    /* Another model has its own frame budget. */
    pacer.push('2|0', 'm', 'a', 1);
    expect(sent).toHaveLength(2);
    frame();
    expect(sent.slice(2)).toEqual([{ model: '1|0', morphs: { a: 0.3 }, exmorph: { wink: 1 } }]);
    frame();
    expect(sent).toHaveLength(3);
    expect(frames()).toBe(0);
    pacer.push('1|0', 'm', 'a', 0);
    expect(sent.at(-1)).toEqual({ model: '1|0', morphs: { a: 0 }, exmorph: {} });
  });

  it('drops what is pending when the face is replaced', () => {
    const { sent, pacer, frame } = setup();
    pacer.push('1|0', 'm', 'a', 0.1);
    pacer.push('1|0', 'm', 'a', 0.2);
    pacer.drop('1|0');
    frame();
    expect(sent).toHaveLength(1);
  });
});
