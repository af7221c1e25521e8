import { describe, expect, it } from 'vitest';
import {
  LineSplitter,
  MAX_PENDING_BYTES,
  classify,
  decodeUtf8,
  expectedEcho,
  hexPreview,
  lineProblem,
  parseMessage,
  splitCompose,
  wireLine,
} from '../../../electron/core/protocol.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('outgoing rules', () => {
  it('appends a newline to every line', () => {
    expect(wireLine('MOTION_ADD|0|wave|motion/wave.vmd')).toBe('MOTION_ADD|0|wave|motion/wave.vmd\n');
  });

  it('pads a short line starting with S to 7 bytes so MMDAgent-EX does not hold it', () => {
    expect(wireLine('STOP')).toBe('STOP\n\n\n');
    expect(Buffer.byteLength(wireLine('STOP'))).toBe(7);
    expect(wireLine('S')).toBe('S\n\n\n\n\n\n');
    expect(wireLine('SYNTH_START|0|v|hi')).toBe('SYNTH_START|0|v|hi\n');
    expect(wireLine('STOPS!')).toBe('STOPS!\n');
    /* Only S holds the stream; other short lines pass as they are. */
    expect(wireLine('KEY|a')).toBe('KEY|a\n');
  });

  it('refuses empty text, CR or LF inside, a leading SND, and more than 2047 bytes', () => {
    expect(lineProblem('')).toEqual({ code: 'empty' });
    expect(lineProblem('A|b\nC')).toEqual({ code: 'line-break' });
    expect(lineProblem('A|b\rC')).toEqual({ code: 'line-break' });
    expect(lineProblem('SNDFILE')).toEqual({ code: 'snd' });
    expect(lineProblem('SND1280')).toEqual({ code: 'snd' });
    expect(lineProblem('X'.repeat(2047))).toBeNull();
    expect(lineProblem('X'.repeat(2048))).toEqual({ code: 'too-long', bytes: 2048, max: 2047 });
    /* Bytes, not characters: 683 × 3-byte kana = 2049 bytes. */
    expect(lineProblem('あ'.repeat(682) + 'a')).toBeNull();
    expect(lineProblem('あ'.repeat(683))).toEqual({ code: 'too-long', bytes: 2049, max: 2047 });
  });

  it('splits compose input into one message per non-empty line and checks each', () => {
    expect(splitCompose('A|1\n\nB|2\r\n')).toEqual({ ok: true, lines: ['A|1', 'B|2'] });
    const bad = splitCompose('A|1\nSNDFILE\nB|2');
    expect(bad).toEqual({ ok: false, problem: { key: 'line', problem: { code: 'snd' }, line: 2 } });
    expect(splitCompose('SNDFILE')).toEqual({ ok: false, problem: { key: 'line', problem: { code: 'snd' } } });
    expect(splitCompose('\n \n'.trim())).toEqual({ ok: false, problem: { key: 'line', problem: { code: 'empty' } } });
    expect(splitCompose('X'.repeat(3000))).toMatchObject({ ok: false });
  });
});

