import { describe, expect, it } from 'vitest';
import { AgentInputReader } from '../../../electron/core/agent-input.js';

const b = (s: string) => Buffer.from(s, 'latin1');

describe('AgentInputReader (what an agent parses, for the proxy log)', () => {
  it('reads lines, mode tags and SND packets, even split across frames', () => {
    const r = new AgentInputReader();
    expect(r.push(b('MOTION_ADD|0|a|a.vmd\nSNDFI'))).toEqual([{ kind: 'line', text: 'MOTION_ADD|0|a|a.vmd' }]);
    expect(r.atBoundary).toBe(false);
    expect(r.push(b('LE\nSND0004ab'))).toEqual([
      { kind: 'mode', tag: 'SNDFILE' },
      { kind: 'audio', bytes: 4 },
    ]);
    expect(r.atBoundary).toBe(false);
    expect(r.push(b('cdSNDBRKS\r\nKEY|x\r\n'))).toEqual([
      { kind: 'mode', tag: 'SNDBRKS' },
      { kind: 'line', text: 'KEY|x' },
    ]);
    expect(r.atBoundary).toBe(true);
  });

  it('holds a short line starting with S, as MMDAgent-EX does, until 7 bytes are there', () => {
    const r = new AgentInputReader();
    expect(r.push(b('STOP\n'))).toEqual([]);
    /* Complete with its newline: the panel's next bytes only release it, so they may go now. */
    expect(r.atBoundary).toBe(true);
    expect(r.push(b('\n\n'))).toEqual([{ kind: 'line', text: 'STOP' }]);
    expect(r.atBoundary).toBe(true);
  });

  it('decodes UTF-8 split between frames', () => {
    const r = new AgentInputReader();
    const bytes = Buffer.from('RECOG_EVENT_STOP|こんにちは\n');
    expect(r.push(bytes.subarray(0, 20))).toEqual([]);
    expect(r.push(bytes.subarray(20))).toEqual([{ kind: 'line', text: 'RECOG_EVENT_STOP|こんにちは' }]);
  });

  it('completes a half-read item harmlessly: silence for a packet, newlines for a line, a zero-length header', () => {
    const packet = new AgentInputReader();
    packet.push(b('SND0010abc'));
    expect(packet.completion()).toEqual(Buffer.alloc(7));
    expect(packet.atBoundary).toBe(true);

    const line = new AgentInputReader();
    line.push(b('MOTION_ADD|0|half'));
    expect(line.completion()!.toString()).toBe('\n');
    const shortS = new AgentInputReader();
    shortS.push(b('SYN'));
    expect(shortS.completion()!.toString()).toBe('\n\n\n\n');

    const header = new AgentInputReader();
    header.push(b('SND12'));
    const tail = header.completion()!;
    expect(tail.subarray(0, 2).toString()).toBe('00');
    expect(tail.length).toBe(2 + 1200);
    expect(new AgentInputReader().completion()).toBeNull();
  });
});
