import { describe, expect, it } from 'vitest';
import { AudioStreamer, type AudioHost, type SpeechEnd } from '../../../electron/core/audio-stream.js';
import { AvatarControl } from '../../../electron/core/avatar-control.js';
import { FakeClock } from '../../support/fake-clock.js';
import { noticeEnglish } from '../../../electron/core/log-words.js';

function host() {
  const wire: { agentId: number; frame: string | Uint8Array }[] = [];
  const notices: string[] = [];
  const h: AudioHost = {
    has: () => true,
    sendBytes: (agentId, bytes) => (wire.push({ agentId, frame: bytes }), true),
    control: (agentId, line) => (wire.push({ agentId, frame: line }), true),
    notice: (msg) => void notices.push(noticeEnglish(msg)),
    changed: () => undefined,
  };
  const lines = (agentId: number) =>
    wire.filter((w) => w.agentId === agentId && typeof w.frame === 'string').map((w) => w.frame as string);
  return { h, wire, notices, lines, avatar: new AvatarControl() };
}

const pcm = (ms: number) => new Uint8Array(ms * 32);

describe('AudioStreamer', () => {
  it('sends the preamble once per connection, and again after a reconnect', () => {
    const { h, lines, avatar } = host();
    const a = new AudioStreamer(h, avatar);
    a.micStart(1, '0');
    a.micStop(1);
    a.micStart(1, '0');
    a.micStop(1);
    expect(lines(1)).toEqual(['__AV_START', '__AV_SETMODEL,0', 'SNDSTRM', 'SNDBRKS', 'SNDSTRM', 'SNDBRKS']);
    a.micStart(1, 'mei');
    a.micStop(1);
    expect(lines(1).slice(6)).toEqual(['__AV_SETMODEL,mei', 'SNDSTRM', 'SNDBRKS']);
    /* The agent left: the feed ends its streams and forgets what its avatar was told. */
    a.agentLeft(1);
    avatar.forget(1);
    a.micStart(1, 'mei');
    expect(lines(1).slice(9)).toEqual(['__AV_START', '__AV_SETMODEL,mei', 'SNDSTRM']);
    /* Another connection has its own state. */
    a.micStart(2, 'mei');
    expect(lines(2)).toEqual(['__AV_START', '__AV_SETMODEL,mei', 'SNDSTRM']);
  });

  it('follows control lines the operator typed by hand', () => {
    const { h, lines, avatar } = host();
    const a = new AudioStreamer(h, avatar);
    avatar.note(1, '__AV_START');
    avatar.note(1, '__AV_SETMODEL,0');
    a.micStart(1, '0');
    expect(lines(1)).toEqual(['SNDSTRM']);
    a.micStop(1);
    avatar.note(1, '__AV_END');
    a.micStart(1, '0');
    expect(lines(1).slice(2)).toEqual(['__AV_START', '__AV_SETMODEL,0', 'SNDSTRM']);
  });

  it('queues or replaces a second file, as asked, and stop ends the segment with SNDBRKS', () => {
    const { h, lines, notices, avatar } = host();
    const a = new AudioStreamer(h, avatar);
    expect(a.streamFile(1, { alias: '0', name: 'a.wav', pcm: pcm(2000), whenBusy: 'queue' })).toEqual({
      ok: true,
      queued: 0,
    });
    expect(a.streamFile(1, { alias: '0', name: 'b.wav', pcm: pcm(2000), whenBusy: 'queue' })).toEqual({
      ok: true,
      queued: 1,
    });
    expect(a.status()).toEqual([
      expect.objectContaining({ agentId: 1, state: 'file', name: 'a.wav', queued: ['b.wav'] }),
    ]);
    expect(a.streamFile(1, { alias: '0', name: 'c.wav', pcm: pcm(2000), whenBusy: 'replace' })).toEqual({
      ok: true,
      queued: 0,
    });
    expect(lines(1)).toEqual(['__AV_START', '__AV_SETMODEL,0', 'SNDFILE', 'SNDBRKS', 'SNDFILE']);
    expect(notices.some((n) => /Stopped streaming "a.wav".*replaced by "c.wav"/.test(n))).toBe(true);
    expect(a.stop(1)).toEqual({ ok: true, queued: 0 });
    expect(lines(1).at(-1)).toBe('SNDBRKS');
    expect(a.status()).toEqual([]);
    expect(a.stop(1)).toMatchObject({ ok: false });
  });

  it('refuses empty and over-long audio and bad aliases, sending nothing', () => {
    const { h, wire, avatar } = host();
    const a = new AudioStreamer(h, avatar);
    a.maxDurationSec = 2;
    expect(a.streamFile(1, { alias: '0', name: 'e.wav', pcm: new Uint8Array(1), whenBusy: 'queue' })).toMatchObject({
      ok: false,
      problem: { key: 'audioEmpty', name: 'e.wav' },
    });
    expect(a.streamFile(1, { alias: '0', name: 'l.wav', pcm: pcm(2100), whenBusy: 'queue' })).toMatchObject({
      ok: false,
      problem: { key: 'audioTooLong', name: 'l.wav', limit: 2 },
    });
    expect(a.streamFile(1, { alias: 'a,b', name: 'x.wav', pcm: pcm(100), whenBusy: 'queue' })).toMatchObject({
      ok: false,
    });
    expect(a.micStart(1, '')).toMatchObject({ ok: false });
    expect(wire).toEqual([]);
  });

  it('never sends a frame over 8192 bytes or a payload over 4096, on every path', () => {
    const { h, wire, avatar } = host();
    const a = new AudioStreamer(h, avatar, { leadMs: 160 });
    a.streamFile(1, { alias: '0', name: 'odd.wav', pcm: pcm(1234).subarray(0, 1234 * 32 - 6), whenBusy: 'queue' });
    a.stop(1);
    a.micStart(2, '0');
    a.micChunk(2, new Uint8Array(1280), 0);
    a.micChunk(2, new Uint8Array(10_000), 0);
    a.micChunk(2, new Uint8Array(8194), 0);
    a.micStop(2);
    const frames = wire.map((w) => (typeof w.frame === 'string' ? Buffer.from(w.frame + '\n') : Buffer.from(w.frame)));
    expect(frames.length).toBeGreaterThan(10);
    for (const f of frames) {
      expect(f.length).toBeLessThan(8192);
      if (f.subarray(0, 3).toString() === 'SND' && /^\d{4}$/.test(f.subarray(3, 7).toString())) {
        const n = Number(f.subarray(3, 7).toString());
        expect(n).toBeLessThanOrEqual(4096);
        expect(f.length).toBe(7 + n);
      }
    }
    const micBytes = wire
      .filter((w) => w.agentId === 2 && typeof w.frame !== 'string')
      .reduce((n, w) => n + (w.frame as Uint8Array).length - 7, 0);
    expect(micBytes).toBe(1280 + 10_000 + 8194);
  });

  it('drops microphone audio that runs more than a second ahead of real time', () => {
    const { h, wire, notices, avatar } = host();
    const a = new AudioStreamer(h, avatar);
    a.micStart(1, '0');
    for (let i = 0; i < 100; i++) a.micChunk(1, new Uint8Array(1280), 0);
    const packets = wire.filter((w) => typeof w.frame !== 'string').length;
    expect(packets).toBeGreaterThanOrEqual(25);
    expect(packets).toBeLessThan(30);
    a.micStop(1);
    expect(notices.at(-1)).toMatch(/\d+ microphone chunks ahead of real time were dropped/);
  });

  it('stops a stream when its agent disconnects, with a message, and forgets the queue', () => {
    const { h, notices, lines, avatar } = host();
    const a = new AudioStreamer(h, avatar);
    a.streamFile(3, { alias: '0', name: 'a.wav', pcm: pcm(3000), whenBusy: 'queue' });
    a.streamFile(3, { alias: '0', name: 'b.wav', pcm: pcm(3000), whenBusy: 'queue' });
    a.agentLeft(3);
    expect(notices.at(-1)).toMatch(/Stopped streaming "a.wav" to agent #3 \(agent disconnected\)/);
    expect(lines(3).at(-1)).toBe('SNDFILE');
    expect(a.status()).toEqual([]);
  });
});

describe('AudioStreamer: a Say, sentence by sentence', () => {
  function speaking() {
    const { h, wire, lines, avatar } = host();
    const clock = new FakeClock();
    const a = new AudioStreamer(h, avatar, { clock });
    const ends: SpeechEnd[] = [];
    const events = (agentId = 1) =>
      wire
        .filter((w) => w.agentId === agentId)
        .map((w) => (typeof w.frame === 'string' ? w.frame : `audio:${w.frame.length - 7}`));
    const say = (first: Uint8Array, whenBusy: 'queue' | 'replace' = 'queue', name = 'hello') =>
      a.speak(1, { name, alias: '0', first, whenBusy, onEnd: (e) => ends.push(e) });
    return { a, clock, ends, events, lines, say };
  }
  const bytes = (events: string[]) =>
    events.filter((e) => e.startsWith('audio:')).reduce((n, e) => n + Number(e.slice(6)), 0);

  it('plays each pushed sentence as its own SNDFILE…SNDBRKS segment, waiting for one not yet synthesized', () => {
    const { a, clock, ends, events, say } = speaking();
    const { result, handle } = say(pcm(400));
    expect(result).toEqual({ ok: true, queued: 0 });
    clock.advance(500);
    /* The first sentence is done; the second is still being synthesized: the utterance waits. */
    expect(events().filter((e) => !e.startsWith('audio:'))).toEqual([
      '__AV_START',
      '__AV_SETMODEL,0',
      'SNDFILE',
      'SNDBRKS',
    ]);
    expect(a.status()).toEqual([{ agentId: 1, state: 'speech', name: 'hello', totalMs: 400, sentMs: 400, queued: [] }]);
    expect(handle!.push(pcm(200))).toBe(true);
    handle!.close();
    clock.advance(500);
    expect(events().filter((e) => !e.startsWith('audio:'))).toEqual([
      '__AV_START',
      '__AV_SETMODEL,0',
      'SNDFILE',
      'SNDBRKS',
      'SNDFILE',
      'SNDBRKS',
    ]);
    expect(bytes(events())).toBe(600 * 32);
    expect(ends).toEqual([{ how: 'done', sentMs: 600, segments: 2, replacedBy: '' }]);
    expect(handle!.push(pcm(100))).toBe(false);
    expect(a.status()).toEqual([]);
  });

  it('Stop speech ends the segment playing with SNDBRKS, and later sentences are refused', () => {
    const { a, clock, ends, events, say } = speaking();
    const { handle } = say(pcm(2000));
    clock.advance(500);
    expect(a.stopSpeech(1)).toBe(true);
    expect(events().at(-1)).toBe('SNDBRKS');
    expect(ends).toEqual([
      { how: 'stopped', reason: 'operatorStop', sentMs: expect.closeTo(680, -2), segments: 1, replacedBy: '' },
    ]);
    expect(handle!.push(pcm(100))).toBe(false);
    expect(a.stopSpeech(1)).toBe(false);
  });

  it('queues behind a file, and a file that replaces it ends it with its name', () => {
    const { a, clock, ends, events, say } = speaking();
    a.streamFile(1, { alias: '0', name: 'music.wav', pcm: pcm(300), whenBusy: 'queue' });
    const queued = say(pcm(100));
    expect(queued.result).toEqual({ ok: true, queued: 1 });
    /* The last sentence may be known while the utterance still waits its turn. */
    queued.handle!.close();
    expect(a.status()[0]).toMatchObject({ state: 'file', queued: ['hello'] });
    expect(a.currentName(1)).toBe('music.wav');
    clock.advance(1000);
    expect(ends).toEqual([{ how: 'done', sentMs: 100, segments: 1, replacedBy: '' }]);
    say(pcm(1000), 'queue', 'long');
    clock.advance(100);
    a.streamFile(1, { alias: '0', name: 'urgent.wav', pcm: pcm(100), whenBusy: 'replace' });
    expect(ends.at(-1)).toMatchObject({ how: 'stopped', reason: 'replaced', replacedBy: 'urgent.wav' });
    clock.advance(500);
    expect(events().filter((e) => e === 'SNDFILE')).toHaveLength(4);
  });

  it('a Say waiting in the queue hears that it was dropped when the agent leaves or Stop clears it', () => {
    const { a, ends, say } = speaking();
    a.streamFile(1, { alias: '0', name: 'music.wav', pcm: pcm(300), whenBusy: 'queue' });
    const { handle } = say(pcm(100));
    a.agentLeft(1);
    expect(ends).toEqual([{ how: 'stopped', reason: 'agentDisconnected', sentMs: 0, segments: 0 }]);
    expect(handle!.push(pcm(100))).toBe(false);
    a.streamFile(1, { alias: '0', name: 'music.wav', pcm: pcm(300), whenBusy: 'queue' });
    say(pcm(100));
    expect(a.stop(1)).toEqual({ ok: true, queued: 0 });
    expect(ends.at(-1)).toEqual({ how: 'stopped', reason: 'operatorStop', sentMs: 0, segments: 0 });
  });

  it('refuses a bad alias, empty audio, and speaking over the microphone', () => {
    const { a, say } = speaking();
    expect(
      a.speak(1, { name: 'x', alias: 'a|b', first: pcm(10), whenBusy: 'queue', onEnd: () => undefined }).result,
    ).toEqual({ ok: false, problem: { key: 'badAlias' } });
    expect(say(new Uint8Array(1)).result).toEqual({ ok: false, problem: { key: 'audioEmpty', name: 'hello' } });
    a.micStart(1, '0');
    expect(say(pcm(10)).result).toEqual({ ok: false, problem: { key: 'micBusy' } });
    expect(a.micStart(2, '0')).toEqual({ ok: true, queued: 0 });
    say(pcm(10));
    const other = a.speak(2, { name: 'y', alias: '0', first: pcm(10), whenBusy: 'queue', onEnd: () => undefined });
    expect(other.result).toEqual({ ok: false, problem: { key: 'micBusy' } });
  });
});

describe('AudioStreamer: one timeline per agent', () => {
  it('back-to-back segments and queued streams never run more than 200 ms ahead of real time', () => {
    const { h, wire, avatar } = host();
    const clock = new FakeClock();
    const sent: { at: number; ms: number }[] = [];
    const counting: AudioHost = {
      ...h,
      sendBytes: (agentId, bytes) => (
        sent.push({ at: clock.now(), ms: (bytes.length - 7) / 32 }),
        h.sendBytes(agentId, bytes)
      ),
    };
    const a = new AudioStreamer(counting, avatar, { clock });
    /* Three sentences all synthesized before the first ends, then a file queued behind them. */
    const { handle } = a.speak(1, {
      name: 'three',
      alias: '0',
      first: pcm(1000),
      whenBusy: 'queue',
      onEnd: () => undefined,
    });
    handle!.push(pcm(1000));
    handle!.push(pcm(1000));
    handle!.close();
    a.streamFile(1, { alias: '0', name: 'after.wav', pcm: pcm(1000), whenBusy: 'queue' });
    let maxLead = 0;
    let audio = 0;
    for (const s of sent.splice(0)) audio += s.ms;
    maxLead = Math.max(maxLead, audio - clock.now());
    for (let t = 0; t < 5000; t += 5) {
      clock.advance(5);
      for (const s of sent.splice(0)) {
        audio += s.ms;
        maxLead = Math.max(maxLead, audio - s.at);
      }
    }
    expect(audio).toBe(4000);
    expect(maxLead).toBeLessThanOrEqual(200);
    expect(wire.filter((w) => w.frame === 'SNDFILE')).toHaveLength(4);
  });
});