describe('incoming framing', () => {
  it('splits on \\n and \\r\\n and keeps a partial line until its end arrives', () => {
    const s = new LineSplitter();
    expect(s.push(enc('A|1\nB|2\r\nC|'))).toEqual(['A|1', 'B|2']);
    expect(s.pendingBytes).toBe(2);
    expect(s.push(enc('3'))).toEqual([]);
    expect(s.push(enc('\n'))).toEqual(['C|3']);
    expect(s.push(enc('\n\n'))).toEqual([]);
  });

  it('hands lines to a callback in order, and keeps the partial line even when the callback throws', () => {
    const s = new LineSplitter();
    const got: string[] = [];
    s.each(enc('A|1\r\nB|2\nC|'), (line) => got.push(line));
    expect(got).toEqual(['A|1', 'B|2']);
    expect(() =>
      s.each(enc('3\nD|4\nE|'), () => {
        throw new Error('handler failed');
      }),
    ).toThrow('handler failed');
    expect(s.push(enc('5\n'))).toEqual(['E|5']);
  });

  it('joins a line sent one byte per frame', () => {
    const s = new LineSplitter();
    const bytes = enc('MOTION_EVENT_ADD|0|base\nNEXT|');
    const out: string[] = [];
    for (const b of bytes) out.push(...s.push(new Uint8Array([b])));
    expect(out).toEqual(['MOTION_EVENT_ADD|0|base']);
    expect(s.pendingBytes).toBe(5);
    expect(s.flush()).toBe('NEXT|');
  });

  it('joins a UTF-8 character cut between two frames', () => {
    const bytes = enc('RECOG_EVENT_STOP|こんにちは\n');
    const s = new LineSplitter();
    expect(s.push(bytes.subarray(0, 20))).toEqual([]);
    expect(s.push(bytes.subarray(20))).toEqual(['RECOG_EVENT_STOP|こんにちは']);
  });

  it('shows invalid UTF-8 as escaped bytes instead of throwing', () => {
    expect(decodeUtf8(new Uint8Array([0x41, 0xff, 0x42]))).toBe('A\\xFFB');
    expect(decodeUtf8(new Uint8Array([0xe3, 0x81]))).toBe('\\xE3\\x81');
    expect(decodeUtf8(enc('ok'))).toBe('ok');
    /* Surrogates and overlong forms are invalid too; valid runs around them survive. */
    expect(decodeUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80, 0x62]))).toBe('a\\xED\\xA0\\x80b');
    expect(decodeUtf8(new Uint8Array([0xc0, 0x80, ...enc('こ'), 0xff, 0xf0, 0x9f, 0x98, 0x80]))).toBe(
      '\\xC0\\x80こ\\xFF😀',
    );
  });

  it('does not hold a line without an end forever', () => {
    const s = new LineSplitter();
    const lines = s.push(new Uint8Array(MAX_PENDING_BYTES + 1).fill(0x41));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveLength(MAX_PENDING_BYTES + 1);
    expect(s.pendingBytes).toBe(0);
  });

  it('parses TYPE|args and control lines', () => {
    expect(parseMessage('MOTION_EVENT_ADD|0|base')).toEqual({ type: 'MOTION_EVENT_ADD', args: ['0', 'base'] });
    expect(parseMessage('AVATAR_EVENT_IDLE')).toEqual({ type: 'AVATAR_EVENT_IDLE', args: [] });
    expect(parseMessage('__AV_SETMODEL,0')).toEqual({ type: '__AV_SETMODEL', args: ['0'] });
    expect(parseMessage('__AV_START')).toEqual({ type: '__AV_START', args: [] });
  });

  it('classifies by the catalog, control lines and event names', () => {
    expect(classify('MODEL_ADD', 'in')).toBe('command');
    expect(classify('MODEL_EVENT_ADD', 'in')).toBe('event');
    expect(classify('__AV_START', 'out')).toBe('control');
    expect(classify('MY_EVENT_THING', 'out')).toBe('event');
    expect(classify('TEST_MESSAGE', 'in')).toBe('event');
    expect(classify('TEST_MESSAGE', 'out')).toBe('command');
  });

  it('knows which lines MMDAgent-EX echoes', () => {
    expect(expectedEcho('MODEL_ADD|0|a.pmd')).toBe('MODEL_ADD|0|a.pmd');
    expect(expectedEcho('__AV_MESSAGE,SYNTH_START|0|v|hi')).toBe('SYNTH_START|0|v|hi');
    expect(expectedEcho('__AV_START')).toBeNull();
    expect(expectedEcho('SNDSTRM')).toBeNull();
    expect(expectedEcho('SNDBRKS')).toBeNull();
  });

  it('previews binary frames as hex', () => {
    expect(hexPreview(new Uint8Array([0, 1, 254, 255]))).toBe('00 01 fe ff');
    expect(hexPreview(new Uint8Array(40), 4)).toBe('00 00 00 00 …');
  });
});
